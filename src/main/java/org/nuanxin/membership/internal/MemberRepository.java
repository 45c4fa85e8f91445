package org.nuanxin.membership.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.nuanxin.identity.DataScope;
import org.nuanxin.kernel.SqlCondition;
import org.nuanxin.membership.EnrollmentRoute;
import org.nuanxin.membership.MembershipSource;
import org.nuanxin.membership.MembershipState;
import org.nuanxin.membership.Occupation;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code member}, {@code membership_period}, {@code membership_transfer} and {@code membership_card}
 * with plain SQL (H2 in PostgreSQL mode and PostgreSQL 15). Changes of a member row are compare-and-set on its
 * version, so two reviewers (or a reviewer and the member) never both win.
 */
@Repository
public class MemberRepository {

    static final String COLUMNS = """
            m.id, m.person_key, m.id_number_sealed, m.id_number_masked, m.mobile_key, m.mobile_sealed, m.mobile_masked,
            m.name, m.occupation, m.enterprise_id, m.route, m.organization_id, m.state, m.member_number,
            m.reject_reason, m.consent_notice_version, m.consent_at, m.source, m.applied_at, m.decided_at,
            m.decided_by, m.erased_at, m.version""";

    private final JdbcClient jdbc;

    MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The values of a new application, or of a re-application that replaces a rejected or withdrawn one. */
    record Application(
            String personKey,
            String idNumberSealed,
            String idNumberMasked,
            String mobileKey,
            String mobileSealed,
            String mobileMasked,
            String name,
            Occupation occupation,
            @Nullable Long enterpriseId,
            EnrollmentRoute route,
            long organizationId,
            @Nullable String consentNoticeVersion,
            @Nullable Instant consentAt,
            MembershipSource source) {}

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static @Nullable OffsetDateTime utcOrNull(@Nullable Instant instant) {
        return instant == null ? null : utc(instant);
    }

    private static Map<String, Object> params(Application a, Instant now) {
        Map<String, Object> p = new HashMap<>();
        p.put("personKey", a.personKey());
        p.put("idSealed", a.idNumberSealed());
        p.put("idMasked", a.idNumberMasked());
        p.put("mobileKey", a.mobileKey());
        p.put("mobileSealed", a.mobileSealed());
        p.put("mobileMasked", a.mobileMasked());
        p.put("name", a.name());
        p.put("occupation", a.occupation().name());
        p.put("enterprise", a.enterpriseId());
        p.put("route", a.route().name());
        p.put("organization", a.organizationId());
        p.put("notice", a.consentNoticeVersion());
        p.put("consentAt", utcOrNull(a.consentAt()));
        p.put("source", a.source().name());
        p.put("now", utc(now));
        return p;
    }

