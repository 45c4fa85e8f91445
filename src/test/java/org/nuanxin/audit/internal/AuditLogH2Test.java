package org.nuanxin.audit.internal;

import org.nuanxin.support.NuanxinTest;

/** {@link AuditLogTest} on H2 (PostgreSQL mode). */
@NuanxinTest
class AuditLogH2Test extends AuditLogTest {}
