package org.nuanxin.membership.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A member's request to move to another union.
 *
 * @param id                 database id
 * @param memberId           the member
 * @param fromOrganizationId the union left
 * @param toOrganizationId   the union asked for (decides)
 * @param reason             the member's reason
 * @param state              PENDING, ACCEPTED, DECLINED or CANCELLED
 * @param declineReason      the receiving union's reason when declined
 * @param requestedAt        when asked
 * @param decidedAt          when decided
 * @param version            optimistic-lock version
 */
public record Transfer(
        long id,
        long memberId,
        long fromOrganizationId,
        long toOrganizationId,
        String reason,
        String state,
        @Nullable String declineReason,
        Instant requestedAt,
        @Nullable Instant decidedAt,
        int version) {

    /** @return the message key of the state, e.g. {@code membership.transfer.state.PENDING} */
    public String stateKey() {
        return "membership.transfer.state." + state;
    }
}
