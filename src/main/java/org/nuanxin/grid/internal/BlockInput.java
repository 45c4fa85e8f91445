package org.nuanxin.grid.internal;

import org.jspecify.annotations.Nullable;

/**
 * What staff send to draw or edit a block; problems name {@code name}, {@code districtCode}, {@code townshipCode},
 * {@code area}, {@code communities}, {@code responsibleStaff}.
 *
 * @param name             1–100 characters
 * @param districtCode     a Chongqing district code (6 digits)
 * @param townshipCode     a township of that district (9 digits), or null/blank
 * @param communities      free text, at most 1,000 characters
 * @param area             the area drawn on the map: a GeoJSON Polygon or MultiPolygon geometry (or a Feature of
 *                         one) or WKT, WGS-84 degrees; at most {@link BlockService#MAX_VERTICES} vertices, a valid
 *                         non-empty polygon whose area lies in the district
 * @param responsibleStaff free text, at most 500 characters
 */
public record BlockInput(
        String name,
        String districtCode,
        @Nullable String townshipCode,
        String communities,
        String area,
        String responsibleStaff) {}