    /**
     * Inserts an application (state APPLIED).
     *
     * @return the new id
     * @throws org.springframework.dao.DuplicateKeyException when the person already has a row (one person, one
     *     membership: the unique constraint decides between concurrent applications)
     */
    long insert(Application a, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO member (person_key, id_number_sealed, id_number_masked, mobile_key, mobile_sealed,
                       mobile_masked, name, occupation, enterprise_id, route, organization_id, state,
                       consent_notice_version, consent_at, source, applied_at, version, created_at, updated_at)
                VALUES (:personKey, :idSealed, :idMasked, :mobileKey, :mobileSealed, :mobileMasked, :name,
                        :occupation, :enterprise, :route, :organization, 'APPLIED', :notice, :consentAt, :source,
                        :now, 0, :now, :now)""").params(params(a, now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** @return whether the row had {@code version} and a state that may apply again, and now holds the application */
    boolean reapply(long id, int version, Application a, Instant now) {
        return jdbc.sql("""
                        UPDATE member SET id_number_sealed = :idSealed, id_number_masked = :idMasked,
                               mobile_key = :mobileKey, mobile_sealed = :mobileSealed, mobile_masked = :mobileMasked,
                               name = :name, occupation = :occupation, enterprise_id = :enterprise, route = :route,
                               organization_id = :organization, state = 'APPLIED', reject_reason = NULL,
                               consent_notice_version = :notice, consent_at = :consentAt, source = :source,
                               applied_at = :now, decided_at = NULL, decided_by = NULL, version = version + 1,
                               updated_at = :now
                         WHERE id = :id AND version = :version AND person_key = :personKey
                           AND state IN ('REJECTED', 'WITHDRAWN')""")
                        .params(params(a, now))
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    Optional<Member> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM member m WHERE m.id = :id")
                .param("id", id)
                .query(MemberRepository::map)
                .optional();
    }

    /** @return the member when its union lies in {@code scope}; empty also when it exists outside it */
    Optional<Member> find(long id, DataScope scope) {
        SqlCondition in = scope.on("m.organization_id");
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(in.parameters());
        return jdbc.sql("SELECT " + COLUMNS + " FROM member m WHERE m.id = ? AND " + in.sql())
                .params(params)
                .query(MemberRepository::map)
                .optional();
    }

    Optional<Member> findByPersonKey(String personKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM member m WHERE m.person_key = :key")
                .param("key", personKey)
                .query(MemberRepository::map)
                .optional();
    }

    /** @return the worker's record by their phone's keyed hash: the latest applied when several share a phone */
    Optional<Member> findByMobileKey(String mobileKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM member m WHERE m.mobile_key = :key ORDER BY m.applied_at DESC,"
                        + " m.id DESC LIMIT 1")
                .param("key", mobileKey)
                .query(MemberRepository::map)
                .optional();
    }

    /** One page of the applications waiting in {@code scope}, oldest first. */
    Page<Member> applications(DataScope scope, Pageable pageable) {
        SqlCondition in = scope.on("m.organization_id");
        long total = jdbc.sql("SELECT COUNT(*) FROM member m WHERE m.state = 'APPLIED' AND " + in.sql())
                .params(in.parameters())
                .query(Long.class)
                .single();
        List<Object> params = new ArrayList<>(in.parameters());
        params.add(pageable.getPageSize());
        params.add(pageable.getOffset());
        List<Member> rows = jdbc.sql("SELECT " + COLUMNS + " FROM member m WHERE m.state = 'APPLIED' AND " + in.sql()
                        + " ORDER BY m.applied_at, m.id LIMIT ? OFFSET ?")
                .params(params)
                .query(MemberRepository::map)
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** @return the next member number's counter value */
    long nextNumber() {
        return jdbc.sql("SELECT NEXTVAL('member_number_seq')").query(Long.class).single();
    }

    /** Compare-and-set of a decision (approve or reject). */
    boolean decide(
            long id,
            int version,
            MembershipState from,
            MembershipState to,
            @Nullable String memberNumber,
            @Nullable String rejectReason,
            String decidedBy,
            Instant now) {
        return jdbc.sql("""
                        UPDATE member SET state = :to, member_number = COALESCE(member_number, :number),
                               reject_reason = :reason, decided_at = :now, decided_by = :by, version = version + 1,
                               updated_at = :now
                         WHERE id = :id AND version = :version AND state = :from""")
                        .param("to", to.name())
                        .param("number", memberNumber)
                        .param("reason", rejectReason)
                        .param("now", utc(now))
                        .param("by", decidedBy)
                        .param("id", id)
                        .param("version", version)
                        .param("from", from.name())
                        .update()
                == 1;
    }

    /** Compare-and-set of the state (and union) alone. */
    boolean move(long id, int version, MembershipState to, long organizationId, Instant now) {
        return jdbc.sql("""
                        UPDATE member SET state = :to, organization_id = :organization, version = version + 1,
                               updated_at = :now
                         WHERE id = :id AND version = :version""")
                        .param("to", to.name())
                        .param("organization", organizationId)
                        .param("now", utc(now))
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    /** Erases the person's data (PIPL art. 47); keeps the number, union, occupation and route as the union's records. */
    boolean erase(long id, int version, Instant now) {
        return jdbc.sql("""
                        UPDATE member SET person_key = NULL, id_number_sealed = NULL, id_number_masked = NULL,
                               mobile_key = NULL, mobile_sealed = NULL, mobile_masked = NULL, name = NULL,
                               enterprise_id = NULL, consent_notice_version = NULL, consent_at = NULL,
                               reject_reason = NULL, state = 'WITHDRAWN', erased_at = :now, version = version + 1,
                               updated_at = :now
                         WHERE id = :id AND version = :version""")
                        .param("now", utc(now))
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    // Periods.

    void openPeriod(long memberId, long organizationId, LocalDate from) {
        jdbc.sql("INSERT INTO membership_period (member_id, organization_id, started_on) VALUES (:m, :o, :d)")
                .param("m", memberId)
                .param("o", organizationId)
                .param("d", from)
                .update();
    }

    void closePeriod(long memberId, LocalDate on, String reason) {
        jdbc.sql("""
                UPDATE membership_period SET ended_on = :d, end_reason = :reason
                 WHERE member_id = :m AND ended_on IS NULL""")
                .param("d", on)
                .param("reason", reason)
                .param("m", memberId)
                .update();
    }

    /** @return the member's periods, oldest first, with the unions' names */
    List<Period> periods(long memberId) {
        return jdbc.sql("""
                SELECT p.id, p.organization_id, o.name, p.started_on, p.ended_on, p.end_reason
                  FROM membership_period p JOIN organization o ON o.id = p.organization_id
                 WHERE p.member_id = :m ORDER BY p.started_on, p.id""")
                .param("m", memberId)
                .query((rs, i) -> {
                    Date ended = rs.getDate("ended_on");
                    return new Period(
                            rs.getLong("id"),
                            rs.getLong("organization_id"),
                            rs.getString("name"),
                            rs.getDate("started_on").toLocalDate(),
                            ended == null ? null : ended.toLocalDate(),
                            rs.getString("end_reason"));
                })
                .list();
    }

    // Transfers.

    long insertTransfer(long memberId, long from, long to, String reason, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO membership_transfer (member_id, from_organization_id, to_organization_id, reason, state,
                       requested_at, version)
                VALUES (:m, :from, :to, :reason, 'PENDING', :now, 0)""")
                .param("m", memberId)
                .param("from", from)
                .param("to", to)
                .param("reason", reason)
                .param("now", utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private static final String TRANSFER_COLUMNS = """
            t.id, t.member_id, t.from_organization_id, t.to_organization_id, t.reason, t.state, t.decline_reason,
            t.requested_at, t.decided_at, t.version""";

    Optional<Transfer> findTransfer(long id, DataScope scope) {
        SqlCondition in = scope.on("t.to_organization_id");
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(in.parameters());
        return jdbc.sql("SELECT " + TRANSFER_COLUMNS + " FROM membership_transfer t WHERE t.id = ? AND " + in.sql())
                .params(params)
                .query(MemberRepository::mapTransfer)
                .optional();
    }

    /** @return the member's transfers, newest first */
    List<Transfer> transfers(long memberId) {
        return jdbc.sql("SELECT " + TRANSFER_COLUMNS
                        + " FROM membership_transfer t WHERE t.member_id = :m ORDER BY t.requested_at DESC, t.id DESC")
                .param("m", memberId)
                .query(MemberRepository::mapTransfer)
                .list();
    }

    /** The pending transfers into {@code scope}, oldest first. */
    Page<Transfer> pendingTransfers(DataScope scope, Pageable pageable) {
        SqlCondition in = scope.on("t.to_organization_id");
        long total = jdbc.sql("SELECT COUNT(*) FROM membership_transfer t WHERE t.state = 'PENDING' AND " + in.sql())
                .params(in.parameters())
                .query(Long.class)
                .single();
        List<Object> params = new ArrayList<>(in.parameters());
        params.add(pageable.getPageSize());
        params.add(pageable.getOffset());
        List<Transfer> rows = jdbc.sql("SELECT " + TRANSFER_COLUMNS
                        + " FROM membership_transfer t WHERE t.state = 'PENDING' AND " + in.sql()
                        + " ORDER BY t.requested_at, t.id LIMIT ? OFFSET ?")
                .params(params)
                .query(MemberRepository::mapTransfer)
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    boolean decideTransfer(
            long id, int version, String to, @Nullable String declineReason, @Nullable String by, Instant now) {
        return jdbc.sql("""
                        UPDATE membership_transfer SET state = :to, decline_reason = :reason, decided_at = :now,
                               decided_by = :by, version = version + 1
                         WHERE id = :id AND version = :version AND state = 'PENDING'""")
                        .param("to", to)
                        .param("reason", declineReason)
                        .param("now", utc(now))
                        .param("by", by)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    /** Cancels the member's pending transfer, if any (they withdrew). */
    void cancelPendingTransfers(long memberId, Instant now) {
        jdbc.sql("""
                UPDATE membership_transfer SET state = 'CANCELLED', decided_at = :now, version = version + 1
                 WHERE member_id = :m AND state = 'PENDING'""").param("now", utc(now)).param("m", memberId).update();
    }

    /** Erases the member's own words in their transfer requests (their reasons may be personal). */
    void eraseTransferReasons(long memberId) {
        jdbc.sql("UPDATE membership_transfer SET reason = '-' WHERE member_id = :m")
                .param("m", memberId)
                .update();
    }

    // Cards.

    void insertCard(String token, long memberId, long organizationId, Instant now) {
        jdbc.sql("""
                INSERT INTO membership_card (token, member_id, organization_id, issued_at)
                VALUES (:token, :m, :o, :now)""")
                .param("token", token)
                .param("m", memberId)
                .param("o", organizationId)
                .param("now", utc(now))
                .update();
    }

    void revokeCards(long memberId, String reason, Instant now) {
        jdbc.sql("""
                UPDATE membership_card SET revoked_at = :now, revoke_reason = :reason
                 WHERE member_id = :m AND revoked_at IS NULL""")
                .param("now", utc(now))
                .param("reason", reason)
                .param("m", memberId)
                .update();
    }

    /** A card token as stored. */
    record Card(
            String token,
            long memberId,
            long organizationId,
            Instant issuedAt,
            @Nullable String revokeReason) {}

    Optional<Card> findCard(String token) {
        return jdbc.sql("""
                SELECT token, member_id, organization_id, issued_at, revoke_reason FROM membership_card
                 WHERE token = :token""")
                .param("token", token)
                .query((rs, i) -> new Card(
                        rs.getString("token"),
                        rs.getLong("member_id"),
                        rs.getLong("organization_id"),
                        rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
                        rs.getString("revoke_reason")))
                .optional();
    }

    /** @return the member's valid card token, if any */
    Optional<String> currentCard(long memberId) {
        return jdbc.sql("""
                SELECT token FROM membership_card WHERE member_id = :m AND revoked_at IS NULL
                 ORDER BY issued_at DESC LIMIT 1""").param("m", memberId).query(String.class).optional();
    }

    /** Cards as the member's own data shows them: issued, revoked, reason. */
    List<Map<String, Object>> cardsOf(long memberId) {
        return jdbc.sql("""
                SELECT issued_at, revoked_at, revoke_reason FROM membership_card WHERE member_id = :m
                 ORDER BY issued_at""").param("m", memberId).query().listOfRows();
    }

    /** Deletes the member's card tokens (erasure: a scan then finds nothing). */
    void deleteCards(long memberId) {
        jdbc.sql("DELETE FROM membership_card WHERE member_id = :m")
                .param("m", memberId)
                .update();
    }

    // The signing key.

    Optional<String> secret(String name) {
        return jdbc.sql("SELECT secret_value FROM membership_secret WHERE name = :name")
                .param("name", name)
                .query(String.class)
                .optional();
    }

    void insertSecret(String name, String value, Instant now) {
        jdbc.sql("INSERT INTO membership_secret (name, secret_value, created_at) VALUES (:name, :value, :now)")
                .param("name", name)
                .param("value", value)
                .param("now", utc(now))
                .update();
    }

    static Member map(ResultSet rs, int row) throws SQLException {
        long enterprise = rs.getLong("enterprise_id");
        Long enterpriseId = rs.wasNull() ? null : enterprise;
        return new Member(
                rs.getLong("id"),
                rs.getString("person_key"),
                rs.getString("id_number_sealed"),
                rs.getString("id_number_masked"),
                rs.getString("mobile_key"),
                rs.getString("mobile_sealed"),
                rs.getString("mobile_masked"),
                rs.getString("name"),
                Occupation.valueOf(rs.getString("occupation")),
                enterpriseId,
                EnrollmentRoute.valueOf(rs.getString("route")),
                rs.getLong("organization_id"),
                MembershipState.valueOf(rs.getString("state")),
                rs.getString("member_number"),
                rs.getString("reject_reason"),
                rs.getString("consent_notice_version"),
                instant(rs, "consent_at"),
                MembershipSource.valueOf(rs.getString("source")),
                rs.getObject("applied_at", OffsetDateTime.class).toInstant(),
                instant(rs, "decided_at"),
                rs.getString("decided_by"),
                instant(rs, "erased_at"),
                rs.getInt("version"));
    }

    static Transfer mapTransfer(ResultSet rs, int row) throws SQLException {
        return new Transfer(
                rs.getLong("id"),
                rs.getLong("member_id"),
                rs.getLong("from_organization_id"),
                rs.getLong("to_organization_id"),
                rs.getString("reason"),
                rs.getString("state"),
                rs.getString("decline_reason"),
                rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
                instant(rs, "decided_at"),
                rs.getInt("version"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
