package org.nuanxin.membership.internal.enrollment;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.nuanxin.identity.ResidentIdNumber;
import org.nuanxin.kernel.FieldProblem;

/**
 * One roster row as checked, before anyone looks at the members already stored.
 *
 * @param rowNumber    the row as numbered in the file
 * @param name         the name as written (trimmed, NFKC), or null when missing
 * @param idNumber     the identity number when it passed every rule, else null
 * @param mobile       the mobile number in E.164 form when valid, else null
 * @param occupation   the occupation (an {@code Occupation} constant's name) when recognised, else null
 * @param route        {@code WORK_LOCATION} (the default) or {@code ORIGIN_LOCATION}, or null when unrecognised
 * @param enterpriseId the platform enterprise when given and found, else null
 * @param joinedOn     the joining date given, or the event's date; null when unreadable
 * @param problems     problems of single cells, {@code field} being the schema key of the column
 */
record RosterRow(
        int rowNumber,
        @Nullable String name,
        @Nullable ResidentIdNumber idNumber,
        @Nullable String mobile,
        @Nullable String occupation,
        @Nullable String route,
        @Nullable Long enterpriseId,
        @Nullable LocalDate joinedOn,
        List<FieldProblem> problems) {

    boolean valid() {
        return problems.isEmpty();
    }
}
