package org.nuanxin.identity.internal;

import org.nuanxin.support.NuanxinTest;

/** {@link WorkerSignInCodesTest} on H2. */
@NuanxinTest
class WorkerSignInCodesH2Test extends WorkerSignInCodesTest {}
