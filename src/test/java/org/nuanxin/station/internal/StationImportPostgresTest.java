package org.nuanxin.station.internal;

import org.nuanxin.support.PostgresTest;

@PostgresTest
class StationImportPostgresTest extends StationImportTest {}
