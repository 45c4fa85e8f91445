package org.nuanxin.station;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * The roster of union stations: look-up, lists, and validated changes. Lists, counts, exports and
 * changes are the signed-in staff member's: they ask {@link StationPermissions} and see and touch only
 * the stations of the user's data scope (identity's {@code DataScope}), filtered in SQL.
 */
public interface StationCatalog {

    /** @return the station with this code, whoever asks (the public finder shows any station) */
    Optional<Station> findByCode(String code);

    /**
     * @return the station with this code when it lies in the signed-in user's data scope, else empty (a
     *     station of another scope is not found, so its existence is not disclosed)
     * @throws org.springframework.security.access.AccessDeniedException unless the user may view the roster
     */
    Optional<Station> findInScope(String code);

    /** The largest page {@link #search} serves. */
    int MAX_PAGE_SIZE = 500;

    /**
     * @param pageable the page (size 1..500) and order, by {@code code}, {@code name}, {@code districtCode}
     *                 or {@code updatedAt}; ties are broken by code
     * @return one page of the stations of the user's data scope matching the filter
     * @throws IllegalArgumentException for a larger page or another sort property
     * @throws org.springframework.security.access.AccessDeniedException unless the user may view the roster
     */
    Page<Station> search(StationFilter filter, Pageable pageable);

    /**
     * Streams every station of the user's data scope matching the filter in code order, for exports.
     *
     * @throws org.springframework.security.access.AccessDeniedException unless the user may view the roster
     */
    void forEach(StationFilter filter, Consumer<Station> action);

    /**
     * @return the number of stations of the user's data scope matching the filter
     * @throws org.springframework.security.access.AccessDeniedException unless the user may view the roster
     */
    long count(StationFilter filter);

    /**
     * Checks a station's fields without writing anything.
     *
     * @param defaultCrs the coordinate system to assume when the input names none (may be null)
     * @return the problems, keyed by {@link StationInput} field; empty when valid
     */
    List<FieldProblem> check(StationInput input, @Nullable CoordinateSystem defaultCrs);

    /**
     * Creates a station; the code is generated from the district when the input has none.
     *
     * @throws InvalidInputException naming each wrong field, including a name already used in the district
     */
    Station create(StationInput input);

    /**
     * Updates a station if it is still at {@code expectedVersion}.
     *
     * @throws java.util.NoSuchElementException when no station has this code
     * @throws StationChangedConcurrentlyException when someone else changed it since it was read
     * @throws InvalidInputException naming each wrong field
     */
    Station update(String code, int expectedVersion, StationInput input);
}
