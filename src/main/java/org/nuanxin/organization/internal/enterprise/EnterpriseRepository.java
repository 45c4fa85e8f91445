package org.nuanxin.organization.internal.enterprise;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.nuanxin.identity.DataScope;
import org.nuanxin.kernel.SqlCondition;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code enterprise} with plain SQL (H2 in PostgreSQL mode and PostgreSQL 15). Every
 * read takes a {@link DataScope} and filters by it in SQL ({@code scope.on("e.organization_id")}).
 */
@Repository
class EnterpriseRepository {

    private static final String SELECT = """
            SELECT e.id, e.name, e.credit_code, e.industry, e.size, e.district_code, e.platform, e.head, e.backbone,
                   e.worker_count, e.union_status, e.union_established_on, e.union_organization_id,
                   e.responsible_username, e.notes, e.organization_id, o.name AS organization_name, e.demo,
                   e.version, e.updated_at
              FROM enterprise e JOIN organization o ON o.id = e.organization_id
            """;

    private final JdbcClient jdbc;

    EnterpriseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A WHERE clause and its positional parameters. */
    private record Where(String sql, List<Object> params) {}

    private static Where where(DataScope scope, EnterpriseFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        DataScope narrowed = filter.organization() == null ? scope : scope.narrowTo(filter.organization());
        add(conditions, params, narrowed.on("e.organization_id"));
        if (filter.text() != null) {
            conditions.add("(LOWER(e.name) LIKE ? OR e.credit_code LIKE ?)");
            String like = "%" + escape(filter.text().toLowerCase(Locale.ROOT)) + "%";
            params.add(like);
            params.add("%" + escape(filter.text().toUpperCase(Locale.ROOT)) + "%");
        }
        if (filter.districtCode() != null) {
            conditions.add("e.district_code = ?");
            params.add(filter.districtCode());
        }
        if (filter.industry() != null) {
            conditions.add("e.industry = ?");
            params.add(filter.industry().name());
        }
        if (filter.unionStatus() != null) {
            conditions.add("e.union_status = ?");
            params.add(filter.unionStatus().name());
        }
        for (EnterpriseFilter.Flag flag : EnterpriseFilter.Flag.values()) {
            if (filter.flags().contains(flag)) {
                conditions.add("e." + flag.column() + " = TRUE");
            }
        }
        return new Where(" WHERE " + String.join(" AND ", conditions), params);
    }

    private static void add(List<String> conditions, List<Object> params, SqlCondition condition) {
        conditions.add(condition.sql());
        params.addAll(condition.parameters());
    }

