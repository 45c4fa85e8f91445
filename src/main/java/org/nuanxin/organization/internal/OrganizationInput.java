package org.nuanxin.organization.internal;

import org.jspecify.annotations.Nullable;

/**
 * An organisation's fields as typed in a form (all text, kept so that a refused form shows them again). Read by
 * {@link OrganizationService}, which names the field of each problem.
 *
 * @param kind          an {@code OrganizationKind} name, e.g. {@code GRASSROOTS_UNION}
 * @param name          full name, at most 100 characters
 * @param divisionCode  6 or 9 digits (12 for a village), required for district federations (6) and township unions
 *     (9)
 * @param creditCode    unified social credit code, optional (GB 32100-2015, normalised)
 * @param establishedOn date of establishment, ISO {@code 2024-09-17}, optional, not in the future
 * @param contactName   contact person, at most 50 characters, optional
 * @param contactPhone  mainland mobile or landline, optional
 */
record OrganizationInput(
        @Nullable String kind,
        @Nullable String name,
        @Nullable String divisionCode,
        @Nullable String creditCode,
        @Nullable String establishedOn,
        @Nullable String contactName,
        @Nullable String contactPhone) {}
