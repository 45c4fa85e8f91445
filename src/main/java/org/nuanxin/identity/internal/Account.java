package org.nuanxin.identity.internal;

import java.time.Instant;
import org.nuanxin.identity.Role;
import org.nuanxin.identity.StaffAccount;

/**
 * One row of {@code account}; {@code lastLoginAt} may be null; {@code mustChangePassword}: a one-time password
 * (administrator recovery) that must be replaced at the next sign-in.
 */
record Account(
        long id,
        String username,
        String passwordHash,
        String displayName,
        Role role,
        boolean enabled,
        Instant createdAt,
        Instant lastLoginAt,
        long organizationId,
        boolean mustChangePassword) {

    StaffAccount summary() {
        return new StaffAccount(id, username, displayName, role, organizationId, enabled, createdAt, lastLoginAt);
    }
}
