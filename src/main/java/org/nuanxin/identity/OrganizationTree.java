package org.nuanxin.identity;

import java.util.List;
import java.util.Optional;

/**
 * The union organisation tree as the data scope needs it. Implemented by the {@code organization}
 * module, which owns the tree (the dependency points from there to here, so identity never depends on
 * it). Every method reads committed data; none is cached across transactions.
 */
public interface OrganizationTree {

    /** An organisation as identity shows it: id, name and whether it is still active. */
    record Node(long id, String name, boolean active) {}

    /** @return the id of the root (the municipal federation, 重庆市总工会) */
    long rootId();

    /** @return whether {@code organizationId} is {@code ancestorId} or lies under it */
    boolean contains(long ancestorId, long organizationId);

    /** @return the organisation, or empty when there is no such id */
    Optional<Node> find(long id);

    /** @return the active organisations directly under {@code id}, by name; at most {@code limit} */
    List<Node> children(long id, int limit);

    /**
     * An SQL condition, for any table, that holds when {@code column} (an organisation id) is the
     * subtree's root or lies under it; it has one positional parameter, which the caller binds to the
     * root's id. Plain SQL that runs on H2 (PostgreSQL mode) and PostgreSQL and uses an index.
     *
     * @param column a column holding organisation ids, e.g. {@code s.organization_id}
     * @throws IllegalArgumentException when {@code column} is not a plain (qualified) SQL name
     */
    String subtreeCondition(String column);
}
