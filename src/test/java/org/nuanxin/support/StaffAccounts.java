package org.nuanxin.support;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Test fixture: real accounts (with a password that signs in) besides the bootstrap {@code admin}.
 * Since roles differ, tests that edit stations sign in as {@link #STAFF}, tests of account
 * management and the audit log as {@code admin}.
 *
 * <pre>{@code
 * @Autowired JdbcClient jdbc; @Autowired PasswordEncoder encoder;
 * @BeforeEach void staff() { StaffAccounts.ensureStaff(jdbc, encoder); }
 * }</pre>
 */
public final class StaffAccounts {

    /** Username of the union-staff account. */
    public static final String STAFF = "staff";
    /** Its password. */
    public static final String STAFF_PASSWORD = "test-staff-password-1";
    /** Username of the bootstrap administrator (profile test). */
    public static final String ADMIN = "admin";
    /** Its password (profile test). */
    public static final String ADMIN_PASSWORD = "test-admin-password-1";

    private StaffAccounts() {}

    /** Creates the enabled STAFF account {@link #STAFF} unless it exists (then resets it to enabled, STAFF). */
    public static void ensureStaff(JdbcClient jdbc, PasswordEncoder encoder) {
        ensure(jdbc, encoder, STAFF, STAFF_PASSWORD, "STAFF");
    }

    /** Creates or resets an enabled account with this role name and password. */
    public static void ensure(JdbcClient jdbc, PasswordEncoder encoder, String username, String password, String role) {
        int updated = jdbc.sql("""
                UPDATE account SET password_hash = :hash, role = :role, enabled = TRUE
                 WHERE username = :username""")
                .param("hash", encoder.encode(password))
                .param("role", role)
                .param("username", username)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO account (username, password_hash, display_name, role, enabled, created_at)
                    VALUES (:username, :hash, :username, :role, TRUE, :now)""")
                    .param("username", username)
                    .param("hash", encoder.encode(password))
                    .param("role", role)
                    .param("now", OffsetDateTime.now(ZoneOffset.UTC))
                    .update();
        }
    }
}
