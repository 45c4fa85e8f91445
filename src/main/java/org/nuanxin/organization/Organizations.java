package org.nuanxin.organization;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nuanxin.identity.DataScope;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * Reads of the organisation tree for other modules. {@link #find} and {@link #territorial} are not scoped (callers
 * decide with identity's {@code DataScope} what the current user may see); every list takes the {@link DataScope}
 * of its reader and filters by it in SQL ({@code scope.on("o.id")}), so a page never holds, and a count never
 * counts, an organisation outside the scope. Lists hold dissolved organisations too (kept for history), after the
 * active ones.
 */
public interface Organizations {

    /** The largest page the lists serve. */
    int MAX_PAGE_SIZE = 200;

    /** @return the organisation with this id, or empty */
    Optional<Organization> find(long id);

    /** @return the organisation with this id when it lies in {@code scope}, else empty (as if there were none) */
    Optional<Organization> find(long id, DataScope scope);

    /**
     * The active territorial organisation of an administrative division: the district or county
     * federation for a 6-digit code, the township or subdistrict union for a 9-digit code.
     *
     * @param divisionCode a 6- or 9-digit division code, e.g. {@code 500103}
     * @return the organisation, or empty when there is none (an unknown code)
     */
    Optional<Organization> territorial(String divisionCode);

    /**
     * The children of an organisation that lie in {@code scope}: active first, then by division code (those
     * without one last), name and id.
     *
     * @param parentId the parent's id
     * @param pageable the page, of at most {@link #MAX_PAGE_SIZE} (its sort is ignored)
     * @throws IllegalArgumentException on a larger page
     */
    Page<Organization> children(long parentId, DataScope scope, Pageable pageable);

    /**
     * The path from the top of {@code scope} down to the organisation, both included (for breadcrumbs): for the
     * city's scope it starts at the root, for a district administrator at their district.
     *
     * @return the path, top first; empty when the organisation does not lie in the scope (or does not exist)
     */
    List<Organization> ancestors(long id, DataScope scope);

    /**
     * Organisations of {@code scope} whose name contains {@code q}, whose division code starts with it, or whose
     * unified social credit code is it (normalised: full width, case and spaces do not matter). Active first,
     * then by depth in the tree, division code, name and id.
     *
     * @param q        the text typed, at least one character after trimming
     * @param pageable the page, of at most {@link #MAX_PAGE_SIZE} (its sort is ignored)
     * @throws IllegalArgumentException on a blank {@code q} or a larger page
     */
    Page<Organization> search(String q, DataScope scope, Pageable pageable);

    /** @return how many active children the organisation has (0 for an unknown id) */
    long countActiveChildren(long id);

    /**
     * The number of active children of each of several organisations, in one query (for a page of a tree).
     *
     * @return for each id given, its count of active children (0 when none or unknown)
     */
    Map<Long, Long> countActiveChildren(Collection<Long> ids);
}
