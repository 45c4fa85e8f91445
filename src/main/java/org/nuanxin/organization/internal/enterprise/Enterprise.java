package org.nuanxin.organization.internal.enterprise;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One enterprise of the registry, as stored.
 *
 * @param id                  database id
 * @param name                name, e.g. 顺丰速运
 * @param creditCode          unified social credit code (GB 32100-2015), normalised, 18 characters
 * @param industry            industry
 * @param size                size, null when unknown
 * @param districtCode        GB/T 2260 six-digit code of the district where it is registered
 * @param platform            platform enterprise (平台企业)
 * @param head                head enterprise (头部企业)
 * @param backbone            backbone enterprise (骨干企业)
 * @param workerCount         new-employment-form workers, null when unknown
 * @param unionStatus         union status
 * @param unionEstablishedOn  date the union was established (only when established)
 * @param unionOrganizationId the enterprise union in the tree (only when established)
 * @param responsible         username of the staff member who follows it up, null when nobody
 * @param notes               notes, null when none
 * @param organizationId      the owning organisation (its data scope)
 * @param organizationName    the owning organisation's name, for lists
 * @param demo                demonstration data (synthetic credit code)
 * @param version             optimistic-lock version
 * @param updatedAt           last change
 */
record Enterprise(
        long id,
        String name,
        String creditCode,
        Industry industry,
        @Nullable EnterpriseSize size,
        String districtCode,
        boolean platform,
        boolean head,
        boolean backbone,
        @Nullable Integer workerCount,
        UnionStatus unionStatus,
        @Nullable LocalDate unionEstablishedOn,
        @Nullable Long unionOrganizationId,
        @Nullable String responsible,
        @Nullable String notes,
        long organizationId,
        String organizationName,
        boolean demo,
        int version,
        Instant updatedAt) {

    /** @return the values as the validator produces them, to compare with an import's row */
    EnterpriseValues values() {
        return new EnterpriseValues(
                name,
                creditCode,
                industry,
                size,
                districtCode,
                platform,
                head,
                backbone,
                workerCount,
                unionStatus,
                unionEstablishedOn,
                responsible,
                notes);
    }
}
