package org.nuanxin.station.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.nuanxin.geo.BrowserPositions;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.CoordinateTransform;
import org.nuanxin.geo.Division;
import org.nuanxin.geo.Divisions;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.kernel.ProblemMessages;
import org.nuanxin.station.Amenity;
import org.nuanxin.station.NearbyStation;
import org.nuanxin.station.OpeningHours;
import org.nuanxin.station.StationFinder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The rider's "stations near me" page (附近驿站). Works without JavaScript through a district choice; with
 * JavaScript the browser's position fills the list in place via htmx, and the point searched from is shown on the
 * map, where the rider can move it.
 *
 * <p>Two ways to search, never mixed: from a <b>position</b> ({@code lat}, {@code lng} in {@code crs}), with distances
 * and travel times from that point; or from a <b>district</b>, which wins when both are sent (the form without
 * JavaScript keeps a shared link's position in hidden fields, and a district chosen afterwards must replace it). A
 * district search lists that district's stations ordered by distance from the district's label point, says so
 * ("距区县中心"), gives no travel times and draws no "you are here" dot: the page does not know where the rider is.
 *
 * <p>Every parameter is read as text, so {@code ?lat=abc} or {@code ?openNow=maybe} is a message on the page naming
 * the field, not the 400 page.
 */
@Controller
class WorkerStationController {

    /** Amenities offered as one-tap filters, in the order riders ask for them. */
    static final List<Amenity> QUICK_FILTERS =
            List.of(Amenity.WATER, Amenity.CHARGING, Amenity.REST, Amenity.TOILET, Amenity.MICROWAVE);

    private final StationFinder finder;
    private final FinderQuery query;
    private final Divisions divisions;
    private final MapProperties map;
    private final ProblemMessages problems;

    WorkerStationController(
            StationFinder finder, FinderQuery query, Divisions divisions, MapProperties map, ProblemMessages problems) {
        this.finder = finder;
        this.query = query;
        this.divisions = divisions;
        this.map = map;
        this.problems = problems;
    }

    @GetMapping("/m/stations")
    String page(
            @RequestParam(required = false) @Nullable String lat,
            @RequestParam(required = false) @Nullable String lng,
            @RequestParam(required = false) @Nullable String crs,
            @RequestParam(required = false) @Nullable String district,
            @RequestParam(required = false) @Nullable List<String> amenity,
            @RequestParam(required = false) @Nullable String openNow,
            @RequestHeader(value = "User-Agent", required = false) @Nullable String userAgent,
            Model model,
            Locale locale) {
        model.addAttribute("districtLabels", districtLabels(locale));
        model.addAttribute("quickFilters", QUICK_FILTERS);
        model.addAttribute(
                "selectedAmenities",
                Amenity.parseList(amenity == null ? List.of() : amenity).amenities().stream()
                        .map(Amenity::name)
                        .toList());
        model.addAttribute("map", map);
        model.addAttribute(
                "positionCrs", BrowserPositions.system(userAgent).name().toLowerCase(Locale.ROOT));
        model.addAttribute("wechat", BrowserPositions.isWeChat(userAgent));
        search(lat, lng, crs, district, amenity, openNow, model, locale);
        return "station/nearby";
    }

    /** The list of stations alone, swapped into the page by htmx. */
    @GetMapping("/m/stations/results")
    String resultsFragment(
            @RequestParam(required = false) @Nullable String lat,
            @RequestParam(required = false) @Nullable String lng,
            @RequestParam(required = false) @Nullable String crs,
            @RequestParam(required = false) @Nullable String district,
            @RequestParam(required = false) @Nullable List<String> amenity,
            @RequestParam(required = false) @Nullable String openNow,
            Model model,
            Locale locale) {
        search(lat, lng, crs, district, amenity, openNow, model, locale);
        return "station/nearby :: results";
    }

    private void search(
            @Nullable String latText,
            @Nullable String lngText,
            @Nullable String crs,
            @Nullable String district,
            @Nullable List<String> amenity,
            @Nullable String openNowText,
            Model model,
            Locale locale) {
        List<FieldProblem> found = new ArrayList<>();
        boolean openNow = FinderQuery.openNow(openNowText, found);
        model.addAttribute("openNow", openNow);
        boolean byDistrict = district != null && !district.isBlank();
        Division chosen = null;
        if (byDistrict) {
            chosen = divisions.districtByName(district.strip()).orElse(null);
            if (chosen == null) {
                found.add(FieldProblem.of("district", "station.error.district", district.strip()));
            }
        }
        model.addAttribute("selectedDistrict", chosen == null ? null : chosen.code());
        Double lat = byDistrict ? null : FinderQuery.number("lat", latText, found);
        Double lng = byDistrict ? null : FinderQuery.number("lng", lngText, found);
        boolean byPosition = !byDistrict && (lat != null || lng != null || !blank(latText) || !blank(lngText));
        try {
            if (chosen != null) {
                Set<Amenity> amenities = FinderQuery.amenities(amenity, found);
                throwIfAny(found);
                districtSearch(chosen, amenities, openNow, model, locale);
            } else if (byPosition) {
                FinderQuery.Checked q;
                try {
                    q = query.check(lat, lng, crs, amenity, openNow, null);
                } catch (InvalidInputException e) {
                    // Problems of reading (not a number) first, then those of the values; each field once.
                    List<FieldProblem> all = new ArrayList<>(found);
                    e.errors().stream()
                            .filter(p -> found.stream().noneMatch(f -> f.field().equals(p.field())))
                            .forEach(all::add);
                    throw new InvalidInputException(all);
                }
                throwIfAny(found);
                positionSearch(q, lat, lng, model, locale);
            } else {
                FinderQuery.amenities(amenity, found);
                throwIfAny(found);
            }
        } catch (InvalidInputException e) {
            model.addAttribute("problems", problems.texts(e.errors(), locale));
            model.addAttribute(
                    "problemFields",
                    e.errors().stream().map(FieldProblem::field).distinct().toList());
        }
    }

    private void positionSearch(FinderQuery.Checked q, Double lat, Double lng, Model model, Locale locale) {
        List<NearbyStation> found = finder.nearest(q.wgs84(), q.amenities(), q.openNow(), q.limit());
        model.addAttribute("mode", "position");
        model.addAttribute("areaLabel", districtLabel(q.district(), locale));
        model.addAttribute("here", display(q.wgs84()));
        // A shared or reloaded link keeps its position (as given) in the form, so the chips refine that same place.
        model.addAttribute("formLat", plain(lat));
        model.addAttribute("formLng", plain(lng));
        model.addAttribute("formCrs", q.crs().name().toLowerCase(Locale.ROOT));
        model.addAttribute("stations", rows(found, locale));
    }

    private void districtSearch(
            Division district, Set<Amenity> amenities, boolean openNow, Model model, Locale locale) {
        GeoPoint centre = divisions.labelPoint(district.code());
        // The finder answers nearest first from the label point; the district's own stations are kept.
        List<NearbyStation> inDistrict = finder.nearest(centre, amenities, openNow, finder.maxLimit()).stream()
                .filter(n -> n.station().districtCode().equals(district.code()))
                .limit(finder.defaultLimit())
                .toList();
        model.addAttribute("mode", "district");
        model.addAttribute("areaLabel", districtLabel(district, locale));
        model.addAttribute("here", display(centre));
        model.addAttribute("stations", rows(inDistrict, locale));
    }

    private List<Row> rows(List<NearbyStation> found, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        return found.stream()
                .map(n -> new Row(
                        n,
                        display(n.station().location()),
                        StationViews.navigationUrl(n.station()),
                        hours(n.station().openingHours(), english)))
                .toList();
    }

    /**
     * Opening hours as shown: the ranges with an en dash ({@code 08:00–22:00}, several joined by a comma) in both
     * languages; around the clock is {@code null}, for the page to say in its language (全天24小时 / Open 24 hours).
     */
    static @Nullable String hours(OpeningHours hours, boolean english) {
        if (hours.allDay()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (OpeningHours.Range r : hours.ranges()) {
            if (!out.isEmpty()) {
                out.append(english ? ", " : "，");
            }
            out.append(r.toString().replace('-', '–'));
        }
        return out.toString();
    }

    /** The district as shown: 渝中区 in Chinese, 渝中区 Yuzhong in English. */
    private String districtLabel(Division d, Locale locale) {
        return "en".equals(locale.getLanguage()) ? d.name() + " " + divisions.romanName(d.code()) : d.name();
    }

    private Map<String, String> districtLabels(Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Division d : divisions.districts()) {
            labels.put(d.code(), districtLabel(d, locale));
        }
        return labels;
    }

    private static void throwIfAny(List<FieldProblem> found) {
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /**
     * A station row with its map position in the tile layer's system.
     *
     * @param hours the hours as shown, or null when open around the clock
     */
    record Row(
            NearbyStation nearby,
            GeoPoint mapPoint,
            String navigationUrl,
            @Nullable String hours) {

        /** @return true when the distance is shown in kilometres (1 km and above), else metres */
        public boolean km() {
            return nearby.distanceMetres() >= 1000;
        }

        /** @return the distance as shown: whole metres below 1 km, kilometres with one decimal above */
        public String distance() {
            double m = nearby.distanceMetres();
            return m < 1000 ? Long.toString(Math.round(m)) : String.format(Locale.ROOT, "%.1f", m / 1000);
        }

        /** @return whether an e-bike gets there within the 15-minute service circle */
        public boolean inCircle() {
            return nearby.eBikeMinutes() <= 15;
        }
    }

    private GeoPoint display(GeoPoint wgs84) {
        CoordinateSystem tiles = CoordinateSystem.parse(map.tileCrs()).orElse(CoordinateSystem.WGS84);
        return CoordinateTransform.fromWgs84(wgs84, tiles);
    }
}
