package org.nuanxin.organization.internal.enterprise;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.nuanxin.identity.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Enterprise unions in the organisation tree, for the registry: creates the union of an enterprise that
 * establishes one (a node of kind ENTERPRISE_UNION and its closure rows, in the caller's transaction) and
 * lists where it may be placed. The tree's general editing (moves, dissolving) belongs to the tree console.
 */
@Component
class EnterpriseUnionNodes {

    /** The suffix of an enterprise union's name: 某某有限公司 → 某某有限公司工会委员会. */
    static final String SUFFIX = "工会委员会";

    /**
     * An organisation a new enterprise union may be placed under.
     *
     * @param id   the organisation's id
     * @param name its name
     */
    record Parent(long id, String name) {}

    private final JdbcClient jdbc;

    EnterpriseUnionNodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the enterprise union of {@code enterpriseName} under {@code parentId}, with its closure rows
     * (every ancestor of the parent, and itself at depth 0), in the current transaction.
     *
     * @return the new organisation's id
     */
    long create(String enterpriseName, long parentId, LocalDate establishedOn, Instant now) {
        String base = enterpriseName.length() > 100 - SUFFIX.length()
                ? enterpriseName.substring(0, 100 - SUFFIX.length())
                : enterpriseName;
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO organization (name, kind, parent_id, established_on, status, version, created_at, updated_at)
                VALUES (:name, 'ENTERPRISE_UNION', :parent, :established, 'ACTIVE', 0, :now, :now)""")
                .param("name", base + SUFFIX)
                .param("parent", parentId)
                .param("established", establishedOn)
                .param("now", at)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        jdbc.sql("""
                INSERT INTO organization_closure (ancestor_id, descendant_id, depth)
                SELECT c.ancestor_id, :id, c.depth + 1 FROM organization_closure c WHERE c.descendant_id = :parent""").param("id", id).param("parent", parentId).update();
        jdbc.sql("INSERT INTO organization_closure (ancestor_id, descendant_id, depth) VALUES (:id, :id, 0)")
                .param("id", id)
                .update();
        return id;
    }

    /**
     * Where a new enterprise union of an enterprise owned by {@code ownerId} may go: the owner and the active
     * organisations directly under it that are not enterprise unions, all within {@code scope}.
     */
    List<Parent> parents(long ownerId, DataScope scope) {
        var inScope = scope.on("o.id");
        List<Object> params = new java.util.ArrayList<>();
        params.add(ownerId);
        params.add(ownerId);
        params.addAll(inScope.parameters());
        params.add(ownerId);
        return jdbc.sql("""
                SELECT o.id, o.name FROM organization o
                 WHERE (o.id = ? OR o.parent_id = ?) AND o.status = 'ACTIVE' AND o.kind <> 'ENTERPRISE_UNION'
                   AND """ + " " + inScope.sql()
                        + " ORDER BY CASE WHEN o.id = ? THEN 0 ELSE 1 END, o.division_code, o.name")
                .params(params)
                .query((rs, n) -> new Parent(rs.getLong("id"), rs.getString("name")))
                .list();
    }

    /** @return whether {@code id} is an active enterprise union */
    boolean isActiveEnterpriseUnion(long id) {
        return jdbc.sql(
                                "SELECT COUNT(*) FROM organization WHERE id = ? AND kind = 'ENTERPRISE_UNION' AND status = 'ACTIVE'")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** @return whether {@code id} is an active organisation that may hold an enterprise union */
    boolean isActiveParent(long id) {
        return jdbc.sql(
                                "SELECT COUNT(*) FROM organization WHERE id = ? AND kind <> 'ENTERPRISE_UNION' AND status = 'ACTIVE'")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
