package org.nuanxin.membership.internal.members;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.nuanxin.membership.EnrollmentRoute;
import org.nuanxin.membership.MembershipState;
import org.nuanxin.membership.Occupation;

/**
 * The filters of the members list and its export, as read by {@link MemberFilterParser}; null means "any".
 *
 * @param organizationId the union (and every union under it), within the reader's scope
 * @param occupation     the occupation
 * @param route          work-location or origin-location enrollment
 * @param state          the membership's state
 * @param joinedFrom     first day of the first membership period, from (inclusive)
 * @param joinedTo       the same, to (inclusive)
 * @param enterpriseId   the platform enterprise
 */
record MemberFilter(
        @Nullable Long organizationId,
        @Nullable Occupation occupation,
        @Nullable EnrollmentRoute route,
        @Nullable MembershipState state,
        @Nullable LocalDate joinedFrom,
        @Nullable LocalDate joinedTo,
        @Nullable Long enterpriseId) {

    static final MemberFilter NONE = new MemberFilter(null, null, null, null, null, null, null);

    /** @return the filter as short non-personal text for the audit log, e.g. {@code occupation=COURIER state=ACTIVE} */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (organizationId != null) {
            parts.add("organization=" + organizationId);
        }
        if (occupation != null) {
            parts.add("occupation=" + occupation);
        }
        if (route != null) {
            parts.add("route=" + route);
        }
        if (state != null) {
            parts.add("state=" + state);
        }
        if (joinedFrom != null) {
            parts.add("from=" + joinedFrom);
        }
        if (joinedTo != null) {
            parts.add("to=" + joinedTo);
        }
        if (enterpriseId != null) {
            parts.add("enterprise=" + enterpriseId);
        }
        return parts.isEmpty() ? "all" : String.join(" ", parts);
    }
}
