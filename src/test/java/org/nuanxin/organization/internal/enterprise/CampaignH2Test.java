package org.nuanxin.organization.internal.enterprise;

import org.nuanxin.support.NuanxinTest;

@NuanxinTest
class CampaignH2Test extends CampaignTest {}
