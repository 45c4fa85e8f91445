package org.nuanxin.grid.open311;

import org.nuanxin.support.NuanxinTest;

@NuanxinTest
class Open311ApiH2Test extends Open311ApiTest {}
