package org.nuanxin.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.nuanxin.identity.AccountDirectory;
import org.nuanxin.identity.DataScope;
import org.nuanxin.identity.Role;
import org.nuanxin.kernel.SqlCondition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and updates {@code account} with plain SQL that runs on H2 (PostgreSQL mode) and PostgreSQL. */
@Repository
class AccountRepository implements AccountDirectory {

    private static final String SELECT = """
            SELECT id, username, password_hash, display_name, role, enabled, created_at, last_login_at,
                   organization_id, must_change_password
              FROM account""";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql(SELECT + " WHERE username = :username")
                .param("username", username)
                .query(AccountRepository::map)
                .optional();
    }

    Optional<Account> findById(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(AccountRepository::map)
                .optional();
    }

    void updateRole(long id, Role role) {
        jdbc.sql("UPDATE account SET role = :role WHERE id = :id")
                .param("role", role.name())
                .param("id", id)
                .update();
    }

    void updateEnabled(long id, boolean enabled) {
        jdbc.sql("UPDATE account SET enabled = :enabled WHERE id = :id")
                .param("enabled", enabled)
                .param("id", id)
                .update();
    }

    /**
     * Sets a new password hash.
     *
     * @param mustChange whether the password is one-time (set by an administrator): the user must choose
     *     their own at the next sign-in
     */
    void updatePassword(long id, String passwordHash, boolean mustChange) {
        jdbc.sql("""
                UPDATE account SET password_hash = :hash, must_change_password = :mustChange
                 WHERE id = :id""")
                .param("hash", passwordHash)
                .param("mustChange", mustChange)
                .param("id", id)
                .update();
    }

    void updateOrganization(long id, long organizationId) {
        jdbc.sql("UPDATE account SET organization_id = :organization WHERE id = :id")
                .param("organization", organizationId)
                .param("id", id)
                .update();
    }

    /** The accounts whose organisation lies in a data scope, by username. */
    List<Account> findAll(DataScope scope) {
        SqlCondition in = scope.on("organization_id");
        return jdbc.sql(SELECT + " WHERE " + in.sql() + " ORDER BY username")
                .params(in.parameters())
                .query(AccountRepository::map)
                .list();
    }

    @Override
    public long enabledIn(long organizationId) {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE organization_id = :organization AND enabled")
                .param("organization", organizationId)
                .query(Long.class)
                .single();
    }

    /** Sets a one-time password: the account is enabled and must choose a new password at its next sign-in. */
    void setOneTimePassword(long id, String passwordHash) {
        jdbc.sql("""
                UPDATE account SET password_hash = :hash, must_change_password = TRUE, enabled = TRUE
                 WHERE id = :id""").param("hash", passwordHash).param("id", id).update();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single();
    }

    void insert(
            String username,
            String passwordHash,
            String displayName,
            Role role,
            long organizationId,
            boolean mustChangePassword,
            Instant now) {
        jdbc.sql("""
                INSERT INTO account (username, password_hash, display_name, role, enabled, created_at,
                                     organization_id, must_change_password)
                VALUES (:username, :hash, :displayName, :role, TRUE, :now, :organization, :mustChange)""")
                .param("organization", organizationId)
                .param("mustChange", mustChangePassword)
                .param("username", username)
                .param("hash", passwordHash)
                .param("displayName", displayName)
                .param("role", role.name())
                .param("now", utc(now))
                .update();
    }

    /** Notes a successful sign-in (shown on the accounts page). */
    void recordSuccess(String username, Instant now) {
        jdbc.sql("""
                UPDATE account SET last_login_at = :now WHERE username = :username""").param("now", utc(now)).param("username", username).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("password_hash"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                rs.getBoolean("enabled"),
                instant(rs, "created_at"),
                instant(rs, "last_login_at"),
                rs.getLong("organization_id"),
                rs.getBoolean("must_change_password"));
    }
}
