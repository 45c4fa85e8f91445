package org.nuanxin.organization;

import org.jspecify.annotations.Nullable;

/**
 * Published in the transaction that creates, edits, moves or dissolves an organisation, and delivered through the
 * outbox (Spring Modulith's JDBC event publication registry) after commit; see {@code StationsChanged} for the
 * pattern. Listeners reload what they need by id and tolerate a repeat.
 *
 * @param organizationId the organisation changed
 * @param change         what happened
 * @param parentId       its parent after the change (null only for the root)
 * @param formerParentId its parent before a {@link Change#MOVED}; null for other changes
 */
public record OrganizationChanged(
        long organizationId,
        Change change,
        @Nullable Long parentId,
        @Nullable Long formerParentId) {

    /** What happened to the organisation. */
    public enum Change {
        CREATED,
        UPDATED,
        /** Moved under another parent with its whole subtree (the data scopes of the subtree changed). */
        MOVED,
        DISSOLVED
    }
}
