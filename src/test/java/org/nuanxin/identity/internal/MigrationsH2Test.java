package org.nuanxin.identity.internal;

import org.nuanxin.support.NuanxinTest;

/** {@link MigrationsTest} on H2 in PostgreSQL mode. */
@NuanxinTest
class MigrationsH2Test extends MigrationsTest {}
