package org.nuanxin.organization.internal.enterprise;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A union-establishment campaign (建会攻坚行动) with its progress over the targets the viewer's data scope
 * holds.
 *
 * @param id               database id
 * @param name             name, e.g. 头部企业建会攻坚
 * @param startsOn         first day
 * @param deadline         last day: a target without an established union after it is overdue
 * @param organizationId   the organisation running it
 * @param organizationName its name
 * @param notes            notes, null when none
 * @param demo             demonstration data
 * @param version          optimistic-lock version
 * @param targets          targets in the viewer's scope
 * @param established      of those, how many have an established union
 */
record Campaign(
        long id,
        String name,
        LocalDate startsOn,
        LocalDate deadline,
        long organizationId,
        String organizationName,
        @Nullable String notes,
        boolean demo,
        int version,
        long targets,
        long established) {

    /** @return the share of targets with a union, 0–100, rounded down; 0 without targets */
    public int percent() {
        return targets == 0 ? 0 : (int) (established * 100 / targets);
    }

    /** @return targets without a union once {@code today} is after the deadline, else 0 */
    public long overdue(LocalDate today) {
        return today.isAfter(deadline) ? targets - established : 0;
    }

    /** @return whether {@code today} is after the deadline */
    public boolean ended(LocalDate today) {
        return today.isAfter(deadline);
    }
}
