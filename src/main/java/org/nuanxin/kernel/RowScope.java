package org.nuanxin.kernel;

/**
 * Which rows of a table a user may see, as an SQL condition on the table's organisation column; lets a
 * module that knows nothing of users or organisations (the audit log) filter by the data scope that
 * identity computes.
 */
@FunctionalInterface
public interface RowScope {

    /** Every row. */
    RowScope ALL = column -> SqlCondition.ALWAYS;

    /** @return the condition that keeps the rows whose {@code column} (organisation ids) lies in scope */
    SqlCondition on(String column);
}
