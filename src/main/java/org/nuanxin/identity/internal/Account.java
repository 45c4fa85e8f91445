package org.nuanxin.identity.internal;

import java.time.Instant;

import org.nuanxin.identity.Role;

/** One row of {@code account}; {@code lockedUntil} and {@code lastLoginAt} may be null. */
record Account(long id, String username, String passwordHash, String displayName, Role role, boolean enabled,
        int failedLoginCount, Instant lockedUntil, Instant createdAt, Instant lastLoginAt) {

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
