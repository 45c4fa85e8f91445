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
        ensure(jdbc, encoder, STAFF, STAFF_PASSWORD, "UNION_STAFF");
    }

    /** Creates or resets an enabled, unlocked account of the municipal federation with this role name and password. */
    public static void ensure(JdbcClient jdbc, PasswordEncoder encoder, String username, String password, String role) {
        ensure(jdbc, encoder, username, password, role, "500000");
    }

    /**
     * Creates or resets an enabled, unlocked account with this role name and password, belonging to the
     * territorial organisation of a division code ({@code 500000} the city, {@code 500103} 渝中区总工会,
     * a 9-digit code a township union).
     */
    public static void ensure(
            JdbcClient jdbc,
            PasswordEncoder encoder,
            String username,
            String password,
            String role,
            String divisionCode) {
        long organization = organization(jdbc, divisionCode);
        int updated = jdbc.sql("""
                UPDATE account SET password_hash = :hash, role = :role, enabled = TRUE, must_change_password = FALSE,
                       organization_id = :organization WHERE username = :username""")
                .param("hash", encoder.encode(password))
                .param("role", role)
                .param("organization", organization)
                .param("username", username)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO account (username, password_hash, display_name, role, enabled, created_at, organization_id)
                    VALUES (:username, :hash, :username, :role, TRUE, :now, :organization)""")
                    .param("username", username)
                    .param("hash", encoder.encode(password))
                    .param("role", role)
                    .param("now", OffsetDateTime.now(ZoneOffset.UTC))
                    .param("organization", organization)
                    .update();
        }
    }

    /** @return the id of the territorial organisation (federation or township union) of a division code */
    public static long organization(JdbcClient jdbc, String divisionCode) {
        return jdbc.sql("""
                SELECT id FROM organization WHERE division_code = :code
                   AND kind IN ('MUNICIPAL_FEDERATION', 'DISTRICT_FEDERATION', 'TOWNSHIP_UNION')""").param("code", divisionCode).query(Long.class).single();
    }
}
