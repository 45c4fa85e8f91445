package org.nuanxin.grid.internal;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.nuanxin.grid.HazardCategory;
import org.nuanxin.grid.ReportState;

/**
 * Filters of the triage queue, the map and the export (the same filter for all three, within the data scope).
 *
 * @param categories     empty: every category
 * @param states         empty: every state
 * @param blockId        only reports in this block, or null
 * @param submittedAfter only reports submitted at or after this instant (the "age" filter), or null
 * @param overdueOnly    only SUBMITTED reports past their verification due time
 * @param organizationId narrow the data scope to this organisation's subtree (never widens it), or null
 */
public record ReportFilter(
        Set<HazardCategory> categories,
        Set<ReportState> states,
        @Nullable Long blockId,
        @Nullable Instant submittedAfter,
        boolean overdueOnly,
        @Nullable Long organizationId) {

    public ReportFilter {
        categories = Set.copyOf(categories);
        states = Set.copyOf(states);
    }

    /** Every report of the scope. */
    public static ReportFilter all() {
        return new ReportFilter(Set.of(), Set.of(), null, null, false, null);
    }
}
