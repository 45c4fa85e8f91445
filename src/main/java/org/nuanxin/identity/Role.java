package org.nuanxin.identity;

/**
 * Staff roles; stored by name in {@code account.role} and granted as the Spring Security authority
 * {@code ROLE_<name>}. What each may do is decided by the modules' permissions classes
 * ({@link AccountPermissions}, {@link AuditLogPermissions}, {@code StationPermissions}). More roles
 * (district administrator, station manager, ...) join this list when the data scope arrives.
 */
public enum Role {
    /** City administrator: accounts, the audit log, metrics; reads and exports the roster but does not edit it. */
    ADMIN,
    /** Union staff: keeps the station roster (view, create, update, import, export). */
    STAFF;

    /** The authority string Spring Security checks, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The message key of the role's name, e.g. {@code identity.role.ADMIN}. */
    public String messageKey() {
        return "identity.role." + name();
    }
}
