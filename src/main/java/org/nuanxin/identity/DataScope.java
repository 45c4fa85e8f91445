package org.nuanxin.identity;

import java.util.List;
import org.nuanxin.kernel.RowScope;
import org.nuanxin.kernel.SqlCondition;

/**
 * The part of the organisation tree one staff member may see and act on: their organisation and
 * everything under it (a district federation never sees another district's records). Every module asks
 * it, through {@link DataScopes}, both for single records ({@link #includes}) and for lists, which
 * filter in SQL with {@link #on} and never after loading. Parameters a client sends can narrow
 * a list further but never widen it beyond this scope.
 */
public final class DataScope implements RowScope {

    private final long rootId;
    private final boolean wholeCity;
    private final OrganizationTree tree;

    DataScope(long rootId, boolean wholeCity, OrganizationTree tree) {
        this.rootId = rootId;
        this.wholeCity = wholeCity;
        this.tree = tree;
    }

    /** @return the id of the organisation at the top of this scope */
    public long rootId() {
        return rootId;
    }

    /** @return whether this scope is the whole tree (the city) */
    public boolean wholeCity() {
        return wholeCity;
    }

    /** @return whether records of {@code organizationId} lie in this scope */
    public boolean includes(long organizationId) {
        return wholeCity ? tree.find(organizationId).isPresent() : tree.contains(rootId, organizationId);
    }

    /**
     * The SQL condition that keeps rows whose {@code column} (an organisation id) lies in this scope:
     * {@code 1 = 1} for the whole city, a subtree lookup otherwise.
     *
     * @param column a column of organisation ids, e.g. {@code s.organization_id}
     */
    @Override
    public SqlCondition on(String column) {
        if (wholeCity) {
            return SqlCondition.ALWAYS;
        }
        return new SqlCondition(tree.subtreeCondition(column), List.of(rootId));
    }

    /**
     * The narrower of this scope and the subtree of {@code organizationId} (a list filter a client
     * chose): that subtree when it lies in this scope, else this scope unchanged. A filter can narrow
     * the scope, never widen it.
     */
    public DataScope narrowTo(long organizationId) {
        if (organizationId == rootId || !includes(organizationId)) {
            return this;
        }
        return new DataScope(organizationId, false, tree);
    }

    @Override
    public String toString() {
        return wholeCity ? "DataScope[city]" : "DataScope[" + rootId + "]";
    }
}
