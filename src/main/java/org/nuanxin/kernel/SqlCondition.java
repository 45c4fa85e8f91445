package org.nuanxin.kernel;

import java.util.List;

/**
 * A condition for an SQL WHERE clause, joined to others with AND, with the values of its positional
 * ({@code ?}) parameters in order. Its text comes from code, never from a client; values are always
 * parameters.
 *
 * @param sql        the condition, e.g. {@code s.organization_id IN (SELECT ... WHERE ancestor_id = ?)}
 * @param parameters the values of its {@code ?} parameters, in order
 */
public record SqlCondition(String sql, List<Object> parameters) {

    /** The condition that keeps every row. */
    public static final SqlCondition ALWAYS = new SqlCondition("1 = 1", List.of());

    public SqlCondition {
        parameters = List.copyOf(parameters);
    }

    /**
     * The same condition with named parameters {@code :prefix0}, {@code :prefix1}, ..., for code that
     * binds by name. The condition's text has no {@code ?} other than its parameters (it comes from code).
     *
     * @return the rewritten condition and the values by name, in a map that keeps their order
     */
    public Named named(String prefix) {
        StringBuilder sql = new StringBuilder();
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
        int n = 0;
        for (char c : this.sql.toCharArray()) {
            if (c == '?') {
                String name = prefix + n;
                sql.append(':').append(name);
                values.put(name, parameters.get(n++));
            } else {
                sql.append(c);
            }
        }
        if (n != parameters.size()) {
            throw new IllegalStateException(
                    "condition has " + n + " placeholders for " + parameters.size() + " values");
        }
        return new Named(sql.toString(), values);
    }

    /** A condition with named parameters, see {@link #named}. */
    public record Named(String sql, java.util.Map<String, Object> parameters) {}
}
