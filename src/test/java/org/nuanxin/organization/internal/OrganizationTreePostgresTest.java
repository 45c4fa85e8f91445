package org.nuanxin.organization.internal;

import org.nuanxin.support.PostgresTest;

@PostgresTest
class OrganizationTreePostgresTest extends OrganizationTreeTest {}
