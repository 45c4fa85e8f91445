package org.nuanxin.membership.internal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One period of membership with one union.
 *
 * @param id               database id
 * @param organizationId   the union
 * @param organizationName its name
 * @param startedOn        first day (city date)
 * @param endedOn          last day, null while open
 * @param endReason        TRANSFERRED or WITHDRAWN, null while open
 */
public record Period(
        long id,
        long organizationId,
        String organizationName,
        LocalDate startedOn,
        @Nullable LocalDate endedOn,
        @Nullable String endReason) {

    /** @return the message key of the end reason, or of "current" while open */
    public String endKey() {
        return endReason == null ? "membership.period.open" : "membership.period.end." + endReason;
    }
}
