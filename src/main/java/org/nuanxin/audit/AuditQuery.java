package org.nuanxin.audit;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A search of the audit log; a blank or null field means "any".
 *
 * @param actor    exact username
 * @param action   action code, or its prefix ending in a dot (e.g. {@code station.})
 * @param recordId exact record id or code
 * @param from     first day (inclusive), in the application's time zone
 * @param to       last day (inclusive), in the application's time zone
 */
public record AuditQuery(
        @Nullable String actor,
        @Nullable String action,
        @Nullable String recordId,
        @Nullable LocalDate from,
        @Nullable LocalDate to) {

    /** Every entry. */
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null);
    }
}
