package org.nuanxin.station;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Filters for station lists, exports and the map layer; a null field (or no amenities) does not
 * filter. Read from request parameters in one place, strictly, so that a misspelt filter is an error
 * and never quietly means "everything".
 *
 * @param districtCode GB/T 2260 district code
 * @param amenities    stations offering every one of these
 * @param status       stations in this status
 * @param text         part of the name, address or code
 * @param synthetic    true for demo stations only, false for real ones only
 */
public record StationFilter(
        @Nullable String districtCode,
        Set<Amenity> amenities,
        @Nullable StationStatus status,
        @Nullable String text,
        @Nullable Boolean synthetic) {

    public static final StationFilter ALL = new StationFilter(null, Set.of(), null, null, null);

    public StationFilter {
        amenities = amenities == null ? Set.of() : Set.copyOf(amenities);
    }
}
