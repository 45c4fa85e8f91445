package org.nuanxin.station.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.station.MapBounds;
import org.nuanxin.station.StationCatalog;
import org.nuanxin.station.StationFilter;
import org.nuanxin.station.StationFinder;
import org.nuanxin.station.StationMapLayer;
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

/** The public, read-only station API: the nearest-station finder and the station map layer (by bounding box). */
@RestController
@RequestMapping("/api/v1/stations")
@Tag(name = "Stations", description = "Union stations and the nearest-station finder of the 15-minute service circle")
class StationApiController {

    private final StationFinder finder;
    private final StationCatalog catalog;
    private final FinderQuery query;
    private final StationFilterParser filterParser;
    private final StationMapLayer mapLayer;

    StationApiController(
            StationFinder finder,
            StationCatalog catalog,
            FinderQuery query,
            StationFilterParser filterParser,
            StationMapLayer mapLayer) {
        this.mapLayer = mapLayer;
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
            summary = "The public station map layer: open stations or clusters of them inside a bounding box, as "
                    + "GeoJSON (WGS-84)",
            description = "Only OPEN stations, whatever is asked: suspended and closed stations are not signposted to "
                    + "riders (status=SUSPENDED or CLOSED answers an empty layer; staff see every status on the "
                    + "console map). bbox=minLng,minLat,maxLng,maxLat (WGS-84; default all of Chongqing) and zoom "
                    + "(0..22). Below the cluster zoom (13), or when more than the most features (1,000) match in "
                    + "the box, the features are clusters per H3 cell (properties cluster=true, count, cell) drawn "
                    + "at the mean position of their stations; else stations (code, name, status, synthetic). The "
                    + "collection also carries total (stations matching in the box), clustered and h3Resolution. "
                    + "Filters: district (6-digit code or name), amenity (code or Chinese name; several separated by "
                    + "commas or repeated: stations with all of them), status (OPEN, SUSPENDED, CLOSED; only OPEN "
                    + "ones are ever listed), q (part of the name, address or code).")
    ResponseEntity<Map<String, Object>> geoJson(
            @Parameter(description = "minLng,minLat,maxLng,maxLat, WGS-84") @RequestParam(required = false) String bbox,
            @Parameter(description = "the map's zoom level, 0..22") @RequestParam(required = false) String zoom,
            @RequestParam(required = false) String district,
            @RequestParam(required = false) List<String> amenity,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q) {
        MapBounds bounds = parseBbox(bbox);
        Integer zoomLevel = parseZoom(zoom);
        // A misspelt filter must not quietly return every station: the parser refuses it (400).
        StationFilter asked = filterParser.parse(district, amenity, status, q);
        StationMapLayer.Layer layer;
        if (asked.status() != null && asked.status() != StationStatus.OPEN) {
            // The public layer signposts open stations only (as GET /{code} hides closed ones).
            layer = new StationMapLayer.Layer(List.of(), List.of(), 0, -1);
        } else {
            StationFilter open = new StationFilter(
                    asked.districtCode(), asked.amenities(), StationStatus.OPEN, asked.text(), asked.synthetic());
            layer = mapLayer.layer(open, bounds, zoomLevel);
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)))
                .body(geoJsonOf(layer));
    }

    /**
     * The GeoJSON feature collection of a map layer, shared by the public layer and the console map's.
     *
     * @return {@code type}, {@code total}, {@code clustered}, {@code h3Resolution} and {@code features}
     */
    static Map<String, Object> geoJsonOf(StationMapLayer.Layer layer) {
        List<Map<String, Object>> features = new ArrayList<>();
        for (StationMapLayer.Point s : layer.stations()) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("code", s.code());
            props.put("name", s.name());
            props.put("status", s.status().name());
            props.put("synthetic", s.synthetic());
            features.add(feature(s.longitude(), s.latitude(), props));
        }
        for (StationMapLayer.Cluster c : layer.clusters()) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("cluster", true);
            props.put("count", c.count());
            props.put("cell", Long.toHexString(c.cell()));
            features.add(feature(c.longitude(), c.latitude(), props));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "FeatureCollection");
        body.put("total", layer.total());
        body.put("clustered", layer.clustered());
        body.put("h3Resolution", layer.h3Resolution());
        body.put("features", features);
        return body;
    }

    private static Map<String, Object> feature(double lng, double lat, Map<String, Object> props) {
        return Map.of(
                "type",
                "Feature",
                "geometry",
                Map.of("type", "Point", "coordinates", List.of(StationViews.round(lng), StationViews.round(lat))),
                "properties",
                props);
    }

    /** @throws InvalidInputException naming bbox unless it is four finite WGS-84 numbers, min before max */
    static MapBounds parseBbox(@Nullable String bbox) {
        if (bbox == null || bbox.isBlank()) {
            return MapBounds.CHONGQING;
        }
        String[] parts = bbox.split(",", -1);
        if (parts.length == 4) {
            try {
                double[] v = new double[4];
                for (int i = 0; i < 4; i++) {
                    v[i] = Double.parseDouble(parts[i].strip());
                    if (!Double.isFinite(v[i])) {
                        throw new NumberFormatException();
                    }
                }
                if (v[0] < v[2] && v[1] < v[3]) {
                    return new MapBounds(v[0], v[1], v[2], v[3]);
                }
            } catch (IllegalArgumentException e) {
                // falls through to the field problem (NumberFormatException, or outside WGS-84's ranges)
            }
        }
        throw new InvalidInputException("bbox", "map.error.bbox", bbox.length() > 100 ? bbox.substring(0, 100) : bbox);
    }

    /** @throws InvalidInputException naming zoom unless it is a whole number from 0 to 22 */
    static @Nullable Integer parseZoom(@Nullable String zoom) {
        if (zoom == null || zoom.isBlank()) {
            return null;
        }
        try {
            int z = Integer.parseInt(zoom.strip());
            if (z >= 0 && z <= 22) {
                return z;
            }
        } catch (NumberFormatException e) {
            // the field problem below
        }
        throw new InvalidInputException("zoom", "map.error.zoom", zoom.length() > 20 ? zoom.substring(0, 20) : zoom);
    }
}
