package org.nuanxin.station.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.CoordinateTransform;
import org.nuanxin.geo.Division;
import org.nuanxin.geo.Divisions;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.station.Amenity;
import org.nuanxin.station.StationFinder;
import org.springframework.stereotype.Component;

/**
 * Turns the finder's request parameters into a checked query, shared by the JSON API and the
 * worker page so both refuse the same input with the same words.
 */
@Component
class FinderQuery {

    /**
     * A checked query.
     *
     * @param wgs84     the point in WGS-84
     * @param crs       the system the point was given in
     * @param district  the district containing the point
     * @param amenities required amenities
     */
    record Checked(
            GeoPoint wgs84,
            CoordinateSystem crs,
            Division district,
            Set<Amenity> amenities,
            boolean openNow,
            int limit) {}

    /** A plain decimal number as people type it: optional sign, digits, optional fraction. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private final Divisions divisions;
    private final StationFinder finder;

    FinderQuery(Divisions divisions, StationFinder finder) {
        this.divisions = divisions;
        this.finder = finder;
    }

    /**
     * Reads a coordinate typed into a link: empty is absent, anything that is not a decimal number is a problem of
     * the field ({@code finder.error.latNumber} / {@code lngNumber}), never a 400 page.
     *
     * @param field {@code lat} or {@code lng}
     * @return the number, or null when absent or not a number (then a problem was added)
     */
    static @Nullable Double number(String field, @Nullable String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() <= 32 && DECIMAL.matcher(t).matches()) {
            return Double.valueOf(t);
        }
        problems.add(FieldProblem.of(field, "finder.error." + field + "Number", t));
        return null;
    }

    /**
     * Reads the "open now" switch: absent, empty, {@code true}/{@code on} (a checkbox) or {@code false}; anything
     * else is a problem of the field {@code openNow}.
     */
    static boolean openNow(@Nullable String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return false;
        }
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "on" -> true;
            case "false", "off" -> false;
            default -> {
                problems.add(FieldProblem.of("openNow", "finder.error.openNow", text.strip()));
                yield false;
            }
        };
    }

    /**
     * @return the amenities named (codes or Chinese names), adding a problem of the field {@code amenity} per unknown one
     */
    static Set<Amenity> amenities(@Nullable List<String> amenity, List<FieldProblem> problems) {
        Amenity.ParsedList parsed = Amenity.parseList(amenity == null ? List.of() : amenity);
        for (String unknown : parsed.unknown()) {
            problems.add(FieldProblem.of("amenity", "finder.error.amenity", unknown));
        }
        return parsed.amenities();
    }

    /**
     * @throws InvalidInputException naming lat, lng, crs, amenity or limit
     */
    Checked check(Double lat, Double lng, String crs, List<String> amenity, boolean openNow, Integer limit) {
        int maxLimit = finder.maxLimit();
        List<FieldProblem> problems = new ArrayList<>();
        if (lat == null) {
            problems.add(FieldProblem.of("lat", "finder.error.latMissing"));
        } else if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            problems.add(FieldProblem.of("lat", "finder.error.lat"));
        }
        if (lng == null) {
            problems.add(FieldProblem.of("lng", "finder.error.lngMissing"));
        } else if (!Double.isFinite(lng) || lng < -180 || lng > 180) {
            problems.add(FieldProblem.of("lng", "finder.error.lng"));
        }
        CoordinateSystem system = CoordinateSystem.WGS84;
        if (crs != null && !crs.isBlank()) {
            system = CoordinateSystem.parse(crs).orElse(null);
            if (system == null) {
                problems.add(FieldProblem.of("crs", "finder.error.crs", crs));
            }
        }
        Set<Amenity> amenities = amenities(amenity, problems);
        int n = limit == null ? finder.defaultLimit() : limit;
        if (n < 1 || n > maxLimit) {
            problems.add(FieldProblem.of("limit", "finder.error.limit", maxLimit));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        GeoPoint wgs84 = CoordinateTransform.toWgs84(new GeoPoint(lng, lat), system);
        Division district = divisions
                .locateDistrict(wgs84)
                .orElseThrow(() -> new InvalidInputException(List.of(
                        FieldProblem.of("lat", "finder.error.outside"),
                        FieldProblem.of("lng", "finder.error.outside"))));
        return new Checked(wgs84, system, district, amenities, openNow, n);
    }
}
