package org.nuanxin.station.internal;

import org.nuanxin.support.NuanxinTest;

@NuanxinTest
class StationImportH2Test extends StationImportTest {}
