package org.nuanxin.membership.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.nuanxin.membership.EnrollmentRoute;
import org.nuanxin.membership.MembershipSource;
import org.nuanxin.membership.MembershipState;
import org.nuanxin.membership.Occupation;

/**
 * One person's membership as stored in {@code member}. Personal data is held sealed (ciphertext and keyed hash) and
 * masked; the clear identity and mobile numbers are never in this record.
 *
 * @param id                   database id
 * @param personKey            keyed hash of the identity number; null once erased
 * @param idNumberSealed       the identity number's ciphertext; null once erased
 * @param idNumberMasked       the masked identity number ({@code 5001**********123X}); null once erased
 * @param mobileKey            keyed hash of the mobile number (E.164); null once erased
 * @param mobileSealed         the mobile number's ciphertext; null once erased
 * @param mobileMasked         the masked mobile number ({@code 138****8000}); null once erased
 * @param name                 the name as on the identity card; null once erased
 * @param occupation           occupation
 * @param enterpriseId         platform enterprise (registry id), null when none
 * @param route                work-location or origin-location enrollment
 * @param organizationId       receiving union (applied, rejected), current union (member), last union (withdrawn)
 * @param state                state
 * @param memberNumber         member number once first approved
 * @param rejectReason         the reviewer's reason when rejected
 * @param consentNoticeVersion the notice version consented to (online applications)
 * @param consentAt            when consent was given
 * @param source               online or import
 * @param appliedAt            when the current application was made
 * @param decidedAt            when it was approved or rejected
 * @param decidedBy            who decided (username)
 * @param erasedAt             when the person's data was erased
 * @param version              optimistic-lock version
 */
public record Member(
        long id,
        @Nullable String personKey,
        @Nullable String idNumberSealed,
        @Nullable String idNumberMasked,
        @Nullable String mobileKey,
        @Nullable String mobileSealed,
        @Nullable String mobileMasked,
        @Nullable String name,
        Occupation occupation,
        @Nullable Long enterpriseId,
        EnrollmentRoute route,
        long organizationId,
        MembershipState state,
        @Nullable String memberNumber,
        @Nullable String rejectReason,
        @Nullable String consentNoticeVersion,
        @Nullable Instant consentAt,
        MembershipSource source,
        Instant appliedAt,
        @Nullable Instant decidedAt,
        @Nullable String decidedBy,
        @Nullable Instant erasedAt,
        int version) {

    @Override
    public String toString() {
        return "Member[" + id + ", " + state + "]";
    }
}