    /** LIKE's wildcards typed by a user match themselves. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String orderBy(Sort sort) {
        Sort.Order order = sort.stream().findFirst().orElse(Sort.Order.asc("name"));
        String column = switch (order.getProperty()) {
            case "districtCode" -> "e.district_code";
            case "updatedAt" -> "e.updated_at";
            case "unionStatus" -> "e.union_status";
            default -> "e.name";
        };
        return " ORDER BY " + column + (order.isDescending() ? " DESC" : " ASC") + ", e.id";
    }

    /** One page of the enterprises in {@code scope} that {@code filter} keeps. */
    Page<Enterprise> search(DataScope scope, EnterpriseFilter filter, Pageable pageable) {
        Where where = where(scope, filter);
        long total = jdbc.sql("SELECT COUNT(*) FROM enterprise e" + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
        List<Object> params = new ArrayList<>(where.params());
        params.add(pageable.getPageSize());
        params.add(pageable.getOffset());
        List<Enterprise> rows = jdbc.sql(SELECT + where.sql() + orderBy(pageable.getSort()) + " LIMIT ? OFFSET ?")
                .params(params)
                .query(EnterpriseRepository::map)
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** Every enterprise in {@code scope} that {@code filter} keeps, by name, one at a time (exports). */
    void forEach(DataScope scope, EnterpriseFilter filter, Consumer<Enterprise> action) {
        Where where = where(scope, filter);
        try (var rows = jdbc
                .sql(SELECT + where.sql() + orderBy(Sort.by("name")))
                .params(where.params())
                .query(EnterpriseRepository::map)
                .stream()) {
            rows.forEach(action);
        }
    }

    /** @return the enterprise when it lies in {@code scope}; empty also when it exists outside it */
    Optional<Enterprise> find(DataScope scope, long id) {
        SqlCondition inScope = scope.on("e.organization_id");
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(inScope.parameters());
        return jdbc.sql(SELECT + " WHERE e.id = ? AND " + inScope.sql())
                .params(params)
                .query(EnterpriseRepository::map)
                .optional();
    }

    /** @return the enterprise with this (normalised) credit code, in any scope (to refuse duplicates) */
    Optional<Enterprise> findByCreditCode(String creditCode) {
        return jdbc.sql(SELECT + " WHERE e.credit_code = ?")
                .param(creditCode)
                .query(EnterpriseRepository::map)
                .optional();
    }

    /** @return the new enterprise's id */
    long insert(
            EnterpriseValues v, long organizationId, @Nullable Long unionOrganizationId, boolean demo, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO enterprise (name, credit_code, industry, size, district_code, platform, head, backbone,
                       worker_count, union_status, union_established_on, union_organization_id, responsible_username,
                       notes, organization_id, demo, version, created_at, updated_at)
                VALUES (:name, :code, :industry, :size, :district, :platform, :head, :backbone, :workers, :status,
                        :established, :union, :responsible, :notes, :organization, :demo, 0, :now, :now)""")
                .params(params(v, unionOrganizationId, now))
                .param("organization", organizationId)
                .param("demo", demo)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** @return whether the row had {@code version} (and so was updated) */
    boolean update(
            long id,
            int version,
            EnterpriseValues v,
            @Nullable Long unionOrganizationId,
            long organizationId,
            Instant now) {
        return jdbc.sql("""
                UPDATE enterprise SET name = :name, credit_code = :code, industry = :industry, size = :size,
                       district_code = :district, platform = :platform, head = :head, backbone = :backbone,
                       worker_count = :workers, union_status = :status, union_established_on = :established,
                       union_organization_id = :union, responsible_username = :responsible, notes = :notes,
                       organization_id = :organization, version = version + 1, updated_at = :now
                 WHERE id = :id AND version = :version""")
                        .params(params(v, unionOrganizationId, now))
                        .param("id", id)
                        .param("version", version)
                        .param("organization", organizationId)
                        .update()
                == 1;
    }

    private static java.util.Map<String, Object> params(EnterpriseValues v, @Nullable Long union, Instant now) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("name", v.name());
        p.put("code", v.creditCode());
        p.put("industry", v.industry().name());
        p.put("size", v.size() == null ? null : v.size().name());
        p.put("district", v.districtCode());
        p.put("platform", v.platform());
        p.put("head", v.head());
        p.put("backbone", v.backbone());
        p.put("workers", v.workerCount());
        p.put("status", v.unionStatus().name());
        p.put("established", v.unionEstablishedOn());
        p.put("union", union);
        p.put("responsible", v.responsible());
        p.put("notes", v.notes());
        p.put("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        return p;
    }

    long countAll() {
        return jdbc.sql("SELECT COUNT(*) FROM enterprise").query(Long.class).single();
    }

    static Enterprise map(ResultSet rs, int row) throws SQLException {
        String size = rs.getString("size");
        int workers = rs.getInt("worker_count");
        Integer workerCount = rs.wasNull() ? null : workers;
        Date established = rs.getDate("union_established_on");
        long union = rs.getLong("union_organization_id");
        Long unionId = rs.wasNull() ? null : union;
        return new Enterprise(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("credit_code"),
                Industry.valueOf(rs.getString("industry")),
                size == null ? null : EnterpriseSize.valueOf(size),
                rs.getString("district_code"),
                rs.getBoolean("platform"),
                rs.getBoolean("head"),
                rs.getBoolean("backbone"),
                workerCount,
                UnionStatus.valueOf(rs.getString("union_status")),
                established == null ? null : established.toLocalDate(),
                unionId,
                rs.getString("responsible_username"),
                rs.getString("notes"),
                rs.getLong("organization_id"),
                rs.getString("organization_name"),
                rs.getBoolean("demo"),
                rs.getInt("version"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
