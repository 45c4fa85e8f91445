package org.nuanxin.membership.internal.members;

import org.nuanxin.support.PostgresTest;

@PostgresTest
class MemberListPostgresTest extends MemberListTest {}
