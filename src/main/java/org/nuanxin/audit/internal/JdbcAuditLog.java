package org.nuanxin.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nuanxin.audit.AuditEntry;
import org.nuanxin.audit.AuditLog;
import org.nuanxin.audit.AuditQuery;
import org.nuanxin.kernel.ActingOrganization;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.kernel.RowScope;
import org.nuanxin.kernel.SqlCondition;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The audit log on table {@code audit_log}, with SQL that runs on H2 (PostgreSQL mode) and PostgreSQL. */
@Service
class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;
    private final CityTime time;

    JdbcAuditLog(JdbcClient jdbc, CityTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    @Override
    public Origin currentOrigin() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String actor = auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()
                ? UNKNOWN_ACTOR
                : auth.getName();
        Long organization = auth != null && auth.getPrincipal() instanceof ActingOrganization acting
                ? acting.organizationId()
                : null;
        String address = "";
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            address = request.getRemoteAddr();
        }
        return new Origin(actor, address, organization);
    }

    // MANDATORY would refuse the failed sign-ins, which have no transaction; SUPPORTS joins the caller's.
    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public void record(
            Origin origin, String action, String recordType, String recordId, String reason, String details) {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs an action code");
        }
        jdbc.sql("""
                INSERT INTO audit_log (occurred_at, actor, action, record_type, record_id, client_address, reason, details,
                                       organization_id)
                VALUES (:at, :actor, :action, :recordType, :recordId, :address, :reason, :details, :organization)""")
                .param("organization", origin.organizationId())
                .param("at", time.now().atOffset(ZoneOffset.UTC))
                .param("actor", cut(origin.actor(), 64))
                .param("action", cut(action, 64))
                .param("recordType", cut(recordType, 32))
                .param("recordId", cut(recordId, 64))
                .param("address", cut(origin.clientAddress(), 64))
                .param("reason", cut(reason, 500))
                .param("details", cut(details, 500))
                .update();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<AuditEntry> search(AuditQuery query, Pageable pageable) {
        return search(query, RowScope.ALL, pageable);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<AuditEntry> search(AuditQuery query, RowScope scope, Pageable pageable) {
        if (pageable.getPageSize() > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be at most " + MAX_PAGE_SIZE);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(query, scope.on("organization_id").named("scope"), params);
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_log" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        List<AuditEntry> entries = jdbc.sql(
                        """
                SELECT id, occurred_at, actor, action, record_type, record_id, client_address, reason, details
                  FROM audit_log""" + where + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .query(JdbcAuditLog::map)
                .list();
        return new PageImpl<>(entries, pageable, total);
    }

    /** Deletes the entries that occurred before {@code cutoff}; returns how many. */
    @Transactional
    public int purgeBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM audit_log WHERE occurred_at < :cutoff")
                .param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                .update();
    }

    private String where(AuditQuery q, SqlCondition.Named scope, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (!scope.parameters().isEmpty()) {
            conditions.add(scope.sql());
            params.putAll(scope.parameters());
        }
        if (!blank(q.actor())) {
            conditions.add("actor = :actor");
            params.put("actor", q.actor().strip());
        }
        if (!blank(q.action())) {
            String action = q.action().strip();
            if (action.endsWith(".")) {
                conditions.add("action LIKE :action");
                params.put("action", action.replace("%", "").replace("_", "\\_") + "%");
            } else {
                conditions.add("action = :action");
                params.put("action", action);
            }
        }
        if (!blank(q.recordId())) {
            conditions.add("record_id = :recordId");
            params.put("recordId", q.recordId().strip());
        }
        if (q.from() != null) {
            conditions.add("occurred_at >= :from");
            params.put("from", startOf(q.from()));
        }
        if (q.to() != null) {
            conditions.add("occurred_at < :to");
            params.put("to", startOf(q.to().plusDays(1)));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private OffsetDateTime startOf(LocalDate day) {
        return time.startOf(day).atOffset(ZoneOffset.UTC);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                text(rs, "record_type"),
                text(rs, "record_id"),
                text(rs, "client_address"),
                text(rs, "reason"),
                text(rs, "details"));
    }

    private static String text(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? "" : value;
    }
}
