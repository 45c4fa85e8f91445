package org.nuanxin.membership.internal.members;

import org.nuanxin.support.NuanxinTest;

@NuanxinTest
class MemberListH2Test extends MemberListTest {}
