package org.nuanxin.organization.internal.enterprise;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.nuanxin.identity.DataScope;
import org.nuanxin.kernel.SqlCondition;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code campaign} and {@code campaign_target}. A viewer sees a campaign run by an
 * organisation of their scope, or one that targets an enterprise of their scope; its progress counts only
 * the targets in their scope. All filtered in SQL.
 */
@Repository
class CampaignRepository {

    private final JdbcClient jdbc;

    CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The SELECT of campaigns with their progress in {@code scope}; its parameters are added to {@code params}. */
    private static String select(DataScope scope, List<Object> params) {
        SqlCondition targetInScope = scope.on("e.organization_id");
        SqlCondition ownerInScope = scope.on("c.organization_id");
        params.addAll(targetInScope.parameters());
        params.addAll(targetInScope.parameters());
        params.addAll(ownerInScope.parameters());
        params.addAll(targetInScope.parameters());
        String targets =
                "FROM campaign_target t JOIN enterprise e ON e.id = t.enterprise_id WHERE t.campaign_id = c.id AND "
                        + targetInScope.sql();
        return "SELECT c.id, c.name, c.starts_on, c.deadline, c.organization_id, o.name AS organization_name, c.notes,"
                + " c.demo, c.version,"
                + " (SELECT COUNT(*) " + targets + ") AS targets,"
                + " (SELECT COUNT(*) " + targets + " AND e.union_status = 'ESTABLISHED') AS established"
                + " FROM campaign c JOIN organization o ON o.id = c.organization_id"
                + " WHERE (" + ownerInScope.sql() + " OR EXISTS (SELECT 1 " + targets + "))";
    }

    /** The campaigns visible in {@code scope}, latest deadline first. */
    Page<Campaign> list(DataScope scope, Pageable pageable) {
        List<Object> params = new ArrayList<>();
        String sql = select(scope, params);
        long total = jdbc.sql("SELECT COUNT(*) FROM (" + sql + ") x")
                .params(params)
                .query(Long.class)
                .single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(pageable.getPageSize());
        paged.add(pageable.getOffset());
        List<Campaign> rows = jdbc.sql(sql + " ORDER BY c.deadline DESC, c.id DESC LIMIT ? OFFSET ?")
                .params(paged)
                .query(CampaignRepository::map)
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** @return the campaign when visible in {@code scope} */
    Optional<Campaign> find(DataScope scope, long id) {
        List<Object> params = new ArrayList<>();
        String sql = select(scope, params);
        params.add(id);
        return jdbc.sql(sql + " AND c.id = ?")
                .params(params)
                .query(CampaignRepository::map)
                .optional();
    }

    /**
     * The targets of a campaign in {@code scope}, with a filter.
     *
     * @param status  a union status, or null for any
     * @param overdue only targets without a union (the caller passes it only after the deadline)
     * @param text    part of the name or credit code, or null
     */
    Page<Enterprise> targets(
            DataScope scope,
            long campaignId,
            @Nullable UnionStatus status,
            boolean overdue,
            @Nullable String text,
            Pageable pageable) {
        SqlCondition inScope = scope.on("e.organization_id");
        StringBuilder where = new StringBuilder(
                " WHERE e.id IN (SELECT t.enterprise_id FROM campaign_target t WHERE t.campaign_id = ?) AND ");
        List<Object> params = new ArrayList<>();
        params.add(campaignId);
        where.append(inScope.sql());
        params.addAll(inScope.parameters());
        if (status != null) {
            where.append(" AND e.union_status = ?");
            params.add(status.name());
        }
        if (overdue) {
            where.append(" AND e.union_status <> 'ESTABLISHED'");
        }
        if (text != null) {
            where.append(" AND (LOWER(e.name) LIKE ? OR e.credit_code LIKE ?)");
            params.add("%" + EnterpriseRepository.escape(text.toLowerCase(java.util.Locale.ROOT)) + "%");
            params.add("%" + EnterpriseRepository.escape(text.toUpperCase(java.util.Locale.ROOT)) + "%");
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM enterprise e" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(pageable.getPageSize());
        paged.add(pageable.getOffset());
        List<Enterprise> rows = jdbc.sql("""
                SELECT e.id, e.name, e.credit_code, e.industry, e.size, e.district_code, e.platform, e.head, e.backbone,
                       e.worker_count, e.union_status, e.union_established_on, e.union_organization_id,
                       e.responsible_username, e.notes, e.organization_id, o.name AS organization_name, e.demo,
                       e.version, e.updated_at
                  FROM enterprise e JOIN organization o ON o.id = e.organization_id""" + where
                        + " ORDER BY CASE e.union_status WHEN 'ESTABLISHED' THEN 2 WHEN 'PREPARING' THEN 1 ELSE 0 END,"
                        + " e.name, e.id LIMIT ? OFFSET ?")
                .params(paged)
                .query(EnterpriseRepository::map)
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** @return the new campaign's id */
    long insert(
            String name,
            LocalDate startsOn,
            LocalDate deadline,
            long organizationId,
            @Nullable String notes,
            boolean demo,
            Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO campaign (name, starts_on, deadline, organization_id, notes, demo, version, created_at, updated_at)
                VALUES (:name, :starts, :deadline, :organization, :notes, :demo, 0, :now, :now)""")
                .param("name", name)
                .param("starts", startsOn)
                .param("deadline", deadline)
                .param("organization", organizationId)
                .param("notes", notes)
                .param("demo", demo)
                .param("now", at)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** @return whether the campaign had {@code version} and was updated */
    boolean update(
            long id,
            int version,
            String name,
            LocalDate startsOn,
            LocalDate deadline,
            @Nullable String notes,
            Instant now) {
        return jdbc.sql("""
                UPDATE campaign SET name = :name, starts_on = :starts, deadline = :deadline, notes = :notes,
                       version = version + 1, updated_at = :now
                 WHERE id = :id AND version = :version""")
                        .param("name", name)
                        .param("starts", startsOn)
                        .param("deadline", deadline)
                        .param("notes", notes)
                        .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    /** @return whether the target was added (false: it was one already) */
    boolean addTarget(long campaignId, long enterpriseId, Instant now) {
        return jdbc.sql("""
                INSERT INTO campaign_target (campaign_id, enterprise_id, added_at)
                SELECT ?, ?, ? WHERE NOT EXISTS
                  (SELECT 1 FROM campaign_target WHERE campaign_id = ? AND enterprise_id = ?)""")
                        .params(
                                campaignId,
                                enterpriseId,
                                OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                                campaignId,
                                enterpriseId)
                        .update()
                == 1;
    }

    /** @return whether a target was removed */
    boolean removeTarget(long campaignId, long enterpriseId) {
        return jdbc.sql("DELETE FROM campaign_target WHERE campaign_id = ? AND enterprise_id = ?")
                        .params(campaignId, enterpriseId)
                        .update()
                == 1;
    }

    long countAll() {
        return jdbc.sql("SELECT COUNT(*) FROM campaign").query(Long.class).single();
    }

    private static Campaign map(ResultSet rs, int row) throws SQLException {
        return new Campaign(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getDate("starts_on").toLocalDate(),
                rs.getDate("deadline").toLocalDate(),
                rs.getLong("organization_id"),
                rs.getString("organization_name"),
                rs.getString("notes"),
                rs.getBoolean("demo"),
                rs.getInt("version"),
                rs.getLong("targets"),
                rs.getLong("established"));
    }
}
