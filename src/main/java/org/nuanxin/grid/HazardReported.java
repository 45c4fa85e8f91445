package org.nuanxin.grid;

import org.jspecify.annotations.Nullable;

/**
 * A hazard report was accepted (from the app or Open311), published through the outbox in the same transaction.
 *
 * @param reportId       the report
 * @param category       its category
 * @param districtCode   the 6-digit district the point lies in
 * @param blockId        the rider-friendly block the point lies in, or null
 * @param organizationId the organisation whose staff handle it
 * @param channel        {@code APP} or {@code OPEN311}
 */
public record HazardReported(
        long reportId,
        HazardCategory category,
        String districtCode,
        @Nullable Long blockId,
        long organizationId,
        String channel) {}
