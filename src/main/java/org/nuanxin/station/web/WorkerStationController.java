package org.nuanxin.station.web;

import java.util.List;
import java.util.Locale;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.CoordinateTransform;
import org.nuanxin.geo.Division;
import org.nuanxin.geo.Divisions;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.kernel.ProblemMessages;
import org.nuanxin.station.Amenity;
import org.nuanxin.station.NearbyStation;
import org.nuanxin.station.StationFinder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The rider's "stations near me" page (附近驿站). Works without JavaScript through a district
 * choice; with JavaScript the browser's position fills the list in place via htmx.
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
            @RequestParam(required = false) Double lat,
            @RequestParam(required = false) Double lng,
            @RequestParam(required = false) String crs,
            @RequestParam(required = false) String district,
            @RequestParam(required = false) List<String> amenity,
            @RequestParam(defaultValue = "false") boolean openNow,
            Model model,
            Locale locale) {
        model.addAttribute("districts", divisions.districts());
        model.addAttribute("quickFilters", QUICK_FILTERS);
        model.addAttribute("selectedAmenities", amenity == null ? List.of() : amenity);
        model.addAttribute("openNow", openNow);
        // The choice is shown selected whether the link named the district (渝中区) or its code (500103).
        model.addAttribute(
                "selectedDistrict",
                district == null || district.isBlank()
                        ? null
                        : divisions
                                .districtByName(district.strip())
                                .map(Division::code)
                                .orElse(null));
        model.addAttribute("map", map);
        if (lat != null || lng != null || (district != null && !district.isBlank())) {
            results(lat, lng, crs, district, amenity, openNow, model, locale);
        }
        return "station/nearby";
    }

    /** The list of stations alone, swapped into the page by htmx. */
    @GetMapping("/m/stations/results")
    String resultsFragment(
            @RequestParam(required = false) Double lat,
            @RequestParam(required = false) Double lng,
            @RequestParam(required = false) String crs,
            @RequestParam(required = false) String district,
            @RequestParam(required = false) List<String> amenity,
            @RequestParam(defaultValue = "false") boolean openNow,
            Model model,
            Locale locale) {
        results(lat, lng, crs, district, amenity, openNow, model, locale);
        return "station/nearby :: results";
    }

    private void results(
            Double lat,
            Double lng,
            String crs,
            String district,
            List<String> amenity,
            boolean openNow,
            Model model,
            Locale locale) {
        try {
            if ((lat == null || lng == null) && district != null && !district.isBlank()) {
                Division d = divisions
                        .districtByName(district)
                        .orElseThrow(() ->
                                new InvalidInputException("district", "station.error.district", district.strip()));
                GeoPoint centre = divisions.labelPoint(d.code());
                lat = centre.latitude();
                lng = centre.longitude();
                crs = "wgs84";
            }
            FinderQuery.Checked q = query.check(lat, lng, crs, amenity, openNow, null);
            List<NearbyStation> found = finder.nearest(q.wgs84(), q.amenities(), q.openNow(), q.limit());
            model.addAttribute("query", q);
            model.addAttribute("here", display(q.wgs84()));
            model.addAttribute(
                    "stations",
                    found.stream()
                            .map(n -> new Row(
                                    n, display(n.station().location()), StationViews.navigationUrl(n.station())))
                            .toList());
        } catch (InvalidInputException e) {
            model.addAttribute("problems", problems.texts(e.errors(), locale));
        }
    }

    /** A station row with its map position in the tile layer's system. */
    record Row(NearbyStation nearby, GeoPoint mapPoint, String navigationUrl) {

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
