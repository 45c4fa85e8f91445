package org.nuanxin.station.web;

import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.CoordinateTransform;
import org.nuanxin.geo.Division;
import org.nuanxin.geo.Divisions;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.station.Amenity;
import org.nuanxin.station.StationFinder;
import org.nuanxin.web.InvalidInputException;
import org.nuanxin.web.InvalidInputException.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
    record Checked(GeoPoint wgs84, CoordinateSystem crs, Division district, Set<Amenity> amenities, boolean openNow,
                   int limit) {
    }

    private final Divisions divisions;
    private final StationFinder finder;
    private final MessageSource messages;

    FinderQuery(Divisions divisions, StationFinder finder, MessageSource messages) {
        this.divisions = divisions;
        this.finder = finder;
        this.messages = messages;
    }

    /**
     * @throws InvalidInputException naming lat, lng, crs, amenity or limit
     */
    Checked check(Double lat, Double lng, String crs, List<String> amenity, boolean openNow, Integer limit,
                  Locale locale) {
        int maxLimit = finder.maxLimit();
        List<FieldProblem> problems = new ArrayList<>();
        if (lat == null || !Double.isFinite(lat) || lat < -90 || lat > 90) {
            problems.add(new FieldProblem("lat", msg("finder.error.lat", locale)));
        }
        if (lng == null || !Double.isFinite(lng) || lng < -180 || lng > 180) {
            problems.add(new FieldProblem("lng", msg("finder.error.lng", locale)));
        }
        CoordinateSystem system = CoordinateSystem.WGS84;
        if (crs != null && !crs.isBlank()) {
            system = CoordinateSystem.parse(crs).orElse(null);
            if (system == null) {
                problems.add(new FieldProblem("crs", msg("finder.error.crs", locale, crs)));
            }
        }
        Set<Amenity> amenities = EnumSet.noneOf(Amenity.class);
        if (amenity != null) {
            for (String a : amenity) {
                for (String item : a.split("[,，]")) {
                    if (!item.isBlank()) {
                        Amenity.parse(item).ifPresentOrElse(amenities::add, () -> problems.add(
                                new FieldProblem("amenity", msg("finder.error.amenity", locale, item.strip()))));
                    }
                }
            }
        }
        int n = limit == null ? finder.defaultLimit() : limit;
        if (n < 1 || n > maxLimit) {
            problems.add(new FieldProblem("limit", msg("finder.error.limit", locale, maxLimit)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        GeoPoint wgs84 = CoordinateTransform.toWgs84(new GeoPoint(lng, lat), system);
        Division district = divisions.locateDistrict(wgs84).orElseThrow(() -> new InvalidInputException(List.of(
                new FieldProblem("lat", msg("finder.error.outside", locale)),
                new FieldProblem("lng", msg("finder.error.outside", locale)))));
        return new Checked(wgs84, system, district, amenities, openNow, n);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
