package org.nuanxin.grid.open311;

import org.nuanxin.support.PostgresTest;

@PostgresTest
class Open311ApiPostgresTest extends Open311ApiTest {}
