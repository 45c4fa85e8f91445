package org.nuanxin.membership.internal.enrollment;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.nuanxin.identity.SealedValue;

/**
 * What mass enrollment needs of the membership records: the memberships already held by the identity numbers of a
 * roster, and writing many at once. Implemented over the membership schema (V400–V419).
 */
public interface EnrollmentLedger {

    /**
     * A membership held now by one identity number.
     *
     * @param memberId          its id
     * @param version           its optimistic-lock version
     * @param organizationId    the union it belongs to (or is applying to)
     * @param state             its state's name, e.g. {@code ACTIVE}
     * @param current           whether it is a current membership of that union (it can be updated by a roster of
     *                          that union; any other state is refused with where and which state it is in)
     * @param mobileLookupKey   the lookup key of its mobile number
     * @param occupation        its occupation's name
     * @param enterpriseId      its platform enterprise, if any
     * @param name              the name on record
     */
    record Existing(
            long memberId,
            long version,
            long organizationId,
            String state,
            boolean current,
            String mobileLookupKey,
            String occupation,
            @Nullable Long enterpriseId,
            String name) {}

    /**
     * What the commit writes for one roster row, stored by the check: a membership to create ({@code memberId} null)
     * or the current membership of the same union to update (mobile number, occupation, platform enterprise).
     *
     * @param rowNumber      the row in the file
     * @param memberId       the membership to update, or null to create one
     * @param memberVersion  the version of that membership the check saw, or null
     * @param idNumber       the normalised identity number, sealed, with its lookup key
     * @param idNumberMasked e.g. {@code 5001**********123X}
     * @param mobile         the E.164 mobile number, sealed, with its lookup key
     * @param mobileMasked   e.g. {@code 138****8000}
     * @param name           the name as written
     * @param occupation     the occupation's name
     * @param enterpriseId   the platform enterprise, or null
     * @param route          the route's name
     * @param joinedOn       the first day of the membership
     * @param cardToken      the id of the new membership's card token ({@link #newCardToken()})
     */
    record Staged(
            int rowNumber,
            @Nullable Long memberId,
            @Nullable Long memberVersion,
            SealedValue idNumber,
            String idNumberMasked,
            SealedValue mobile,
            String mobileMasked,
            String name,
            String occupation,
            @Nullable Long enterpriseId,
            String route,
            java.time.LocalDate joinedOn,
            String cardToken) {}

    /**
     * @param text a platform enterprise as a roster names it: its unified social credit code or its exact registered
     *     name
     * @return the registry id of the one enterprise so named, or empty (none, or several of that name)
     */
    Optional<Long> enterprise(String text);

    /** @return the memberships held by these identity-number lookup keys, by lookup key */
    Map<String, Existing> existing(Collection<String> idLookupKeys);

    /** @return the organisation's name, for "already a member of …" */
    Optional<String> organizationName(long organizationId);

    /** @return a new card token id: 16 random bytes, Base64url (22 characters), as the membership card's */
    String newCardToken();

    /**
     * Creates, in the caller's transaction, a membership for every staged row of the enrollment without a member id:
     * each approved (mass enrollment happens in front of the union's staff) and ACTIVE in {@code unionId}, with its
     * member number ({@code CQ<year><7 digits>}), an open period from its joining date, and its card.
     *
     * @return how many were created
     * @throws org.springframework.dao.DuplicateKeyException when one of them became a member meanwhile
     */
    int createStaged(String enrollmentId, long unionId, String actor, Instant now);

    /**
     * Applies, in the caller's transaction, every staged row of the enrollment with a member id: the occupation and
     * platform enterprise of a current membership (what a new roster may correct), never its name, identity number,
     * mobile number (the member's sign-in), union, state or history; each only if the membership is still ACTIVE at
     * the version the check saw.
     *
     * @return how many were updated (fewer than staged when a membership changed meanwhile)
     */
    int updateStaged(String enrollmentId, Instant now);
}
