package org.nuanxin.geo;

import java.util.Locale;
import java.util.Optional;

/**
 * The coordinate systems a point may arrive in. Nuanxin stores WGS-84 only; GCJ-02 (AMap, Tencent,
 * the "Mars" system of GB 20263 practice) and BD-09 (Baidu) are converted at the edge.
 */
public enum CoordinateSystem {
    /** WGS-84 longitude/latitude (GPS, OpenStreetMap; CGCS2000 agrees within centimetres). */
    WGS84,
    /** GCJ-02, the obfuscated system required for maps published in mainland China (AMap, Tencent). */
    GCJ02,
    /** BD-09, Baidu's further offset of GCJ-02. */
    BD09;

    /**
     * Reads a coordinate-system name as staff write it: {@code wgs84}, {@code WGS-84}, {@code GPS},
     * {@code gcj02}, {@code GCJ-02}, {@code 高德}, {@code 火星坐标}, {@code bd09}, {@code BD-09}, {@code 百度}...
     *
     * @return the system, or empty when the text names none
     */
    public static Optional<CoordinateSystem> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip()
                .toLowerCase(Locale.ROOT)
                .replace("-", "")
                .replace("_", "")
                .replace(" ", "");
        return switch (t) {
            case "wgs84", "wgs", "gps", "cgcs2000", "epsg4326", "4326" -> Optional.of(WGS84);
            case "gcj02", "gcj", "高德", "高德地图", "腾讯", "腾讯地图", "火星", "火星坐标", "amap", "tencent" -> Optional.of(GCJ02);
            case "bd09", "bd09ll", "bd", "百度", "百度地图", "baidu" -> Optional.of(BD09);
            default -> Optional.empty();
        };
    }
}
