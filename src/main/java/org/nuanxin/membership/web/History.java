package org.nuanxin.membership.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.nuanxin.membership.internal.Period;

/**
 * The history of a membership as shown: the periods, oldest first, with the gaps between them (a withdrawal and a
 * later rejoin) as rows of their own, so a gap is visible and not merely implied by dates.
 *
 * @param period the period, null for a gap
 * @param gapFrom first day without membership (a gap's row)
 * @param gapTo   last day without membership (a gap's row)
 */
record History(
        @Nullable Period period,
        @Nullable LocalDate gapFrom,
        @Nullable LocalDate gapTo) {

    /** @return whether this row is a gap */
    public boolean gap() {
        return period == null;
    }

    static List<History> of(List<Period> periods) {
        List<History> rows = new ArrayList<>();
        Period previous = null;
        for (Period p : periods) {
            if (previous != null
                    && previous.endedOn() != null
                    && p.startedOn().isAfter(previous.endedOn().plusDays(1))) {
                rows.add(new History(
                        null, previous.endedOn().plusDays(1), p.startedOn().minusDays(1)));
            }
            rows.add(new History(p, null, null));
            previous = p;
        }
        return rows;
    }
}
