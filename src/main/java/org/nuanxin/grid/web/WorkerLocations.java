package org.nuanxin.grid.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.CoordinateTransform;
import org.nuanxin.geo.Division;
import org.nuanxin.geo.Divisions;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.kernel.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Reads the location a worker's form sends: a point ({@code lat}, {@code lng} in {@code crs}: the phone's position,
 * a point picked on the map in the tile layer's system, or coordinates typed by hand), else a district's label point
 * (the form without JavaScript). Typed or located coordinates win over the district, being more precise.
 */
@Component
class WorkerLocations {

    /** The form field every location problem names. */
    static final String FIELD = "location";

    /**
     * A location as read.
     *
     * @param wgs84        the point in WGS-84
     * @param longitude    the longitude as sent (in {@code crs}); the district's label point for a district choice
     * @param latitude     the latitude as sent (in {@code crs})
     * @param crs          the system the numbers are in
     * @param districtCode the district the point lies in
     * @param byDistrict   true when only a district was chosen (the point is its label point, not the rider's)
     */
    record Located(
            GeoPoint wgs84,
            double longitude,
            double latitude,
            CoordinateSystem crs,
            String districtCode,
            boolean byDistrict) {

        /** @return the longitude as the form sends it back (plain decimal) */
        public String lngText() {
            return plain(longitude);
        }

        /** @return the latitude as the form sends it back (plain decimal) */
        public String latText() {
            return plain(latitude);
        }

        /** @return the system's name as the form sends it ({@code wgs84}, {@code gcj02}) */
        public String crsText() {
            return crs.name().toLowerCase(Locale.ROOT);
        }
    }

    private final Divisions divisions;

    WorkerLocations(Divisions divisions) {
        this.divisions = divisions;
    }

    /** @return whether the form sent any location at all (a coordinate or a district) */
    static boolean given(@Nullable String lat, @Nullable String lng, @Nullable String district) {
        return !blank(lat) || !blank(lng) || !blank(district);
    }

    /**
     * @return the location
     * @throws InvalidInputException on {@value #FIELD}: nothing given ({@code grid.m.location.missing}), one coordinate
     *     only or not numbers ({@code grid.m.location.notNumber}), an unknown coordinate system
     *     ({@code grid.m.location.crs}), an unknown district ({@code grid.m.location.district}), a point outside
     *     Chongqing ({@code grid.location.outside})
     */
    Located read(@Nullable String lat, @Nullable String lng, @Nullable String crs, @Nullable String district) {
        if (!blank(lat) || !blank(lng)) {
            Double la = number(lat);
            Double ln = number(lng);
            if (la == null || ln == null) {
                throw new InvalidInputException(FIELD, "grid.m.location.notNumber");
            }
            CoordinateSystem system = blank(crs)
                    ? CoordinateSystem.WGS84
                    : CoordinateSystem.parse(crs)
                            .orElseThrow(() -> new InvalidInputException(FIELD, "grid.m.location.crs", crs.strip()));
            GeoPoint wgs84;
            try {
                wgs84 = CoordinateTransform.toWgs84(GeoPoint.of(ln, la), system);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(FIELD, "grid.location.outside");
            }
            String code = divisions
                    .locateDistrict(wgs84)
                    .map(Division::code)
                    .orElseThrow(() -> new InvalidInputException(FIELD, "grid.location.outside"));
            return new Located(wgs84, ln, la, system, code, false);
        }
        if (!blank(district)) {
            Division d = divisions
                    .districtByName(district.strip())
                    .orElseThrow(() -> new InvalidInputException(FIELD, "grid.m.location.district", district.strip()));
            GeoPoint centre = divisions.labelPoint(d.code());
            return new Located(centre, centre.longitude(), centre.latitude(), CoordinateSystem.WGS84, d.code(), true);
        }
        throw new InvalidInputException(FIELD, "grid.m.location.missing");
    }

    /** @return the read location, or empty when the form sent none or one that cannot be read */
    Optional<Located> readIfGiven(
            @Nullable String lat, @Nullable String lng, @Nullable String crs, @Nullable String district) {
        if (!given(lat, lng, district)) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(lat, lng, crs, district));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    /** The district as shown: 渝中区 in Chinese, 渝中区 Yuzhong in English. */
    String districtLabel(String code, Locale locale) {
        String name = divisions.byCode(code).map(Division::name).orElse(code);
        return "en".equals(locale.getLanguage()) ? name + " " + divisions.romanName(code) : name;
    }

    /** @return every district, code → label, in code order */
    Map<String, String> districtLabels(Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Division d : divisions.districts()) {
            labels.put(d.code(), districtLabel(d.code(), locale));
        }
        return labels;
    }

    /**
     * Which system a browser's {@code navigator.geolocation} answers in: WGS-84 by the W3C specification, but
     * WeChat's own Android browser (X5/XWeb) is publicly reported to answer in GCJ-02 (geo's {@link org.nuanxin.geo.BrowserPositions}); the page shows the point, so the rider can move it.
     */
    static String positionCrs(@Nullable String userAgent) {
        return org.nuanxin.geo.BrowserPositions.system(userAgent).name().toLowerCase(Locale.ROOT);
    }

    private static @Nullable Double number(@Nullable String text) {
        if (blank(text)) {
            return null;
        }
        try {
            double d = Double.parseDouble(text.strip());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
