package org.nuanxin.identity;

/**
 * Staff roles known to the security baseline; stored by name in {@code account.role} and granted
 * as the Spring Security authority {@code ROLE_<name>}. More roles (district administrator,
 * station manager, ...) join this list when the data scope arrives.
 */
public enum Role {
    /** City administrator: everything, including metrics and accounts. */
    ADMIN,
    /** Union staff: the staff console. */
    STAFF;

    /** The authority string Spring Security checks, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
