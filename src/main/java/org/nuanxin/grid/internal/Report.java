package org.nuanxin.grid.internal;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.grid.HazardCategory;
import org.nuanxin.grid.ReportState;

/**
 * A hazard report as stored ({@code grid_report}).
 *
 * @param id              the report id, also the Open311 {@code service_request_id}
 * @param token           the Open311 token (UUID)
 * @param category        its category
 * @param description     the reporter's words (plain text, at most {@link ReportService#MAX_DESCRIPTION} characters)
 * @param longitude       WGS-84 degrees
 * @param latitude        WGS-84 degrees
 * @param sourceCrs       the coordinate system the point arrived in ({@code WGS84}, {@code GCJ02}, {@code BD09})
 * @param address         an address the reporter or API client gave (may be empty)
 * @param districtCode    the 6-digit district the point lies in
 * @param blockId         the block the point lies in, or null
 * @param organizationId  the organisation whose staff handle it (data scope)
 * @param state           where it stands
 * @param channel         {@code APP} or {@code OPEN311}
 * @param reporterKey     lookup key of the reporter's mobile (APP), else null
 * @param reporterMasked  the reporter's masked mobile (APP), else null
 * @param apiKeyId        the Open311 key it came through, else null
 * @param duplicateOf     the report it was merged into, or null
 * @param responsibleUnit the unit it was forwarded to, or null
 * @param submittedAt     when it was accepted
 * @param verifyDueAt     when it should be verified by (SLA, {@code nuanxin.grid.verify-within}, default 24 h)
 * @param verifiedAt      when it was first verified, or null
 * @param closedAt        when it was last fixed, rejected or merged, or null while open
 * @param updatedAt       its last change
 * @param version         optimistic version: every action names the version the staff member saw
 */
public record Report(
        long id,
        String token,
        HazardCategory category,
        String description,
        double longitude,
        double latitude,
        String sourceCrs,
        String address,
        String districtCode,
        @Nullable Long blockId,
        long organizationId,
        ReportState state,
        String channel,
        @Nullable String reporterKey,
        @Nullable String reporterMasked,
        @Nullable Long apiKeyId,
        @Nullable Long duplicateOf,
        @Nullable String responsibleUnit,
        Instant submittedAt,
        Instant verifyDueAt,
        @Nullable Instant verifiedAt,
        @Nullable Instant closedAt,
        Instant updatedAt,
        int version) {

    /** The channel of a report a signed-in worker made. */
    public static final String APP = "APP";
    /** The channel of a report an API client made. */
    public static final String OPEN311 = "OPEN311";

    /** @return the WGS-84 point */
    public GeoPoint point() {
        return GeoPoint.of(longitude, latitude);
    }

    /** @return whether it still waits for verification past its due time at {@code now} */
    public boolean overdue(Instant now) {
        return state == ReportState.SUBMITTED && now.isAfter(verifyDueAt);
    }

    /** @return the time left to verify (negative when overdue), for the SLA clock */
    public Duration timeToVerify(Instant now) {
        return Duration.between(now, verifyDueAt);
    }
}
