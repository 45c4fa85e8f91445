package org.nuanxin.membership.internal.members;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.nuanxin.membership.EnrollmentRoute;
import org.nuanxin.membership.MembershipState;
import org.nuanxin.membership.Occupation;

/**
 * One member as the console lists them: personal data masked.
 *
 * @param id               member id
 * @param memberNumber     member number once approved
 * @param nameMasked       {@code 张**}; empty once erased
 * @param idNumberMasked   {@code 5001**********1232}; empty once erased
 * @param mobileMasked     {@code 138****8000}; empty once erased
 * @param occupation       occupation
 * @param route            route
 * @param state            state
 * @param organizationId   the union
 * @param organizationName the union's name
 * @param enterpriseId     the platform enterprise, if any
 * @param enterpriseName   its name, or empty
 * @param joinedOn         first day of the first membership period, if any
 */
public record MemberRow(
        long id,
        @Nullable String memberNumber,
        String nameMasked,
        String idNumberMasked,
        String mobileMasked,
        Occupation occupation,
        EnrollmentRoute route,
        MembershipState state,
        long organizationId,
        String organizationName,
        @Nullable Long enterpriseId,
        String enterpriseName,
        @Nullable LocalDate joinedOn) {}
