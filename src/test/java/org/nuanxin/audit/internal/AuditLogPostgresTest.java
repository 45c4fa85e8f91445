package org.nuanxin.audit.internal;

import org.nuanxin.support.PostgresTest;
import org.springframework.context.annotation.Import;

/** {@link AuditLogTest} on PostgreSQL. */
@PostgresTest
@Import(AuditLogTest.Time.class)
class AuditLogPostgresTest extends AuditLogTest {
}
