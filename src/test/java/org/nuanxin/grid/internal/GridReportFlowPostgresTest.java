package org.nuanxin.grid.internal;

import org.nuanxin.support.PostgresTest;

@PostgresTest
class GridReportFlowPostgresTest extends GridReportFlowTest {}
