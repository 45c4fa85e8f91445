package org.nuanxin.membership.internal.enrollment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
     */
    record Existing(
            long memberId,
            long version,
            long organizationId,
            String state,
            boolean current,
            String mobileLookupKey,
            String occupation,
            @Nullable Long enterpriseId) {}

    /**
     * A membership to create from a valid roster row.
     *
     * @param name         the name as written
     * @param idNumber     the normalised identity number ({@code ResidentIdNumber.value()})
     * @param mobile       E.164
     * @param occupation   the occupation's name
     * @param route        the route's name
     * @param enterpriseId the platform enterprise, or null
     * @param joinedOn     the first day of the membership
     * @param unionId      the union joined
     */
    record NewMember(
            String name,
            String idNumber,
            String mobile,
            String occupation,
            String route,
            @Nullable Long enterpriseId,
            java.time.LocalDate joinedOn,
            long unionId) {}

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

    /**
     * Creates the memberships in the caller's transaction, each approved (mass enrollment happens in front of the
     * union's staff) and each with its member number.
     *
     * @throws org.springframework.dao.DuplicateKeyException when one of them became a member meanwhile
     */
    void create(List<NewMember> members, String actor, Instant now);

    /**
     * Changes the mobile number, occupation and platform enterprise of a current membership of the same union (what
     * a new roster may correct); never its name, identity number, union, state or history.
     *
     * @return false when the membership changed meanwhile (another version)
     */
    boolean update(Existing existing, Change change, Instant now);

    /**
     * What a roster may change of a current membership of its union.
     *
     * @param mobile       E.164
     * @param occupation   the occupation's name
     * @param enterpriseId the platform enterprise, or null for none
     */
    record Change(
            String mobile, String occupation, @Nullable Long enterpriseId) {}
}
