package org.nuanxin.identity;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A staff account as the console lists it (never the password hash).
 *
 * @param id          database id
 * @param username    login name, unique
 * @param displayName name shown in the console
 * @param role        role, held in the account's organisation and everything under it
 * @param organizationId the organisation the account belongs to
 * @param enabled     false when an administrator disabled it: it cannot sign in
 * @param createdAt   when it was created
 * @param lastLoginAt last successful sign-in, null when never
 */
public record StaffAccount(
        long id,
        String username,
        String displayName,
        Role role,
        long organizationId,
        boolean enabled,
        Instant createdAt,
        @Nullable Instant lastLoginAt) {

    /** @return the last successful sign-in, empty when never */
    public Optional<Instant> lastLogin() {
        return Optional.ofNullable(lastLoginAt);
    }
}
