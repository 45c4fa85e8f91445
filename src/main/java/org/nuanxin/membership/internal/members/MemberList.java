package org.nuanxin.membership.internal.members;

import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.nuanxin.audit.AuditLog;
import org.nuanxin.identity.DataScope;
import org.nuanxin.identity.DataScopes;
import org.nuanxin.identity.Masks;
import org.nuanxin.identity.PersonalData;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.kernel.SqlCondition;
import org.nuanxin.membership.EnrollmentRoute;
import org.nuanxin.membership.MemberPermissions;
import org.nuanxin.membership.MemberPermissions.Action;
import org.nuanxin.membership.MembershipState;
import org.nuanxin.membership.Occupation;
import org.nuanxin.organization.EnterpriseDirectory;
import org.nuanxin.organization.Organization;
import org.nuanxin.organization.Organizations;
import org.nuanxin.spreadsheet.XlsxExport;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The members of the console: a filtered page, one member, the xlsx export, and unmasking (Personal Information
 * Protection Law art. 51; GB/T 35273-2020 §9.3). Everything is within the reader's data scope, filtered in SQL;
 * a member of another scope is "not found". Personal data is masked; the clear identity and mobile numbers are
 * opened only for a user with {@link Action#UNMASK} who states a reason, and each disclosure is audited
 * ({@code membership.unmask}; an export is {@code membership.export}, with its filter and row count).
 */
@Service
class MemberList {

    /** The reason a disclosure needs: at least this many characters, at most {@link #MAX_REASON}. */
    static final int MIN_REASON = 4;

    static final int MAX_REASON = 200;

    private static final String COLUMNS = """
            m.id, m.member_number, m.name, m.id_number_masked, m.mobile_masked, m.occupation, m.route, m.state,
            m.organization_id, m.enterprise_id,
            (SELECT MIN(p.started_on) FROM membership_period p WHERE p.member_id = m.id) AS joined_on""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DataScopes scopes;
    private final MemberPermissions permissions;
    private final Organizations organizations;
    private final EnterpriseDirectory enterprises;
    private final PersonalData personalData;
    private final AuditLog audit;
    private final XlsxExport xlsx;
    private final MessageSource messages;

    MemberList(
            JdbcClient jdbc,
            JdbcTemplate template,
            DataScopes scopes,
            MemberPermissions permissions,
            Organizations organizations,
            EnterpriseDirectory enterprises,
            PersonalData personalData,
            AuditLog audit,
            XlsxExport xlsx,
            MessageSource messages) {
        this.jdbc = jdbc;
        this.template = template;
        this.scopes = scopes;
        this.permissions = permissions;
        this.organizations = organizations;
        this.enterprises = enterprises;
        this.personalData = personalData;
        this.audit = audit;
        this.xlsx = xlsx;
        this.messages = messages;
    }

    /** A member in clear: the disclosure of {@link #unmask}. */
    public record Disclosed(MemberRow member, String idNumber, String mobile) {}

    /** @throws org.springframework.security.access.AccessDeniedException without VIEW */
    @Transactional(readOnly = true)
    public Page<MemberRow> page(MemberFilter filter, Pageable pageable) {
        permissions.check(Action.VIEW);
        Where where = where(filter, scopes.current());
        long total = jdbc.sql("SELECT COUNT(*) FROM member m WHERE " + where.sql)
                .params(where.params)
                .query(Long.class)
                .single();
        Names names = new Names();
        List<MemberRow> rows = jdbc.sql("SELECT " + COLUMNS + " FROM member m WHERE " + where.sql
                        + " ORDER BY m.id DESC LIMIT " + pageable.getPageSize() + " OFFSET " + pageable.getOffset())
                .params(where.params)
                .query((rs, n) -> row(rs, names))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /**
     * @throws NoSuchElementException when there is no such member in the reader's scope
     */
    @Transactional(readOnly = true)
    public MemberRow find(long id) {
        permissions.check(Action.VIEW);
        DataScope scope = scopes.current();
        Names names = new Names();
        MemberRow row = jdbc.sql("SELECT " + COLUMNS + " FROM member m WHERE m.id = ?")
                .param(id)
                .query((rs, n) -> row(rs, names))
                .optional()
                .filter(m -> scope.includes(m.organizationId()))
                .orElseThrow(() -> new NoSuchElementException("member " + id));
        return row;
    }

    /** The member's periods with each union, oldest first: {@code [union name, from, to or null]}. */
    @Transactional(readOnly = true)
    public List<Period> periods(long id) {
        MemberRow member = find(id);
        Names names = new Names();
        return jdbc.sql("SELECT organization_id, started_on, ended_on, end_reason FROM membership_period"
                        + " WHERE member_id = ? ORDER BY started_on, id")
                .param(member.id())
                .query((rs, n) -> new Period(
                        names.organization(rs.getLong(1)),
                        rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class),
                        rs.getString(4)))
                .list();
    }

    /** One period of membership with a union. */
    public record Period(
            String organizationName,
            LocalDate from,
            @Nullable LocalDate to,
            @Nullable String endReason) {}

    /**
     * Opens the member's identity and mobile numbers, audited as {@code membership.unmask} with the reason.
     *
     * @throws org.springframework.security.access.AccessDeniedException without UNMASK on the member's union
     * @throws InvalidInputException on field {@code reason} when it is blank, too short or too long
     * @throws NoSuchElementException when there is no such member in scope, or its data was erased
     */
    @Transactional
    public Disclosed unmask(long id, @Nullable String reason) {
        permissions.check(Action.UNMASK);
        MemberRow member = find(id);
        permissions.check(Action.UNMASK, member.organizationId());
        String why = reason(reason);
        Map<String, Object> sealed = jdbc.sql("SELECT id_number_sealed, mobile_sealed FROM member WHERE id = ?")
                .param(id)
                .query()
                .singleRow();
        Object idSealed = sealed.values().toArray()[0];
        Object mobileSealed = sealed.values().toArray()[1];
        if (idSealed == null || mobileSealed == null) {
            throw new NoSuchElementException("member " + id + " erased");
        }
        audit.record("membership.unmask", "member", Long.toString(id), why, "fields=idNumber,mobile");
        return new Disclosed(
                member, personalData.open(idSealed.toString()), personalData.open(mobileSealed.toString()));
    }

    /**
     * Writes the filtered list (the same filter and scope as the page) as xlsx; masked unless {@code unmask}, which
     * needs {@link Action#UNMASK} and a reason. Audited as {@code membership.export} (filter, row count, whether
     * unmasked) and, unmasked, also as {@code membership.unmask}.
     *
     * @throws org.springframework.security.access.AccessDeniedException without EXPORT (or UNMASK when asked)
     * @throws InvalidInputException on field {@code reason} for an unmasked export without a fit reason
     */
    // Not read-only: the export's audit entry is written in its transaction (PostgreSQL refuses it in a read-only one).
    @Transactional
    public void export(MemberFilter filter, boolean unmask, @Nullable String reason, OutputStream out, Locale locale) {
        permissions.check(Action.EXPORT);
        String why = null;
        if (unmask) {
            permissions.check(Action.UNMASK);
            why = reason(reason);
        }
        Where where = where(filter, scopes.current());
        Names names = new Names();
        List<List<Object>> rows = new ArrayList<>();
        boolean clear = unmask;
        template.query(
                "SELECT " + COLUMNS + ", m.id_number_sealed, m.mobile_sealed FROM member m WHERE " + where.sql
                        + " ORDER BY m.id",
                rs -> {
                    MemberRow m = row(rs, names);
                    String idSealed = rs.getString("id_number_sealed");
                    String mobileSealed = rs.getString("mobile_sealed");
                    String idNumber = clear && idSealed != null ? personalData.open(idSealed) : m.idNumberMasked();
                    String mobile = clear && mobileSealed != null ? personalData.open(mobileSealed) : m.mobileMasked();
                    List<Object> row = new ArrayList<>(11);
                    row.add(m.memberNumber());
                    row.add(clear ? names.clearName(rs) : m.nameMasked());
                    row.add(idNumber);
                    row.add(mobile);
                    row.add(message(locale, m.occupation().messageKey()));
                    row.add(message(locale, m.route().messageKey()));
                    row.add(message(locale, m.state().messageKey()));
                    row.add(m.organizationName());
                    row.add(m.enterpriseName());
                    row.add(m.joinedOn());
                    rows.add(row);
                },
                where.params.toArray());
        List<String> headers = List.of(
                message(locale, "membership.members.memberNumber"),
                message(locale, "membership.members.name"),
                message(locale, "membership.members.idNumber"),
                message(locale, "membership.members.mobile"),
                message(locale, "membership.members.occupation"),
                message(locale, "membership.members.route"),
                message(locale, "membership.members.state"),
                message(locale, "membership.members.organization"),
                message(locale, "membership.members.enterprise"),
                message(locale, "membership.members.joinedOn"));
        String details = filter.describe() + " rows=" + rows.size() + " unmasked=" + unmask;
        audit.record("membership.export", "member", null, why, details);
        if (unmask) {
            audit.record("membership.unmask", "export", null, why, details);
        }
        xlsx.write(out, message(locale, "membership.members.sheet"), headers, rows);
    }

    private static String reason(@Nullable String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.codePointCount(0, why.length()) < MIN_REASON || why.codePointCount(0, why.length()) > MAX_REASON) {
            throw new InvalidInputException("reason", "membership.members.reason.invalid", MIN_REASON, MAX_REASON);
        }
        return why;
    }

    private record Where(String sql, List<Object> params) {}

    private static Where where(MemberFilter f, DataScope scope) {
        DataScope narrowed = f.organizationId() == null ? scope : scope.narrowTo(f.organizationId());
        SqlCondition condition = narrowed.on("m.organization_id");
        StringBuilder sql = new StringBuilder(condition.sql());
        List<Object> params = new ArrayList<>(condition.parameters());
        if (f.occupation() != null) {
            sql.append(" AND m.occupation = ?");
            params.add(f.occupation().name());
        }
        if (f.route() != null) {
            sql.append(" AND m.route = ?");
            params.add(f.route().name());
        }
        if (f.state() != null) {
            sql.append(" AND m.state = ?");
            params.add(f.state().name());
        }
        if (f.enterpriseId() != null) {
            sql.append(" AND m.enterprise_id = ?");
            params.add(f.enterpriseId());
        }
        if (f.joinedFrom() != null) {
            sql.append(" AND (SELECT MIN(p.started_on) FROM membership_period p WHERE p.member_id = m.id) >= ?");
            params.add(f.joinedFrom());
        }
        if (f.joinedTo() != null) {
            sql.append(" AND (SELECT MIN(p.started_on) FROM membership_period p WHERE p.member_id = m.id) <= ?");
            params.add(f.joinedTo());
        }
        return new Where(sql.toString(), params);
    }

    private MemberRow row(ResultSet rs, Names names) throws SQLException {
        String name = rs.getString("name");
        long enterprise = rs.getLong("enterprise_id");
        Long enterpriseId = rs.wasNull() ? null : enterprise;
        long organizationId = rs.getLong("organization_id");
        return new MemberRow(
                rs.getLong("id"),
                rs.getString("member_number"),
                name == null ? "" : Masks.name(name),
                Optional.ofNullable(rs.getString("id_number_masked")).orElse(""),
                Optional.ofNullable(rs.getString("mobile_masked")).orElse(""),
                Occupation.valueOf(rs.getString("occupation")),
                EnrollmentRoute.valueOf(rs.getString("route")),
                MembershipState.valueOf(rs.getString("state")),
                organizationId,
                names.organization(organizationId),
                enterpriseId,
                enterpriseId == null ? "" : names.enterprise(enterpriseId),
                rs.getObject("joined_on", LocalDate.class));
    }

    private String message(Locale locale, String key) {
        return messages.getMessage(key, null, key, locale);
    }

    /** Names of unions and enterprises, looked up once per list or export. */
    private final class Names {
        private final Map<Long, String> organizations = new HashMap<>();
        private final Map<Long, String> enterprises = new HashMap<>();

        String organization(long id) {
            return organizations.computeIfAbsent(
                    id,
                    o -> MemberList.this
                            .organizations
                            .find(o)
                            .map(Organization::name)
                            .orElse(""));
        }

        String enterprise(long id) {
            return enterprises.computeIfAbsent(
                    id,
                    e -> MemberList.this
                            .enterprises
                            .find(e)
                            .map(EnterpriseDirectory.Entry::name)
                            .orElse(""));
        }

        String clearName(ResultSet rs) throws SQLException {
            return Optional.ofNullable(rs.getString("name")).orElse("");
        }
    }
}
