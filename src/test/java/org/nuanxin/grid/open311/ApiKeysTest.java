package org.nuanxin.grid.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.support.NuanxinTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Issuing, resolving, listing and revoking Open311 API keys: what is stored, who may, what is audited. */
@NuanxinTest
class ApiKeysTest {

    @Autowired
    ApiKeys keys;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anIssuedKeyIsRandomShownOnceAndStoredOnlyAsItsDigestAndPrefix() throws Exception {
        ApiKeys.IssuedKey first = AsAdmin.call(() -> keys.issue("  渝北区数字城管平台  "));
        ApiKeys.IssuedKey second = AsAdmin.call(() -> keys.issue("渝北区数字城管平台"));
        assertThat(first.key()).startsWith("nx311_").hasSize(6 + 43).matches("nx311_[A-Za-z0-9_-]{43}");
        assertThat(second.key()).isNotEqualTo(first.key());
        assertThat(first.apiKey().name()).isEqualTo("渝北区数字城管平台");
        assertThat(first.apiKey().prefix()).isEqualTo(first.key().substring(0, 10));
        assertThat(first.apiKey().createdBy()).isEqualTo("admin");

        Map<String, Object> row = jdbc.sql("SELECT * FROM open311_api_key WHERE id = ?")
                .param(first.apiKey().id())
                .query()
                .singleRow();
        String sha256 = HexFormat.of()
                .formatHex(
                        MessageDigest.getInstance("SHA-256").digest(first.key().getBytes(StandardCharsets.UTF_8)));
        assertThat(row.get("key_hash")).isEqualTo(sha256);
        assertThat(row.get("key_prefix")).isEqualTo(first.key().substring(0, 10));
        assertThat(row.values())
                .noneMatch(v -> v != null && v.toString().contains(first.key().substring(10)));

        assertThat(keys.resolve(first.key())).contains(first.apiKey().id());
        assertThat(keys.resolve(" " + first.key() + " "))
                .contains(first.apiKey().id());
        assertThat(keys.resolve(second.key())).contains(second.apiKey().id());
        assertThat(keys.resolve(first.apiKey().prefix())).isEmpty();
        assertThat(keys.resolve(first.key().toUpperCase())).isEmpty();
        assertThat(keys.resolve(null)).isEmpty();
        assertThat(keys.resolve("")).isEmpty();
    }

    @Test
    void aRevokedKeyNoLongerResolvesAndBothStepsAreAudited() {
        ApiKeys.IssuedKey issued = AsAdmin.call(() -> keys.issue("审计测试对接系统"));
        long id = issued.apiKey().id();
        ApiKeys.ApiKey revoked = AsAdmin.call(() -> keys.revoke(id));
        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.revokedBy()).isEqualTo("admin");
        assertThat(keys.resolve(issued.key())).isEmpty();
        // Revoking again changes nothing and records nothing more.
        assertThat(AsAdmin.call(() -> keys.revoke(id)).revokedAt()).isEqualTo(revoked.revokedAt());

        List<Map<String, Object>> audit = jdbc.sql(
                        "SELECT action, actor, details FROM audit_log WHERE record_type = 'open311_api_key' AND"
                                + " record_id = ? ORDER BY id")
                .param(Long.toString(id))
                .query()
                .listOfRows();
        assertThat(audit).extracting(r -> r.get("action")).containsExactly("grid.apikey.issue", "grid.apikey.revoke");
        assertThat(audit).extracting(r -> r.get("actor")).containsOnly("admin");
        assertThat(audit)
                .allSatisfy(r -> assertThat((String) r.get("details"))
                        .isEqualTo("prefix=" + issued.apiKey().prefix())
                        .doesNotContain(issued.key()));

        long valid = AsAdmin.call(() -> keys.issue("仍在使用的对接系统")).apiKey().id();
        List<ApiKeys.ApiKey> listed = AsAdmin.call(keys::list);
        List<Long> ids = listed.stream().map(ApiKeys.ApiKey::id).toList();
        // Valid keys come first: the key issued after the revoked one is listed before it, and no valid key
        // follows a revoked one.
        assertThat(ids.indexOf(valid)).isNotNegative().isLessThan(ids.indexOf(id));
        assertThat(listed)
                .extracting(ApiKeys.ApiKey::revoked)
                .isSortedAccordingTo(Boolean::compare)
                .contains(false, true);
    }

    @Test
    void onlyTheCityAdministratorKeepsKeys() {
        for (String role : List.of("ROLE_UNION_STAFF", "ROLE_GRID_STAFF", "ROLE_ORG_ADMIN", "ROLE_AUDITOR")) {
            assertThatThrownBy(() -> AsAdmin.as("someone", role, () -> keys.issue("越权")))
                    .as(role)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> AsAdmin.as("someone", role, keys::list))
                    .as(role)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> AsAdmin.as("someone", role, () -> keys.revoke(1)))
                    .as(role)
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> keys.issue("匿名")).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM open311_api_key WHERE name IN ('越权', '匿名')")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theNameIsRequiredAndShort() {
        assertThatThrownBy(() -> AsAdmin.call(() -> keys.issue("   ")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("name");
                            assertThat(p.code()).isEqualTo("grid.apikey.name.required");
                        }));
        assertThat(AsAdmin.call(() -> keys.issue("名".repeat(100))).apiKey().name())
                .hasSize(100);
        assertThatThrownBy(() -> AsAdmin.call(() -> keys.issue("名".repeat(101))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).code()).isEqualTo("grid.apikey.name.tooLong"));
    }
}
