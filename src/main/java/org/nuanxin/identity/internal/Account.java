package org.nuanxin.identity.internal;

import java.time.Instant;
import org.nuanxin.identity.Role;
import org.nuanxin.identity.StaffAccount;

/** One row of {@code account}; {@code lockedUntil} and {@code lastLoginAt} may be null. */
record Account(
        long id,
        String username,
        String passwordHash,
        String displayName,
        Role role,
        boolean enabled,
        int failedLoginCount,
        Instant lockedUntil,
        Instant createdAt,
        Instant lastLoginAt,
        long organizationId,
        boolean mustChangePassword) {

    StaffAccount summary() {
        return new StaffAccount(id, username, displayName, role, organizationId, enabled, createdAt, lastLoginAt);
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
