package org.nuanxin.membership.internal;

import org.nuanxin.support.NuanxinTest;

/** {@link MembershipFlowTest} on H2 in PostgreSQL mode. */
@NuanxinTest
class MembershipFlowH2Test extends MembershipFlowTest {}
