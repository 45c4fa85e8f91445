package org.nuanxin.station;

/**
 * Filters for station lists and exports; a null field does not filter.
 *
 * @param districtCode GB/T 2260 district code
 * @param amenity      stations offering this amenity
 * @param status       stations in this status
 * @param text         part of the name, address or code
 * @param synthetic    true for demo stations only, false for real ones only
 */
public record StationFilter(String districtCode, Amenity amenity, StationStatus status, String text,
                            Boolean synthetic) {

    public static final StationFilter ALL = new StationFilter(null, null, null, null, null);
}
