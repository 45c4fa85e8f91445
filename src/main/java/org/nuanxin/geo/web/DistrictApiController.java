package org.nuanxin.geo.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.Division;
import org.nuanxin.geo.Divisions;
import org.nuanxin.kernel.InvalidInputException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** Read-only reference data: Chongqing's districts and their boundaries. */
@RestController
@RequestMapping("/api/v1/districts")
@Tag(name = "Districts", description = "Chongqing's 38 county-level divisions (GB/T 2260, 2023) and boundaries")
class DistrictApiController {

    private final Divisions divisions;

    DistrictApiController(Divisions divisions) {
        this.divisions = divisions;
    }

    /**
     * @param code GB/T 2260 code
     * @param name official name
     * @param lng  label point longitude, WGS-84 degrees
     * @param lat  label point latitude, WGS-84 degrees
     */
    record DistrictView(String code, String name, double lng, double lat) {}

    @GetMapping
    @Operation(summary = "The districts and counties with their label points (WGS-84)")
    List<DistrictView> districts() {
        return divisions.districts().stream().map(this::view).toList();
    }

    @GetMapping(
            value = "/boundaries",
            produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    @Operation(
            summary = "District boundaries as GeoJSON (about 100 m resolution)",
            description = "crs=wgs84 (default), gcj02 or bd09: the system to draw in, e.g. gcj02 over AMap tiles.")
    ResponseEntity<String> boundaries(@RequestParam(required = false) String crs, WebRequest request) {
        CoordinateSystem system = CoordinateSystem.WGS84;
        if (crs != null && !crs.isBlank()) {
            system = CoordinateSystem.parse(crs)
                    .orElseThrow(() -> new InvalidInputException("crs", "geo.error.crs", crs));
        }
        String body = divisions.boundariesGeoJson(system);
        // Cached for a day; after that the browser asks again with If-None-Match and gets a 304 (no 140 KB body)
        // unless the boundaries changed. String.hashCode is computed once per (cached) string.
        // Weak (W/): Tomcat does not gzip an answer with a strong ETag (the gzipped bytes are another entity).
        String etag = "W/\"" + Integer.toHexString(body.hashCode()) + "-" + body.length() + "\"";
        CacheControl day = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(304).eTag(etag).cacheControl(day).build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(day)
                .eTag(etag)
                .body(body);
    }

    private DistrictView view(Division d) {
        var p = divisions.labelPoint(d.code());
        return new DistrictView(d.code(), d.name(), p.longitude(), p.latitude());
    }
}
