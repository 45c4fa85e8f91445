package org.nuanxin.organization.internal.enterprise;

import org.nuanxin.support.NuanxinTest;

@NuanxinTest
class EnterpriseRegistryH2Test extends EnterpriseRegistryTest {}
