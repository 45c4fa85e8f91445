package org.nuanxin.grid.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.nuanxin.audit.AuditLog;
import org.nuanxin.grid.GridPermissions;
import org.nuanxin.identity.CurrentUser;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.kernel.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Open311 API keys ({@code open311_api_key}): the city administrator issues one per client system
 * ({@link GridPermissions.Action#MANAGE_API_KEYS}, audited {@code grid.apikey.issue}), sees the list and revokes
 * ({@code grid.apikey.revoke}); {@code POST requests} resolves the presented key to its id.
 *
 * <p>A key is 32 random bytes ({@link SecureRandom}) in base64url without padding (43 characters), prefixed
 * {@code nx311_} so that it is recognisable in a leaked file; it is shown once, when issued. Only its SHA-256 (hex)
 * and its first {@value #PREFIX_LENGTH} characters (to tell keys apart in the list) are stored, so a key is found by
 * its hash and nothing that could be compared slowly is kept.
 */
@Service
public class ApiKeys {

    /** Every key starts with this. */
    public static final String KEY_START = "nx311_";
    /** Characters of the key kept in clear to tell keys apart ({@code nx311_AbCd}). */
    public static final int PREFIX_LENGTH = 10;
    /** Longest name, characters. */
    public static final int MAX_NAME = 100;

    private static final int KEY_BYTES = 32;

    /**
     * A key as listed (never the key itself).
     *
     * @param id        its id (the {@code api_key_id} of the reports it brought)
     * @param name      who uses it, as the administrator wrote it
     * @param prefix    its first characters, e.g. {@code nx311_AbCd}
     * @param createdBy the administrator's username
     * @param createdAt when it was issued
     * @param revokedBy who revoked it, or null
     * @param revokedAt when it was revoked, or null while it is valid
     */
    public record ApiKey(
            long id,
            String name,
            String prefix,
            String createdBy,
            Instant createdAt,
            @Nullable String revokedBy,
            @Nullable Instant revokedAt) {

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /**
     * A key just issued: the only time its clear value exists.
     *
     * @param key the key to hand to the client system, {@code nx311_} and 43 base64url characters
     */
    public record IssuedKey(ApiKey apiKey, String key) {}

    private final JdbcClient jdbc;
    private final GridPermissions permissions;
    private final AuditLog audit;
    private final CityTime time;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(JdbcClient jdbc, GridPermissions permissions, AuditLog audit, CityTime time) {
        this.jdbc = jdbc;
        this.permissions = permissions;
        this.audit = audit;
        this.time = time;
    }

    /**
     * Issues a key (MANAGE_API_KEYS), audited {@code grid.apikey.issue}.
     *
     * @param name the client system, e.g. 渝北区数字城管平台
     * @throws org.springframework.security.access.AccessDeniedException without MANAGE_API_KEYS
     * @throws InvalidInputException on {@code name}: blank ({@code grid.apikey.name.required}), over {@value #MAX_NAME}
     *     characters ({@code grid.apikey.name.tooLong})
     */
    @Transactional
    public IssuedKey issue(String name) {
        permissions.check(GridPermissions.Action.MANAGE_API_KEYS);
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new InvalidInputException("name", "grid.apikey.name.required");
        }
        if (clean.codePointCount(0, clean.length()) > MAX_NAME) {
            throw new InvalidInputException("name", "grid.apikey.name.tooLong", MAX_NAME);
        }
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        String key = KEY_START + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String prefix = key.substring(0, PREFIX_LENGTH);
        String actor = CurrentUser.get().map(CurrentUser::username).orElse(AuditLog.UNKNOWN_ACTOR);
        Instant now = time.now();
        String hash = hash(key);
        jdbc.sql("""
                        INSERT INTO open311_api_key (name, key_hash, key_prefix, created_by, created_at)
                        VALUES (:name, :hash, :prefix, :actor, :now)""")
                .param("name", clean)
                .param("hash", hash)
                .param("prefix", prefix)
                .param("actor", actor)
                .param("now", utc(now))
                .update();
        long id = jdbc.sql("SELECT id FROM open311_api_key WHERE key_hash = ?")
                .param(hash)
                .query(Long.class)
                .single();
        audit.record("grid.apikey.issue", "open311_api_key", Long.toString(id), null, "prefix=" + prefix);
        return new IssuedKey(new ApiKey(id, clean, prefix, actor, now, null, null), key);
    }

    /**
     * Revokes a key (MANAGE_API_KEYS), audited {@code grid.apikey.revoke}; revoking a revoked key changes nothing.
     *
     * @throws org.springframework.security.access.AccessDeniedException without MANAGE_API_KEYS
     * @throws NoSuchElementException when there is no such key
     */
    @Transactional
    public ApiKey revoke(long id) {
        permissions.check(GridPermissions.Action.MANAGE_API_KEYS);
        ApiKey key = find(id).orElseThrow(() -> new NoSuchElementException("open311_api_key " + id));
        if (key.revoked()) {
            return key;
        }
        String actor = CurrentUser.get().map(CurrentUser::username).orElse(AuditLog.UNKNOWN_ACTOR);
        jdbc.sql("UPDATE open311_api_key SET revoked_by = ?, revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(actor, utc(time.now()), id)
                .update();
        audit.record("grid.apikey.revoke", "open311_api_key", Long.toString(id), null, "prefix=" + key.prefix());
        return find(id).orElseThrow();
    }

    /**
     * @return every key, valid ones first, newest first (MANAGE_API_KEYS)
     * @throws org.springframework.security.access.AccessDeniedException without MANAGE_API_KEYS
     */
    @Transactional(readOnly = true)
    public List<ApiKey> list() {
        permissions.check(GridPermissions.Action.MANAGE_API_KEYS);
        return jdbc.sql(SELECT + " ORDER BY CASE WHEN revoked_at IS NULL THEN 0 ELSE 1 END, created_at DESC, id DESC")
                .query(ApiKeys::row)
                .list();
    }

    /** @return the key of {@code id}, revoked or not (MANAGE_API_KEYS is asked by the callers that show it) */
    @Transactional(readOnly = true)
    public Optional<ApiKey> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(ApiKeys::row).optional();
    }

    /**
     * Finds the valid key a client presented (no permission: this is how an API client proves who it is).
     *
     * @param presented the {@code api_key} parameter as sent, or null
     * @return its id when it names a key that was issued and not revoked, else empty
     */
    @Transactional(readOnly = true)
    public Optional<Long> resolve(@Nullable String presented) {
        if (presented == null || presented.isBlank() || presented.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM open311_api_key WHERE key_hash = ? AND revoked_at IS NULL")
                .param(hash(presented.strip()))
                .query(Long.class)
                .optional();
    }

    private static final String SELECT =
            "SELECT id, name, key_prefix, created_by, created_at, revoked_by, revoked_at FROM open311_api_key";

    private static ApiKey row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
        return new ApiKey(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("key_prefix"),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("revoked_by"),
                revoked == null ? null : revoked.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** @return the SHA-256 of the key's UTF-8 bytes, lower-case hex (64 characters) */
    static String hash(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
