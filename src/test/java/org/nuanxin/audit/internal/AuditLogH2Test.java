package org.nuanxin.audit.internal;

import org.nuanxin.support.NuanxinTest;
import org.springframework.context.annotation.Import;

/** {@link AuditLogTest} on H2 (PostgreSQL mode). */
@NuanxinTest
@Import(AuditLogTest.Time.class)
class AuditLogH2Test extends AuditLogTest {
}
