package org.nuanxin.membership.internal;

import java.util.ArrayList;
import java.util.List;
import org.nuanxin.identity.DataScope;
import org.nuanxin.organization.Organization;
import org.nuanxin.organization.Organizations;
import org.springframework.data.domain.PageRequest;

/** The unions a console form offers as choices within a staff member's data scope. */
public final class ScopeUnions {

    private ScopeUnions() {}

    /**
     * @return the organisation at the top of the scope, then the active ones directly under it (for the city, its 38
     *     district federations; for a district federation, its townships), at most {@link Organizations#MAX_PAGE_SIZE}
     */
    public static List<Organization> topAndChildren(Organizations organizations, DataScope scope) {
        List<Organization> unions = new ArrayList<>();
        organizations.find(scope.rootId(), scope).ifPresent(unions::add);
        unions.addAll(
                organizations
                        .children(scope.rootId(), scope, PageRequest.of(0, Organizations.MAX_PAGE_SIZE))
                        .getContent()
                        .stream()
                        .filter(Organization::active)
                        .toList());
        return unions;
    }
}
