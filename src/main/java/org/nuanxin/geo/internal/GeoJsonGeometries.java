package org.nuanxin.geo.internal;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import tools.jackson.databind.JsonNode;

/**
 * Reads GeoJSON (RFC 7946) Polygon and MultiPolygon geometries into JTS. jts-io's GeoJsonReader is
 * not a dependency and only areas are needed, so this small reader does it with Jackson's tree.
 */
final class GeoJsonGeometries {

    /** SRID 4326: RFC 7946 coordinates are always WGS-84 longitude, latitude. */
    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private GeoJsonGeometries() {}

    /**
     * @return a Polygon, or a MultiPolygon without its zero-area parts
     * @throws IllegalArgumentException for another geometry type or malformed coordinates
     */
    static Geometry read(JsonNode geometry) {
        String type = geometry.path("type").asString("");
        JsonNode coordinates = geometry.path("coordinates");
        return switch (type) {
            case "Polygon" -> polygon(coordinates);
            case "MultiPolygon" -> {
                List<Polygon> parts = new ArrayList<>();
                for (JsonNode part : coordinates) {
                    Polygon polygon = polygon(part);
                    // Decoding the quantised source left zero-area slivers (a, b, a); they hold no
                    // point and only make locating ambiguous, so they are dropped.
                    if (polygon.getArea() > 0) {
                        parts.add(polygon);
                    }
                }
                if (parts.isEmpty()) {
                    throw new IllegalArgumentException("a MultiPolygon with no part of positive area");
                }
                yield FACTORY.createMultiPolygon(parts.toArray(Polygon[]::new));
            }
            default -> throw new IllegalArgumentException("expected a Polygon or MultiPolygon, got '" + type + "'");
        };
    }

    private static Polygon polygon(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException("a polygon needs at least an outer ring");
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions) {
        int n = positions.size();
        if (n < 3) {
            throw new IllegalArgumentException("a ring needs at least 3 positions, got " + n);
        }
        JsonNode first = positions.get(0);
        JsonNode last = positions.get(n - 1);
        // RFC 7946 requires closed rings; tolerate an open one rather than fail at startup.
        boolean closed = first.get(0).asDouble() == last.get(0).asDouble()
                && first.get(1).asDouble() == last.get(1).asDouble();
        Coordinate[] coords = new Coordinate[closed ? n : n + 1];
        for (int i = 0; i < n; i++) {
            JsonNode p = positions.get(i);
            if (p == null || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw new IllegalArgumentException("position " + i + " is not [longitude, latitude]: " + p);
            }
            coords[i] = new Coordinate(p.get(0).doubleValue(), p.get(1).doubleValue());
        }
        if (!closed) {
            coords[n] = coords[0].copy();
        }
        return FACTORY.createLinearRing(coords);
    }
}
