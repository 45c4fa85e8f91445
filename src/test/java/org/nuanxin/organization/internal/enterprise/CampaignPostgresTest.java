package org.nuanxin.organization.internal.enterprise;

import org.nuanxin.support.PostgresTest;

@PostgresTest
class CampaignPostgresTest extends CampaignTest {}
