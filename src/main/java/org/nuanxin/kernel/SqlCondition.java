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
}
