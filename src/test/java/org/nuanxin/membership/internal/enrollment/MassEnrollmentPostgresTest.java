package org.nuanxin.membership.internal.enrollment;

import org.nuanxin.support.PostgresTest;

@PostgresTest
class MassEnrollmentPostgresTest extends MassEnrollmentTest {}
