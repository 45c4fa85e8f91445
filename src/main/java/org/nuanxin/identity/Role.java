package org.nuanxin.identity;

import java.util.Set;

/**
 * Staff roles; stored by name in {@code account.role} and granted as the Spring Security authority
 * {@code ROLE_<name>}. An account belongs to exactly one organisation and holds one role there; the
 * role applies to that organisation and everything under it (its data scope, see {@link DataScope}).
 * What each role may do is decided by the modules' permissions classes ({@link AccountPermissions},
 * {@link AuditLogPermissions}, {@code StationPermissions}, {@code OrganizationPermissions}).
 */
public enum Role {
    /** City administrator (市级管理员): everything administrative in the whole city; grants every role. */
    CITY_ADMIN,
    /** Organisation administrator (组织管理员): the accounts and organisations of their own subtree. */
    ORG_ADMIN,
    /** Union staff (工会工作人员): reviews and handles the work of their subtree; keeps the station roster. */
    UNION_STAFF,
    /** Station manager (驿站管理员): keeps the stations of their subtree. */
    STATION_MANAGER,
    /** Community grid staff (社区网格员): views stations; later handles grid reports. */
    GRID_STAFF,
    /** Legal staff (法律工作者): views stations; later handles rights cases and legal aid. */
    LEGAL_STAFF,
    /** Auditor (审计员): read-only; reads the audit log of their subtree. */
    AUDITOR;

    /** The authority string Spring Security checks, e.g. {@code ROLE_CITY_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The message key of the role's name, e.g. {@code identity.role.CITY_ADMIN}. */
    public String messageKey() {
        return "identity.role." + name();
    }

    /** @return whether this role administers accounts and organisations (its own subtree or the city) */
    public boolean isAdministrator() {
        return this == CITY_ADMIN || this == ORG_ADMIN;
    }

    /**
     * The roles a holder of this role may grant to others (within the holder's data scope): the city
     * administrator grants every role, an organisation administrator every role but the city
     * administrator's, everyone else none. Nobody raises their own rights: that rule is in {@link
     * AccountPermissions}.
     */
    public Set<Role> grantable() {
        return switch (this) {
            case CITY_ADMIN -> Set.of(values());
            case ORG_ADMIN -> Set.of(ORG_ADMIN, UNION_STAFF, STATION_MANAGER, GRID_STAFF, LEGAL_STAFF, AUDITOR);
            default -> Set.of();
        };
    }
}
