package org.nuanxin.organization.internal.enterprise;

import org.jspecify.annotations.Nullable;

/**
 * An enterprise as typed in the console form or read from an import row: text, checked by
 * {@link EnterpriseValidator}. The field names are the form's parameters and the import's column keys.
 *
 * @param unionParent       when establishing: the id of the organisation under which the enterprise union
 *     is created (blank: the owning organisation)
 * @param unionOrganization when establishing: the id of an existing enterprise union to link instead
 */
record EnterpriseInput(
        @Nullable String name,
        @Nullable String creditCode,
        @Nullable String industry,
        @Nullable String size,
        @Nullable String district,
        @Nullable String platform,
        @Nullable String head,
        @Nullable String backbone,
        @Nullable String workerCount,
        @Nullable String unionStatus,
        @Nullable String unionEstablishedOn,
        @Nullable String responsible,
        @Nullable String notes,
        @Nullable String unionParent,
        @Nullable String unionOrganization) {

    /** An empty form for a new enterprise. */
    static EnterpriseInput blank() {
        return new EnterpriseInput(
                null, null, null, null, null, null, null, null, null, "NONE", null, null, null, null, null);
    }

    /** The form of a stored enterprise. */
    static EnterpriseInput of(Enterprise e) {
        return new EnterpriseInput(
                e.name(),
                e.creditCode(),
                e.industry().name(),
                e.size() == null ? null : e.size().name(),
                e.districtCode(),
                Boolean.toString(e.platform()),
                Boolean.toString(e.head()),
                Boolean.toString(e.backbone()),
                e.workerCount() == null ? null : e.workerCount().toString(),
                e.unionStatus().name(),
                e.unionEstablishedOn() == null ? null : e.unionEstablishedOn().toString(),
                e.responsible(),
                e.notes(),
                null,
                e.unionOrganizationId() == null ? null : e.unionOrganizationId().toString());
    }
}
