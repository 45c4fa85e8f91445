package org.nuanxin.grid.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The map settings the station finder also reads ({@code nuanxin.map}), bound again here because the station
 * module's binding is internal to it.
 *
 * @param tileUrl         optional Leaflet tile URL template; empty draws the district boundaries only (works offline)
 * @param tileAttribution attribution text the tile provider requires
 * @param tileCrs         the coordinate system of the tiles: wgs84 (OpenStreetMap, Tianditu) or gcj02 (AMap, Tencent);
 *                        a point picked on the map is sent in this system and converted on the server
 */
@ConfigurationProperties("nuanxin.map")
record ReportMapProperties(
        @DefaultValue("") String tileUrl,
        @DefaultValue("") String tileAttribution,
        @DefaultValue("wgs84") String tileCrs) {}
