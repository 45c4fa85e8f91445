package org.nuanxin.membership.internal.enrollment;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.membership.MembershipState;
import org.nuanxin.organization.EnterpriseDirectory;
import org.nuanxin.organization.Organizations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link EnrollmentLedger} over the membership schema (V400): {@code member}, {@code membership_period} and
 * {@code membership_card}, written set-based from the staged rows of an enrollment ({@code
 * membership_enrollment_write}, V421). A created membership is ACTIVE from its joining date with a member
 * number ({@code CQ<year><7 digits>}, the counter {@code member_number_seq} the review uses too), a period and a card,
 * as an approved application would be; its source is IMPORT.
 */
@Repository
class JdbcEnrollmentLedger implements EnrollmentLedger {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final EnterpriseDirectory enterprises;
    private final CityTime time;
    private final SecureRandom random = new SecureRandom();

    JdbcEnrollmentLedger(JdbcClient jdbc, Organizations organizations, EnterpriseDirectory enterprises, CityTime time) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.enterprises = enterprises;
        this.time = time;
    }

    @Override
    public Map<String, Existing> existing(Collection<String> idLookupKeys) {
        Map<String, Existing> found = new HashMap<>();
        if (idLookupKeys.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        SELECT person_key, id, version, organization_id, state, mobile_key, occupation, enterprise_id, name
                        FROM member WHERE person_key IN (:keys)""").param("keys", idLookupKeys).query(rs -> {
            String state = rs.getString("state");
            long enterprise = rs.getLong("enterprise_id");
            Long enterpriseId = rs.wasNull() ? null : enterprise;
            found.put(
                    rs.getString("person_key"),
                    new Existing(
                            rs.getLong("id"),
                            rs.getLong("version"),
                            rs.getLong("organization_id"),
                            state,
                            MembershipState.valueOf(state) == MembershipState.ACTIVE,
                            String.valueOf(rs.getString("mobile_key")),
                            rs.getString("occupation"),
                            enterpriseId,
                            String.valueOf(rs.getString("name"))));
        });
        return found;
    }

    @Override
    public Optional<String> organizationName(long organizationId) {
        return organizations.find(organizationId).map(o -> o.name());
    }

    @Override
    public Optional<Long> enterprise(String text) {
        Optional<EnterpriseDirectory.Entry> byCode = enterprises.findByCreditCode(text);
        if (byCode.isPresent()) {
            return byCode.map(EnterpriseDirectory.Entry::id);
        }
        List<EnterpriseDirectory.Entry> byName = enterprises.findByName(text);
        return byName.size() == 1 ? Optional.of(byName.get(0).id()) : Optional.empty();
    }

    @Override
    public String newCardToken() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }

    @Override
    public int createStaged(String enrollmentId, long unionId, String actor, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        // Set-based: the staged rows become members, periods and cards in three statements. The member number draws
        // the counter the review uses too; seven digits at least, more (never cut) past 9,999,999.
        int created = jdbc.sql("""
                        INSERT INTO member (person_key, id_number_sealed, id_number_masked, mobile_key, mobile_sealed,
                          mobile_masked, name, occupation, enterprise_id, route, organization_id, state, member_number,
                          source, applied_at, decided_at, decided_by, version, created_at, updated_at)
                        SELECT s.person_key, s.id_number_sealed, s.id_number_masked, s.mobile_key, s.mobile_sealed,
                          s.mobile_masked, s.name, s.occupation, s.enterprise_id, s.route, :union, 'ACTIVE',
                          'CQ' || :year || CASE WHEN s.n < 10000000 THEN LPAD(CAST(s.n AS VARCHAR), 7, '0')
                                           ELSE CAST(s.n AS VARCHAR) END,
                          'IMPORT', :at, :at, :actor, 0, :at, :at
                        FROM (SELECT w.*, NEXTVAL('member_number_seq') AS n FROM membership_enrollment_write w
                              WHERE w.enrollment_id = :job AND w.member_id IS NULL) s""")
                .param("union", unionId)
                .param("year", String.valueOf(time.today().getYear()))
                .param("at", at)
                .param("actor", actor)
                .param("job", enrollmentId)
                .update();
        jdbc.sql("""
                        INSERT INTO membership_period (member_id, organization_id, started_on)
                        SELECT m.id, :union, w.joined_on
                        FROM membership_enrollment_write w JOIN member m ON m.person_key = w.person_key
                        WHERE w.enrollment_id = :job AND w.member_id IS NULL""").param("union", unionId).param("job", enrollmentId).update();
        jdbc.sql("""
                        INSERT INTO membership_card (token, member_id, organization_id, issued_at)
                        SELECT w.card_token, m.id, :union, :at
                        FROM membership_enrollment_write w JOIN member m ON m.person_key = w.person_key
                        WHERE w.enrollment_id = :job AND w.member_id IS NULL""")
                .param("union", unionId)
                .param("at", at)
                .param("job", enrollmentId)
                .update();
        return created;
    }

    @Override
    public int updateStaged(String enrollmentId, Instant now) {
        return jdbc.sql("""
                        MERGE INTO member m
                        USING (SELECT member_id, member_version, occupation, enterprise_id
                               FROM membership_enrollment_write
                               WHERE enrollment_id = :job AND member_id IS NOT NULL) w
                        ON m.id = w.member_id AND m.version = w.member_version AND m.state = 'ACTIVE'
                        WHEN MATCHED THEN UPDATE SET occupation = w.occupation, enterprise_id = w.enterprise_id,
                          version = m.version + 1, updated_at = :at""")
                .param("job", enrollmentId)
                .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
    }
}
