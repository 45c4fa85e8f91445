package org.nuanxin.membership;

import java.time.LocalDate;

/**
 * A person became a member of a union (an application approved, or a rejoin after withdrawal).
 *
 * @param memberId       the member row
 * @param organizationId the union
 * @param memberNumber   the member number
 * @param since          the first day of the membership period
 * @param occupation     the occupation recorded
 */
public record MemberJoined(
        long memberId, long organizationId, String memberNumber, LocalDate since, Occupation occupation) {}
