package org.nuanxin.organization.internal.enterprise;

import org.nuanxin.support.NuanxinTest;

@NuanxinTest
class EnterpriseImportH2Test extends EnterpriseImportTest {}
