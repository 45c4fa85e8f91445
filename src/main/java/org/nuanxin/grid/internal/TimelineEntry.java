package org.nuanxin.grid.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.nuanxin.grid.ReportState;

/**
 * One step of a report's timeline ({@code grid_report_event}), shown to the reporter and to staff.
 *
 * @param id          the entry id
 * @param reportId    the report
 * @param kind        what happened
 * @param stateAfter  the report's state after it
 * @param actor       the staff username; empty for the reporter or an API client
 * @param note        the reason, progress or fix note, or what a follower added (plain text, may be empty)
 * @param forwardedTo the unit it was forwarded to (FORWARDED), else null
 * @param photoKey    the public key of a photo attached to the step (FIXED, FOLLOWED), else null
 * @param relatedId   the other report of a MERGED step (the one it was merged into), else null
 * @param occurredAt  when
 */
public record TimelineEntry(
        long id,
        long reportId,
        Kind kind,
        ReportState stateAfter,
        String actor,
        String note,
        @Nullable String forwardedTo,
        @Nullable String photoKey,
        @Nullable Long relatedId,
        Instant occurredAt) {

    /** Kinds of steps; the interface names are {@code grid.timeline.<KIND>}. */
    public enum Kind {
        SUBMITTED,
        FOLLOWED,
        VERIFIED,
        REJECTED,
        MERGED,
        FORWARDED,
        NOTE,
        FIXED,
        REOPENED
    }
}
