package org.nuanxin.membership;

import java.time.LocalDate;

/**
 * A mass-enrollment roster (集中入会) was committed: many people became members of one union at once, and current
 * members of that union had their details corrected. One event per roster, not per person: a roster holds up to
 * 100,000 rows, and a listener that needs the people reads the memberships of the union joined on that day with
 * source {@code IMPORT}.
 *
 * @param enrollmentId   the enrollment job
 * @param organizationId the union every row joined
 * @param eventDate      the enrollment event's date (the joining date of rows that give none)
 * @param created        memberships created (each ACTIVE, with a member number and a card)
 * @param updated        current memberships whose mobile number, occupation or platform enterprise changed
 */
public record MembersEnrolled(
        String enrollmentId, long organizationId, LocalDate eventDate, int created, int updated) {}
