package org.nuanxin.organization.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test helper: recomputes the closure table from {@code organization.parent_id} (the truth) and compares it with
 * {@code organization_closure} (the index), row by row.
 */
final class ClosureCheck {

    private ClosureCheck() {}

    /** One closure row as text, {@code ancestor>descendant@depth}, so that differences read well. */
    static String row(long ancestor, long descendant, int depth) {
        return ancestor + ">" + descendant + "@" + depth;
    }

    /** @return the rows the parent links imply: each organisation with itself (depth 0) and each of its ancestors */
    static Set<String> recomputed(JdbcClient jdbc) {
        Map<Long, Long> parents = new HashMap<>();
        jdbc.sql("SELECT id, parent_id FROM organization").query(rs -> {
            long id = rs.getLong("id");
            long parent = rs.getLong("parent_id");
            parents.put(id, rs.wasNull() ? null : parent);
        });
        Set<String> rows = new HashSet<>();
        for (long id : parents.keySet()) {
            Long ancestor = id;
            int depth = 0;
            while (ancestor != null) {
                rows.add(row(ancestor, id, depth++));
                if (depth > parents.size()) {
                    throw new AssertionError("parent links of " + id + " form a cycle");
                }
                ancestor = parents.get(ancestor);
            }
        }
        return rows;
    }

    /** @return the rows of {@code organization_closure} */
    static Set<String> stored(JdbcClient jdbc) {
        Set<String> rows = new HashSet<>();
        jdbc.sql("SELECT ancestor_id, descendant_id, depth FROM organization_closure")
                .query(rs -> {
                    rows.add(row(rs.getLong("ancestor_id"), rs.getLong("descendant_id"), rs.getInt("depth")));
                });
        return rows;
    }
}
