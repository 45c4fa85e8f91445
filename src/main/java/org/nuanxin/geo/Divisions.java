package org.nuanxin.geo;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Chongqing's administrative divisions (38 districts/counties, 1,031 townships, 2023 codes from the
 * National Bureau of Statistics) and the district boundaries (WGS-84, about 100 m resolution), with
 * point-in-district lookup. Immutable and thread-safe; a null argument is answered as unknown.
 */
public interface Divisions {

    /** @return the 38 county-level divisions in code order */
    List<Division> districts();

    /** @return the province (500000), district (6 digits) or township (9 digits) with this code */
    Optional<Division> byCode(String code);

    /**
     * Finds a district by the name staff write: the full name (渝中区), or without its suffix (渝中),
     * or the 6-digit code. Surrounding and inner spaces are ignored.
     *
     * @return the district, or empty when the text names no Chongqing district (townships are not matched)
     */
    Optional<Division> districtByName(String nameOrCode);

    /** @return the townships of a district in code order (empty for an unknown district) */
    List<Division> townships(String districtCode);

    /**
     * Locates a WGS-84 point in microseconds (an in-memory index, no I/O). Within about 100 m of a
     * border the boundaries' resolution allows either neighbour.
     *
     * @return the district whose boundary contains the point, or empty when it is outside Chongqing
     */
    Optional<Division> locateDistrict(GeoPoint wgs84);

    /**
     * @return the district boundaries as one compact RFC 7946 GeoJSON FeatureCollection string, the
     *         same instance every call: 38 features in code order, Polygon or MultiPolygon geometry in
     *         WGS-84 degrees, properties {@code code} and {@code name}; about 0.5 MB
     */
    String boundariesGeoJson();

    /**
     * Draws a uniformly random WGS-84 point inside a district's boundary, one that
     * {@link #locateDistrict} attributes to the same district.
     *
     * @param districtCode the 6-digit district code
     * @param random source of randomness (seeded for reproducible demo data)
     * @throws IllegalArgumentException for an unknown district code
     */
    GeoPoint randomPointIn(String districtCode, RandomGenerator random);

    /**
     * The district's name in Hanyu Pinyin as maps and road signs write it, shown beside the Chinese name in English
     * (渝中区 → Yuzhong, 长寿区 → Changshou, 南岸区 → Nan'an, 忠县 → Zhongxian): without the generic 区/县/自治县 unless
     * the name is one character, without tones, polyphones read as in the place name.
     *
     * @param districtCode the 6-digit district code
     * @return the romanised name
     * @throws IllegalArgumentException for an unknown district code
     */
    String romanName(String districtCode);

    /**
     * The point where a map labels the district (inside it), used as the district's centre when a
     * worker picks a district instead of sharing a position.
     *
     * @return the WGS-84 label point
     * @throws IllegalArgumentException for an unknown district code
     */
    GeoPoint labelPoint(String districtCode);

    /**
     * @return the district boundaries as a GeoJSON FeatureCollection with coordinates converted to
     *         {@code crs}, for drawing over GCJ-02 tiles (AMap, Tencent); WGS-84 gives {@link #boundariesGeoJson()}
     */
    String boundariesGeoJson(CoordinateSystem crs);
}
