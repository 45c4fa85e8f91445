package org.nuanxin.grid.internal;

import org.nuanxin.support.NuanxinTest;

@NuanxinTest
class GridReportFlowH2Test extends GridReportFlowTest {}
