package org.nuanxin.membership;

import java.time.LocalDate;

/**
 * A membership ended (the member withdrew, or withdrew and erased their data).
 *
 * @param memberId       the member row
 * @param organizationId the union it ended with
 * @param endedOn        the last day of the period
 * @param erased         whether the member also had their personal data erased
 */
public record MembershipEnded(long memberId, long organizationId, LocalDate endedOn, boolean erased) {}
