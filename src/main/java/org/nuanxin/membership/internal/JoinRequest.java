package org.nuanxin.membership.internal;

import org.jspecify.annotations.Nullable;

/**
 * What a worker sends from the join form, as typed.
 *
 * @param name             name as on the identity card
 * @param residentIdNumber identity number as typed (normalised by {@code ResidentIdNumber.parse})
 * @param occupation       an {@code Occupation} name or synonym
 * @param enterpriseId     the platform enterprise's registry id, blank for none
 * @param route            {@code WORK_LOCATION} or {@code ORIGIN_LOCATION}
 * @param district         6-digit district code (work-location)
 * @param township         9-digit township code (work-location, optional: the district federation when blank)
 * @param consent          whether the consent box was ticked
 * @param noticeVersion    the version of the notice shown with the form
 */
public record JoinRequest(
        @Nullable String name,
        @Nullable String residentIdNumber,
        @Nullable String occupation,
        @Nullable String enterpriseId,
        @Nullable String route,
        @Nullable String district,
        @Nullable String township,
        boolean consent,
        @Nullable String noticeVersion) {

    @Override
    public String toString() {
        return "JoinRequest[route=" + route + ", district=" + district + "]";
    }
}
