package org.nuanxin.station.internal;

import java.util.Optional;
import org.nuanxin.identity.DataScope;
import org.nuanxin.identity.OrganizationTree;
import org.nuanxin.organization.Organization;
import org.nuanxin.organization.Organizations;
import org.springframework.stereotype.Component;

/**
 * Decides which union organisation owns a station of a district: the district or county federation of
 * the district (the territorial owner), or — when the person keeping the roster works for an
 * organisation under that federation, e.g. a township union — their own organisation, so that the
 * station stays in their data scope. A district that is neither in nor above the user's scope has no
 * owner for them: they may not keep stations there.
 */
@Component
class StationOwnership {

    /** Who would own a station of a district, for one person or job. */
    @FunctionalInterface
    interface Owner {
        /** @return the owning organisation's id, or empty when the district is outside the scope */
        Optional<Long> of(String districtCode);
    }

    private final Organizations organizations;
    private final OrganizationTree tree;

    StationOwnership(Organizations organizations, OrganizationTree tree) {
        this.organizations = organizations;
        this.tree = tree;
    }

    /** The territorial owner, whoever asks: for demo data and other work of the system itself. */
    Owner territorial() {
        return district -> organizations.territorial(district).map(Organization::id);
    }

    /** The owner for a user of this data scope. */
    Owner within(DataScope scope) {
        return district -> organizations
                .territorial(district)
                .map(Organization::id)
                .flatMap(federation -> {
                    if (scope.includes(federation)) {
                        return Optional.of(federation);
                    }
                    if (tree.contains(federation, scope.rootId())) {
                        return Optional.of(scope.rootId());
                    }
                    return Optional.empty();
                });
    }
}
