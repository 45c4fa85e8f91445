package org.nuanxin.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the audit log, as stored. No personal data beyond the actor's username.
 *
 * @param id            database id
 * @param occurredAt    when (UTC)
 * @param actor         username of who did it, or {@link AuditLog#UNKNOWN_ACTOR}
 * @param action        action code, e.g. {@code station.update}
 * @param recordType    kind of record touched, e.g. {@code station}; empty when none
 * @param recordId      the record's id or code; empty when none
 * @param clientAddress the client's IP address; empty outside a request
 * @param reason        the reason the actor gave, empty when none was asked for
 * @param details       short non-personal details, e.g. counts or an export's filter
 */
public record AuditEntry(
        long id,
        Instant occurredAt,
        String actor,
        String action,
        @Nullable String recordType,
        @Nullable String recordId,
        String clientAddress,
        @Nullable String reason,
        @Nullable String details) {}
