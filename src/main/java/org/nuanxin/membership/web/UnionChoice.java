package org.nuanxin.membership.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.CoordinateTransform;
import org.nuanxin.geo.Division;
import org.nuanxin.geo.Divisions;
import org.nuanxin.geo.GeoPoint;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The district and township choice of the join and transfer forms, without JavaScript: the worker picks a district
 * and presses "show townships" (the form comes back with that district's townships), or, with JavaScript, lets the
 * phone's position pick the district.
 */
@Component
class UnionChoice {

    /** A choice as shown: code and label. */
    record Option(String code, String label) {}

    private final Divisions divisions;

    UnionChoice(Divisions divisions) {
        this.divisions = divisions;
    }

    /** Puts {@code districts} and {@code townships} (of the chosen district) into the model. */
    void addTo(Model model, @Nullable String district, Locale locale) {
        boolean english = locale.getLanguage().equals("en");
        model.addAttribute(
                "districts",
                divisions.districts().stream()
                        .map(d -> new Option(
                                d.code(), english ? divisions.romanName(d.code()) + " " + d.name() : d.name()))
                        .toList());
        List<Option> townships = district == null || district.isBlank()
                ? List.of()
                : divisions.townships(district.strip()).stream()
                        .map(t -> new Option(t.code(), t.name()))
                        .toList();
        model.addAttribute("townships", townships);
    }

    /**
     * @param lat latitude as sent by the browser (WGS-84, or GCJ-02 in WeChat when {@code crs} says so)
     * @return the district code where the point lies, or empty (outside Chongqing, or not numbers)
     */
    Optional<String> districtAt(@Nullable String lat, @Nullable String lng, @Nullable String crs) {
        try {
            double la = Double.parseDouble(lat == null ? "" : lat);
            double ln = Double.parseDouble(lng == null ? "" : lng);
            GeoPoint point = GeoPoint.of(ln, la);
            CoordinateSystem system =
                    CoordinateSystem.parse(crs == null ? "wgs84" : crs).orElse(CoordinateSystem.WGS84);
            return divisions
                    .locateDistrict(CoordinateTransform.toWgs84(point, system))
                    .map(Division::code);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
