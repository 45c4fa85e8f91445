package org.nuanxin.organization.internal;

import org.nuanxin.support.NuanxinTest;

@NuanxinTest
class OrganizationTreeH2Test extends OrganizationTreeTest {}
