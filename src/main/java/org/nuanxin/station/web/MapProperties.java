package org.nuanxin.station.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Map settings under {@code nuanxin.map}.
 *
 * @param tileUrl         optional Leaflet tile URL template; empty draws the district boundaries only (works offline)
 * @param tileAttribution attribution text the tile provider requires
 * @param tileCrs         the coordinate system of the tiles: wgs84 (OpenStreetMap, Tianditu) or gcj02 (AMap, Tencent)
 */
@ConfigurationProperties("nuanxin.map")
record MapProperties(
        @DefaultValue("") String tileUrl,
        @DefaultValue("") String tileAttribution,
        @DefaultValue("wgs84") String tileCrs) {}
