package org.nuanxin.organization.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.nuanxin.identity.DataScope;
import org.nuanxin.kernel.SqlCondition;
import org.nuanxin.organization.Organization;
import org.nuanxin.organization.OrganizationKind;
import org.nuanxin.organization.Organizations;
import org.nuanxin.organization.UnifiedSocialCreditCode;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and writes {@code organization} and its closure table with plain SQL that runs on H2 (PostgreSQL mode) and
 * PostgreSQL. Scoped lists bind the data scope's condition ({@link DataScope#on}) with positional parameters, so
 * every scoped statement here is written with {@code ?} parameters only.
 */
@Repository
class OrganizationRepository implements Organizations {

    static final String COLUMNS = """
            o.id, o.name, o.kind, o.parent_id, o.division_code, o.credit_code, o.established_on, o.status,
            o.contact_name, o.contact_phone, o.version""";

    /** Active first, then by division code (none last), name and id: the order of every list of the tree. */
    private static final String ORDER = """
             ORDER BY CASE WHEN o.status = 'ACTIVE' THEN 0 ELSE 1 END, o.division_code NULLS LAST, o.name, o.id""";

    private final JdbcClient jdbc;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Organization> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization o WHERE o.id = :id")
                .param("id", id)
                .query(OrganizationRepository::map)
                .optional();
    }

    @Override
    public Optional<Organization> find(long id, DataScope scope) {
        SqlCondition in = scope.on("o.id");
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(in.parameters());
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization o WHERE o.id = ? AND " + in.sql())
                .params(params)
                .query(OrganizationRepository::map)
                .optional();
    }

    @Override
    public Optional<Organization> territorial(String divisionCode) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM organization o
                WHERE o.division_code = :code AND o.status = 'ACTIVE'
                  AND o.kind IN ('MUNICIPAL_FEDERATION', 'DISTRICT_FEDERATION', 'TOWNSHIP_UNION')""")
                .param("code", divisionCode)
                .query(OrganizationRepository::map)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Organization> children(long parentId, DataScope scope, Pageable pageable) {
        return page("o.parent_id = ?", List.of(parentId), scope, pageable, ORDER);
    }

    @Override
    public List<Organization> ancestors(long id, DataScope scope) {
        SqlCondition in = scope.on("o.id");
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(in.parameters());
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM organization_closure c JOIN organization o ON o.id = c.ancestor_id
                WHERE c.descendant_id = ? AND """ + " " + in.sql() + " ORDER BY c.depth DESC")
                .params(params)
                .query(OrganizationRepository::map)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Organization> search(String q, DataScope scope, Pageable pageable) {
        Match match = Match.of(q);
        return page(match.sql("o"), match.params(), scope, pageable, BY_DEPTH);
    }

    /** Shallow matches first (a district before its townships), then the usual order. */
    private static final String BY_DEPTH = """
             ORDER BY CASE WHEN o.status = 'ACTIVE' THEN 0 ELSE 1 END,
                      (SELECT COUNT(*) FROM organization_closure d WHERE d.descendant_id = o.id),
                      o.division_code NULLS LAST, o.name, o.id""";

    /**
     * What {@code q} matches: a name containing it, a division code starting with it, or the credit code it is
     * (normalised).
     */
    record Match(String sql, List<Object> params) {

        static Match of(String q) {
            String text = Objects.requireNonNull(q, "q").strip();
            if (text.isEmpty()) {
                throw new IllegalArgumentException("a search needs a text");
            }
            String like = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            return new Match(
                    "(LOWER(o.name) LIKE LOWER(?) OR o.division_code LIKE ? OR o.credit_code = ?)",
                    List.of("%" + like + "%", like + "%", UnifiedSocialCreditCode.normalise(text)));
        }

        String sql(String alias) {
            return sql.replace("o.", alias + ".");
        }
    }

    private Page<Organization> page(
            String condition, List<Object> conditionParams, DataScope scope, Pageable pageable, String order) {
        if (pageable.getPageSize() > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be at most " + MAX_PAGE_SIZE);
        }
        SqlCondition in = scope.on("o.id");
        List<Object> params = new ArrayList<>(conditionParams);
        params.addAll(in.parameters());
        String where = " FROM organization o WHERE " + condition + " AND " + in.sql();
        long total = jdbc.sql("SELECT COUNT(*)" + where)
                .params(params)
                .query(Long.class)
                .single();
        if (total == 0) {
            return Page.empty(pageable);
        }
        params.add(pageable.getPageSize());
        params.add(pageable.getOffset());
        List<Organization> content = jdbc.sql("SELECT " + COLUMNS + where + " " + order + " LIMIT ? OFFSET ?")
                .params(params)
                .query(OrganizationRepository::map)
                .list();
        return new PageImpl<>(content, pageable, total);
    }

    @Override
    public long countActiveChildren(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM organization WHERE parent_id = :id AND status = 'ACTIVE'")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    @Override
    public Map<Long, Long> countActiveChildren(Collection<Long> ids) {
        Map<Long, Long> counts = new HashMap<>();
        ids.forEach(id -> counts.put(id, 0L));
        if (ids.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                SELECT parent_id, COUNT(*) AS n FROM organization
                 WHERE parent_id IN (:ids) AND status = 'ACTIVE' GROUP BY parent_id""")
                .param("ids", List.copyOf(ids))
                .query((rs, n) -> Map.entry(rs.getLong("parent_id"), rs.getLong("n")))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    // ---- for the service and the console (this module only) ----

    /**
     * Candidates for the new parent of {@code nodeId}: active organisations of the scope outside the node's own
     * subtree (a move there would make a cycle) that match {@code q}; when {@code q} is blank, the node's siblings
     * and its parent's siblings (the usual moves: to another township, to another district). At most {@code limit}.
     */
    List<Organization> moveCandidates(long nodeId, @Nullable String q, DataScope scope, int limit) {
        List<Object> params = new ArrayList<>();
        String condition;
        if (q == null || q.isBlank()) {
            condition = """
                    o.parent_id IN (SELECT c.ancestor_id FROM organization_closure c
                                     WHERE c.descendant_id = ? AND c.depth IN (1, 2))""";
            params.add(nodeId);
        } else {
            Match match = Match.of(q);
            condition = match.sql("o");
            params.addAll(match.params());
        }
        SqlCondition in = scope.on("o.id");
        params.add(nodeId);
        params.addAll(in.parameters());
        params.add(limit);
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization o WHERE " + condition + " " + """
                 AND o.status = 'ACTIVE'
                 AND o.id NOT IN (SELECT s.descendant_id FROM organization_closure s WHERE s.ancestor_id = ?)
                 AND """ + " " + in.sql()
                        + " " + BY_DEPTH + " LIMIT ?")
                .params(params)
                .query(OrganizationRepository::map)
                .list();
    }

    /** @return whether {@code id} is {@code ancestorId} or lies under it */
    boolean inSubtree(long ancestorId, long id) {
        return jdbc.sql("SELECT COUNT(*) FROM organization_closure WHERE ancestor_id = :a AND descendant_id = :d")
                        .param("a", ancestorId)
                        .param("d", id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** @return how many organisations the subtree of {@code id} holds, itself included */
    long subtreeSize(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM organization_closure WHERE ancestor_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    /**
     * Serialises the changes of the tree's shape (create, move, dissolve) by locking the root's row until the
     * transaction ends: two moves running at once could otherwise each pass the cycle check and together make a
     * cycle, and a child created under a node being moved could copy stale closure rows. Such changes are rare.
     */
    void lockTree() {
        jdbc.sql("SELECT id FROM organization WHERE parent_id IS NULL FOR UPDATE")
                .query(Long.class)
                .list();
    }

    /** @return the other active territorial organisation with this division code, if any */
    Optional<Long> territorialWithCode(String divisionCode, long exceptId) {
        return jdbc.sql("""
                SELECT id FROM organization WHERE division_code = :code AND status = 'ACTIVE' AND id <> :id
                   AND kind IN ('MUNICIPAL_FEDERATION', 'DISTRICT_FEDERATION', 'TOWNSHIP_UNION')""")
                .param("code", divisionCode)
                .param("id", exceptId)
                .query(Long.class)
                .optional();
    }

    /** @return whether another organisation (active or not: the code is unique) has this credit code */
    boolean creditCodeTaken(String creditCode, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM organization WHERE credit_code = :code AND id <> :id")
                        .param("code", creditCode)
                        .param("id", exceptId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** @return whether an active child of {@code parentId} other than {@code exceptId} has this name */
    boolean siblingNamed(long parentId, String name, long exceptId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM organization
                 WHERE parent_id = :parent AND name = :name AND status = 'ACTIVE' AND id <> :id""")
                        .param("parent", parentId)
                        .param("name", name)
                        .param("id", exceptId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The fields a create or an edit writes. */
    record Fields(
            String name,
            OrganizationKind kind,
            @Nullable String divisionCode,
            @Nullable String creditCode,
            @Nullable LocalDate establishedOn,
            @Nullable String contactName,
            @Nullable String contactPhone) {}

    /** Inserts an organisation under {@code parentId} with its closure rows (itself at depth 0, each ancestor). */
    long insert(long parentId, Fields f, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO organization (name, kind, parent_id, division_code, credit_code, established_on,
                                          contact_name, contact_phone, created_at, updated_at)
                VALUES (:name, :kind, :parent, :division, :credit, :established, :contactName, :contactPhone,
                        :now, :now)""")
                .param("name", f.name())
                .param("kind", f.kind().name())
                .param("parent", parentId)
                .param("division", f.divisionCode())
                .param("credit", f.creditCode())
                .param("established", f.establishedOn())
                .param("contactName", f.contactName())
                .param("contactPhone", f.contactPhone())
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update(key, "id");
        long id = Objects.requireNonNull(key.getKeyAs(Number.class)).longValue();
        jdbc.sql("""
                INSERT INTO organization_closure (ancestor_id, descendant_id, depth)
                SELECT ancestor_id, :id, depth + 1 FROM organization_closure WHERE descendant_id = :parent""").param("id", id).param("parent", parentId).update();
        jdbc.sql("INSERT INTO organization_closure (ancestor_id, descendant_id, depth) VALUES (:id, :id, 0)")
                .param("id", id)
                .update();
        return id;
    }

    /** @return whether the row was at {@code expectedVersion} and is now updated (version + 1) */
    boolean update(long id, int expectedVersion, Fields f, Instant now) {
        return jdbc.sql("""
                        UPDATE organization SET name = :name, kind = :kind, division_code = :division,
                               credit_code = :credit, established_on = :established, contact_name = :contactName,
                               contact_phone = :contactPhone, updated_at = :now, version = version + 1
                         WHERE id = :id AND version = :version AND status = 'ACTIVE'""")
                        .param("name", f.name())
                        .param("kind", f.kind().name())
                        .param("division", f.divisionCode())
                        .param("credit", f.creditCode())
                        .param("established", f.establishedOn())
                        .param("contactName", f.contactName())
                        .param("contactPhone", f.contactPhone())
                        .param("now", now.atOffset(ZoneOffset.UTC))
                        .param("id", id)
                        .param("version", expectedVersion)
                        .update()
                == 1;
    }

    /**
     * Moves {@code id} with its subtree under {@code newParentId}: the parent link (at {@code expectedVersion}), then
     * the closure rows: those linking the subtree to its old ancestors are deleted and the cross product of the new
     * parent's ancestors (itself included) with the subtree is inserted. The caller has refused a cycle and holds
     * {@link #lockTree()}.
     *
     * @return whether the row was at {@code expectedVersion} (nothing is changed otherwise)
     */
    boolean move(long id, int expectedVersion, long newParentId, Instant now) {
        int updated = jdbc.sql("""
                UPDATE organization SET parent_id = :parent, updated_at = :now, version = version + 1
                 WHERE id = :id AND version = :version AND status = 'ACTIVE'""")
                .param("parent", newParentId)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("id", id)
                .param("version", expectedVersion)
                .update();
        if (updated != 1) {
            return false;
        }
        jdbc.sql("""
                DELETE FROM organization_closure
                 WHERE descendant_id IN (SELECT s.descendant_id FROM organization_closure s WHERE s.ancestor_id = :id)
                   AND ancestor_id NOT IN (SELECT s.descendant_id FROM organization_closure s WHERE s.ancestor_id = :id)""").param("id", id).update();
        jdbc.sql("""
                INSERT INTO organization_closure (ancestor_id, descendant_id, depth)
                SELECT a.ancestor_id, s.descendant_id, a.depth + s.depth + 1
                  FROM organization_closure a CROSS JOIN organization_closure s
                 WHERE a.descendant_id = :parent AND s.ancestor_id = :id""").param("parent", newParentId).param("id", id).update();
        return true;
    }

    /** @return whether the row was active at {@code expectedVersion} and is now dissolved */
    boolean dissolve(long id, int expectedVersion, Instant now) {
        return jdbc.sql("""
                        UPDATE organization SET status = 'DISSOLVED', updated_at = :now, version = version + 1
                         WHERE id = :id AND version = :version AND status = 'ACTIVE'""")
                        .param("now", now.atOffset(ZoneOffset.UTC))
                        .param("id", id)
                        .param("version", expectedVersion)
                        .update()
                == 1;
    }

    static Organization map(ResultSet rs, int row) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        Date established = rs.getDate("established_on");
        return new Organization(
                rs.getLong("id"),
                rs.getString("name"),
                OrganizationKind.valueOf(rs.getString("kind")),
                parentId,
                rs.getString("division_code"),
                rs.getString("credit_code"),
                established == null ? null : established.toLocalDate(),
                "ACTIVE".equals(rs.getString("status")),
                rs.getString("contact_name"),
                rs.getString("contact_phone"),
                rs.getInt("version"));
    }
}
