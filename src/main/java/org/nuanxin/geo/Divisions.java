package org.nuanxin.geo;

import java.util.List;
import java.util.Optional;

/**
 * Chongqing's administrative divisions (38 districts/counties, 1,031 townships, 2023 codes) and the
 * district boundaries (WGS-84), with point-in-district lookup.
 */
public interface Divisions {

    /** @return the 38 county-level divisions in code order */
    List<Division> districts();

    /** @return the district or township with this code */
    Optional<Division> byCode(String code);

    /**
     * Finds a district by the name staff write: the full name (渝中区), or without its suffix (渝中),
     * or the 6-digit code.
     */
    Optional<Division> districtByName(String nameOrCode);

    /** @return the townships of a district in code order (empty for an unknown district) */
    List<Division> townships(String districtCode);

    /**
     * Locates a WGS-84 point.
     *
     * @return the district whose boundary contains the point, or empty when it is outside Chongqing
     */
    Optional<Division> locateDistrict(GeoPoint wgs84);

    /** @return the district boundaries as a GeoJSON FeatureCollection (WGS-84; properties code, name) */
    String boundariesGeoJson();

    /**
     * Draws a uniformly random WGS-84 point inside a district's boundary.
     *
     * @param random source of randomness (seeded for reproducible demo data)
     * @throws IllegalArgumentException for an unknown district code
     */
    GeoPoint randomPointIn(String districtCode, java.util.random.RandomGenerator random);
}
