package org.nuanxin.identity.internal;

import org.nuanxin.support.PostgresTest;

/** {@link WorkerSignInCodesTest} on a real PostgreSQL. */
@PostgresTest
class WorkerSignInCodesPostgresTest extends WorkerSignInCodesTest {}
