package org.nuanxin.organization;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One union organisation of the tree.
 *
 * @param id            database id
 * @param name          full name, e.g. 渝中区总工会
 * @param kind          kind
 * @param parentId      the parent's id; null only for the root (the municipal federation)
 * @param divisionCode  administrative division code where it has one (6 digits for a district or
 *     county, GB/T 2260; 9 digits for a township or subdistrict, the statistical code), else null
 * @param creditCode    unified social credit code (GB 32100-2015, 18 characters) where it has one
 * @param establishedOn date of establishment where known
 * @param active        false once dissolved (kept for history)
 * @param contactName   contact person where given
 * @param contactPhone  contact telephone where given
 * @param version       optimistic-lock version, incremented by every change
 */
public record Organization(
        long id,
        String name,
        OrganizationKind kind,
        @Nullable Long parentId,
        @Nullable String divisionCode,
        @Nullable String creditCode,
        @Nullable LocalDate establishedOn,
        boolean active,
        @Nullable String contactName,
        @Nullable String contactPhone,
        int version) {}
