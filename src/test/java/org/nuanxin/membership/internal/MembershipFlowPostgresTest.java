package org.nuanxin.membership.internal;

import org.nuanxin.support.PostgresTest;

/** {@link MembershipFlowTest} on PostgreSQL. */
@PostgresTest
class MembershipFlowPostgresTest extends MembershipFlowTest {}
