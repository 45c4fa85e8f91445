/** Implementation of the audit log on table audit_log, and its retention. */
@org.jspecify.annotations.NullMarked
package org.nuanxin.audit.internal;
