package org.nuanxin.membership.internal.enrollment;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nuanxin.identity.Masks;
import org.nuanxin.identity.PersonalData;
import org.nuanxin.identity.PersonalDataKind;
import org.nuanxin.identity.SealedValue;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.membership.MembershipState;
import org.nuanxin.organization.EnterpriseDirectory;
import org.nuanxin.organization.Organizations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link EnrollmentLedger} over the membership schema (V400): {@code member}, {@code membership_period} and
 * {@code membership_card}, written in batches. A created membership is ACTIVE from its joining date with a member
 * number ({@code CQ<year><7 digits>}, the counter {@code member_number_seq} the review uses too), a period and a card,
 * as an approved application would be; its source is IMPORT.
 */
@Repository
class JdbcEnrollmentLedger implements EnrollmentLedger {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final PersonalData personalData;
    private final Organizations organizations;
    private final EnterpriseDirectory enterprises;
    private final CityTime time;
    private final SecureRandom random = new SecureRandom();

    JdbcEnrollmentLedger(
            JdbcClient jdbc,
            JdbcTemplate template,
            PersonalData personalData,
            Organizations organizations,
            EnterpriseDirectory enterprises,
            CityTime time) {
        this.jdbc = jdbc;
        this.template = template;
        this.personalData = personalData;
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
                        SELECT person_key, id, version, organization_id, state, mobile_key, occupation, enterprise_id
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
                            enterpriseId));
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
    public void create(List<NewMember> members, String actor, Instant now) {
        if (members.isEmpty()) {
            return;
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        List<Long> numbers = nextNumbers(members.size());
        int year = time.today().getYear();
        List<Object[]> rows = new ArrayList<>(members.size());
        List<String> keys = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            NewMember m = members.get(i);
            SealedValue id = personalData.seal(PersonalDataKind.RESIDENT_ID_NUMBER, m.idNumber());
            SealedValue mobile = personalData.seal(PersonalDataKind.MOBILE, m.mobile());
            keys.add(id.lookupKey());
            rows.add(new Object[] {
                id.lookupKey(),
                id.ciphertext(),
                Masks.residentIdNumber(m.idNumber()),
                mobile.lookupKey(),
                mobile.ciphertext(),
                Masks.mobile(m.mobile()),
                m.name(),
                m.occupation(),
                m.enterpriseId(),
                m.route(),
                m.unionId(),
                "CQ%d%07d".formatted(year, numbers.get(i)),
                at,
                at,
                actor,
                at,
                at
            });
        }
        template.batchUpdate("""
                INSERT INTO member (person_key, id_number_sealed, id_number_masked, mobile_key, mobile_sealed,
                  mobile_masked, name, occupation, enterprise_id, route, organization_id, state, member_number,
                  source, applied_at, decided_at, decided_by, version, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, 'IMPORT', ?, ?, ?, 0, ?, ?)""", rows);
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("SELECT person_key, id FROM member WHERE person_key IN (:keys)")
                .param("keys", keys)
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        List<Object[]> periods = new ArrayList<>(members.size());
        List<Object[]> cards = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            NewMember m = members.get(i);
            long memberId = ids.get(keys.get(i));
            periods.add(new Object[] {memberId, m.unionId(), m.joinedOn()});
            cards.add(new Object[] {newToken(), memberId, m.unionId(), at});
        }
        template.batchUpdate(
                "INSERT INTO membership_period (member_id, organization_id, started_on) VALUES (?, ?, ?)", periods);
        template.batchUpdate(
                "INSERT INTO membership_card (token, member_id, organization_id, issued_at) VALUES (?, ?, ?, ?)",
                cards);
    }

    @Override
    public boolean update(Existing existing, Change change, Instant now) {
        SealedValue mobile = personalData.seal(PersonalDataKind.MOBILE, change.mobile());
        return jdbc.sql("""
                                UPDATE member SET mobile_key = ?, mobile_sealed = ?, mobile_masked = ?, occupation = ?,
                                  enterprise_id = ?, version = version + 1, updated_at = ?
                                WHERE id = ? AND version = ? AND state = 'ACTIVE'""")
                        .params(
                                mobile.lookupKey(),
                                mobile.ciphertext(),
                                Masks.mobile(change.mobile()),
                                change.occupation(),
                                change.enterpriseId(),
                                Timestamp.from(now),
                                existing.memberId(),
                                existing.version())
                        .update()
                == 1;
    }

    /** Draws {@code n} values of the member-number counter in one statement (portable to H2 and PostgreSQL). */
    private List<Long> nextNumbers(int n) {
        return jdbc.sql("""
                        WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < ?)
                        SELECT NEXTVAL('member_number_seq') FROM r""").param(n).query(Long.class).list();
    }

    private String newToken() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }
}
