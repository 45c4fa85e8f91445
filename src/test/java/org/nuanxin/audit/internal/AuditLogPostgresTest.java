package org.nuanxin.audit.internal;

import org.nuanxin.support.PostgresTest;

/** {@link AuditLogTest} on PostgreSQL. */
@PostgresTest
class AuditLogPostgresTest extends AuditLogTest {}
