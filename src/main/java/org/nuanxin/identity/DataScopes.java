package org.nuanxin.identity;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one component every module asks "which organisations may this user see?" and "may this user act
 * on records of this organisation?". A staff member's scope is the subtree of the organisation their
 * account belongs to; the root's staff (the municipal federation) see the whole city.
 */
@Component
public class DataScopes {

    private final OrganizationTree tree;

    DataScopes(OrganizationTree tree) {
        this.tree = tree;
    }

    /**
     * The scope of the signed-in user.
     *
     * @throws AccessDeniedException when nobody is signed in
     */
    public DataScope current() {
        return of(CurrentUser.get()).orElseThrow(() -> new AccessDeniedException("no data scope"));
    }

    /** @return the scope of {@code user}, empty for anonymous (who has none) */
    public Optional<DataScope> of(Optional<CurrentUser> user) {
        return user.map(this::of);
    }

    /** @return the scope of {@code user}: the subtree of their organisation (the root for mock users) */
    public DataScope of(CurrentUser user) {
        long root = tree.rootId();
        return of(user.organizationId() == null ? root : user.organizationId());
    }

    /**
     * The scope of a staff member of {@code organizationId}, for work that runs off the request thread
     * on behalf of a user (an import's check and write) and kept the organisation of that user's scope.
     */
    public DataScope of(long organizationId) {
        return new DataScope(organizationId, organizationId == tree.rootId(), tree);
    }

    /** @return the organisation tree the scopes are cut from */
    public OrganizationTree tree() {
        return tree;
    }
}
