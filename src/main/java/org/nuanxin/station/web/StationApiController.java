package org.nuanxin.station.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nuanxin.station.StationCatalog;
import org.nuanxin.station.StationFilter;
import org.nuanxin.station.StationFinder;
import org.nuanxin.station.StationStatus;
import org.nuanxin.station.web.StationViews.NearbyView;
import org.nuanxin.station.web.StationViews.NearestResponse;
import org.nuanxin.station.web.StationViews.Point;
import org.nuanxin.station.web.StationViews.QueryView;
import org.nuanxin.station.web.StationViews.StationView;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The public, read-only station API: the nearest-station finder and the station map layer. */
@RestController
@RequestMapping("/api/v1/stations")
@Tag(name = "Stations", description = "Union stations and the nearest-station finder of the 15-minute service circle")
class StationApiController {

    private final StationFinder finder;
    private final StationCatalog catalog;
    private final FinderQuery query;
    private final StationFilterParser filterParser;

    StationApiController(
            StationFinder finder, StationCatalog catalog, FinderQuery query, StationFilterParser filterParser) {
        this.finder = finder;
        this.catalog = catalog;
        this.query = query;
        this.filterParser = filterParser;
    }

    @GetMapping("/nearest")
    @Operation(
            summary = "Nearest open stations to a point",
            description = "Distances are great-circle metres; minutes are estimates (straight line × detour factor "
                    + "÷ speed). Errors are RFC 9457 problem details whose errors list names the field.")
    NearestResponse nearest(
            @Parameter(description = "latitude in degrees, in the system named by crs") @RequestParam Double lat,
            @Parameter(description = "longitude in degrees, in the system named by crs") @RequestParam Double lng,
            @Parameter(description = "wgs84 (default), gcj02 (AMap/Tencent) or bd09 (Baidu)")
                    @RequestParam(required = false)
                    String crs,
            @Parameter(
                            description =
                                    "required amenities, repeated or comma-separated: WATER, CHARGING, REST, ... or 饮水")
                    @RequestParam(required = false)
                    List<String> amenity,
            @Parameter(description = "only stations open now (Asia/Shanghai)") @RequestParam(defaultValue = "false")
                    boolean openNow,
            @Parameter(description = "how many, 1..50, default 10") @RequestParam(required = false) Integer limit) {
        FinderQuery.Checked q = query.check(lat, lng, crs, amenity, openNow, limit);
        List<NearbyView> stations = finder.nearest(q.wgs84(), q.amenities(), q.openNow(), q.limit()).stream()
                .map(NearbyView::of)
                .toList();
        return new NearestResponse(
                new QueryView(
                        Point.of(q.wgs84()),
                        q.crs().name(),
                        q.district().code(),
                        q.district().name()),
                stations);
    }

    @GetMapping("/{code}")
    @Operation(summary = "One station by its code")
    ResponseEntity<StationView> one(@PathVariable String code) {
        // A closed station is not signposted to riders any more (the console still shows it).
        return catalog.findByCode(code)
                .filter(s -> s.status() != StationStatus.CLOSED)
                .map(StationView::of)
                .map(ResponseEntity::ok)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no station has code " + code));
    }

    @GetMapping(produces = {"application/geo+json", "application/json"})
    @Operation(
            summary = "Stations as a GeoJSON FeatureCollection (WGS-84), for maps",
            description =
                    "Filters: district (6-digit code or name), amenity (code or Chinese name; several separated by commas "
                            + "or repeated: stations with all of them), status (OPEN, SUSPENDED, CLOSED), "
                            + "q (part of the name, address or code).")
    ResponseEntity<Map<String, Object>> geoJson(
            @RequestParam(required = false) String district,
            @RequestParam(required = false) List<String> amenity,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q) {
        // A misspelt filter must not quietly return every station: the parser refuses it (400).
        StationFilter filter = filterParser.parse(district, amenity, status, q);
        List<Map<String, Object>> features = new ArrayList<>();
        catalog.forEach(filter, s -> {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("code", s.code());
            props.put("name", s.name());
            props.put("status", s.status().name());
            props.put("synthetic", s.synthetic());
            features.add(Map.of(
                    "type",
                    "Feature",
                    "geometry",
                    Map.of(
                            "type",
                            "Point",
                            "coordinates",
                            List.of(
                                    StationViews.round(s.location().longitude()),
                                    StationViews.round(s.location().latitude()))),
                    "properties",
                    props));
        });
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)))
                .body(Map.of("type", "FeatureCollection", "features", features));
    }
}
