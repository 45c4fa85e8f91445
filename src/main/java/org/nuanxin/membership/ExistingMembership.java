package org.nuanxin.membership;

import org.jspecify.annotations.Nullable;

/**
 * The membership a person already holds, as far as a refusal of a second one may tell: the state and the union,
 * never the holder's name, phone or number.
 *
 * @param memberId         the member row's id
 * @param state            where it stands
 * @param organizationId   the receiving or current union
 * @param organizationName that union's name
 * @param memberNumber     the member number once approved, else null; personal to the holder: show it only to them
 *     or to staff in scope
 */
public record ExistingMembership(
        long memberId,
        MembershipState state,
        long organizationId,
        String organizationName,
        @Nullable String memberNumber) {}
