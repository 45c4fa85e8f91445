package org.nuanxin.station;

import org.nuanxin.geo.CoordinateSystem;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/** The roster of union stations: look-up, lists, and validated changes. */
public interface StationCatalog {

    /** Sort orders of station lists. */
    enum Sort { CODE, NAME, DISTRICT, UPDATED }

    Optional<Station> findByCode(String code);

    /**
     * @param page zero-based page; size 1..500
     * @return one page of the stations matching the filter, in the given order
     */
    StationPage search(StationFilter filter, Sort sort, int page, int size);

    /** Streams every station matching the filter in code order, for exports and maps. */
    void forEach(StationFilter filter, Consumer<Station> action);

    long count(StationFilter filter);

    /**
     * Checks a station's fields without writing anything.
     *
     * @param defaultCrs the coordinate system to assume when the input names none (may be null)
     * @return the problems, keyed by {@link StationInput} field, in the locale's language; empty when valid
     */
    List<org.nuanxin.web.InvalidInputException.FieldProblem> check(StationInput input, CoordinateSystem defaultCrs,
                                                                     Locale locale);

    /**
     * Creates a station; the code is generated from the district when the input has none.
     *
     * @throws org.nuanxin.web.InvalidInputException naming each wrong field, including a name already used in the district
     */
    Station create(StationInput input, Locale locale);

    /**
     * Updates a station if it is still at {@code expectedVersion}.
     *
     * @throws java.util.NoSuchElementException when no station has this code
     * @throws StationChangedConcurrentlyException when someone else changed it since it was read
     * @throws org.nuanxin.web.InvalidInputException naming each wrong field
     */
    Station update(String code, int expectedVersion, StationInput input, Locale locale);
}
