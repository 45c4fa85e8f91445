package org.nuanxin.organization;

import java.util.Optional;

/**
 * Reads of the organisation tree for other modules. These reads are not scoped: callers decide with
 * identity's {@code DataScope} what the current user may see.
 */
public interface Organizations {

    /** @return the organisation with this id, or empty */
    Optional<Organization> find(long id);

    /**
     * The active territorial organisation of an administrative division: the district or county
     * federation for a 6-digit code, the township or subdistrict union for a 9-digit code.
     *
     * @param divisionCode a 6- or 9-digit division code, e.g. {@code 500103}
     * @return the organisation, or empty when there is none (an unknown code)
     */
    Optional<Organization> territorial(String divisionCode);
}
