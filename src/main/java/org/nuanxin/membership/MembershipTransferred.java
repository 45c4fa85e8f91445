package org.nuanxin.membership;

import java.time.LocalDate;

/**
 * A membership moved from one union to another (会籍转接), accepted by the receiving union.
 *
 * @param memberId             the member row
 * @param fromOrganizationId   the union left
 * @param toOrganizationId     the union joined
 * @param on                   the day of the move: the old period ends and the new one starts on it
 */
public record MembershipTransferred(long memberId, long fromOrganizationId, long toOrganizationId, LocalDate on) {}
