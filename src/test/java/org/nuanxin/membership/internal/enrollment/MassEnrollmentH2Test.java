package org.nuanxin.membership.internal.enrollment;

import org.nuanxin.support.NuanxinTest;

@NuanxinTest
class MassEnrollmentH2Test extends MassEnrollmentTest {}
