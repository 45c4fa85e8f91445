package org.nuanxin.organization;

/**
 * Kinds of union organisation, after the Trade Union Law of the PRC (arts. 11–12) and the ACFTU's
 * organisational rules: territorial federations by administrative level, industry federations, joint
 * unions of several small employers, and enterprise unions. Stored by name in {@code organization.kind}.
 */
public enum OrganizationKind {
    /** 市总工会: the root; exactly one. */
    MUNICIPAL_FEDERATION,
    /** 区县总工会: one per district or county (6-digit GB/T 2260 code). */
    DISTRICT_FEDERATION,
    /** 乡镇/街道工会: one per township or subdistrict (9-digit statistical code). */
    TOWNSHIP_UNION,
    /** 社区/基层工会: a community or other grassroots union. */
    GRASSROOTS_UNION,
    /** 行业工会联合会: an industry union federation at city, district or township level. */
    INDUSTRY_FEDERATION,
    /** 联合工会: a joint union of several employers or of a building, market or area. */
    JOINT_UNION,
    /** 企业工会: the union of one enterprise. */
    ENTERPRISE_UNION;

    /** The message key of the kind's name, e.g. {@code organization.kind.TOWNSHIP_UNION}. */
    public String messageKey() {
        return "organization.kind." + name();
    }
}
