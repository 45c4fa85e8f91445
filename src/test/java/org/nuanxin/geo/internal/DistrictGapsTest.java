package org.nuanxin.geo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.nuanxin.geo.Distances;
import org.nuanxin.geo.Division;
import org.nuanxin.geo.GeoPoint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simplified district boundaries leave gaps between neighbours; a point in one is still in
 * Chongqing (issue 7: WGS-84 29.6150, 106.6230 was "not in Chongqing"), a point clearly outside is not.
 */
class DistrictGapsTest {

    /** 渝中, 江北, 沙坪坝, 九龙坡, 南岸, 大渡口, 渝北, 巴南. */
    private static final Set<String> URBAN =
            Set.of("500103", "500105", "500106", "500107", "500108", "500104", "500112", "500113");

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static ChongqingDivisions divisions;
    private static Map<String, Geometry> geometries;
    /** The city's outline: the union of every district with the holes (the gaps between neighbours) filled. */
    private static Geometry outline;

    @BeforeAll
    static void load() throws IOException {
        divisions = new ChongqingDivisions();
        geometries = new TreeMap<>();
        try (InputStream in =
                DistrictGapsTest.class.getClassLoader().getResourceAsStream(ChongqingDivisions.DISTRICTS_GEOJSON)) {
            JsonNode fc = JsonMapper.builder().build().readTree(in);
            for (JsonNode f : fc.path("features")) {
                geometries.put(
                        f.path("properties").path("code").asString(), GeoJsonGeometries.read(f.path("geometry")));
            }
        }
        Geometry union = UnaryUnionOp.union(
                geometries.values().stream().map(g -> g.buffer(0)).toList());
        List<Polygon> filled = new ArrayList<>();
        for (int i = 0; i < union.getNumGeometries(); i++) {
            Polygon p = (Polygon) union.getGeometryN(i);
            filled.add(FACTORY.createPolygon(p.getExteriorRing().getCoordinates()));
        }
        outline = FACTORY.createMultiPolygon(filled.toArray(Polygon[]::new));
    }

    @Test
    void theReportedPointIsInAnUrbanDistrict() {
        GeoPoint reported = GeoPoint.of(106.6230, 29.6150);
        assertThat(inAnyPolygon(reported))
                .as("the example lies in a gap of the data")
                .isFalse();
        assertThat(divisions.locateDistrict(reported))
                .get()
                .extracting(Division::code)
                .isIn(URBAN);
    }

    @Test
    void everyPointOfAFineGridOverTheUrbanDistrictsInsideTheCityIsInADistrict() {
        Envelope urban = new Envelope();
        URBAN.forEach(code -> urban.expandToInclude(geometries.get(code).getEnvelopeInternal()));
        IndexedPointInAreaLocator inCity = new IndexedPointInAreaLocator(outline);
        List<IndexedPointInAreaLocator> polygons =
                geometries.values().stream().map(IndexedPointInAreaLocator::new).toList();
        double step = 0.002;
        int inside = 0;
        int inGaps = 0;
        List<String> unresolved = new ArrayList<>();
        for (double lat = urban.getMinY(); lat <= urban.getMaxY(); lat += step) {
            for (double lng = urban.getMinX(); lng <= urban.getMaxX(); lng += step) {
                if (inCity.locate(new Coordinate(lng, lat)) == Location.EXTERIOR) {
                    continue;
                }
                inside++;
                GeoPoint p = GeoPoint.of(lng, lat);
                Coordinate c = new Coordinate(lng, lat);
                if (polygons.stream().allMatch(l -> l.locate(c) == Location.EXTERIOR)) {
                    inGaps++;
                }
                if (divisions.locateDistrict(p).isEmpty()) {
                    unresolved.add(String.format("%.4f,%.4f", lat, lng));
                }
            }
        }
        assertThat(inside).as("grid points inside the city").isGreaterThan(50_000);
        assertThat(inGaps).as("grid points in gaps between district polygons").isPositive();
        assertThat(unresolved)
                .as("grid points inside the city without a district")
                .isEmpty();
    }

    @Test
    void pointsFiveKilometresOrMoreOutsideTheCityAreRefused() {
        Envelope around = outline.getEnvelopeInternal();
        around.expandBy(0.3);
        int checked = 0;
        IndexedPointInAreaLocator inCity = new IndexedPointInAreaLocator(outline);
        IndexedFacetDistance toEdge = new IndexedFacetDistance(outline.getBoundary());
        for (double lat = around.getMinY(); lat <= around.getMaxY(); lat += 0.02) {
            for (double lng = around.getMinX(); lng <= around.getMaxX(); lng += 0.02) {
                Geometry point = FACTORY.createPoint(new Coordinate(lng, lat));
                if (inCity.locate(point.getCoordinate()) != Location.EXTERIOR) {
                    continue;
                }
                Coordinate nearest = toEdge.nearestPoints(point)[0];
                double metres = Distances.metres(lng, lat, nearest.x, nearest.y);
                if (metres >= 5_000) {
                    checked++;
                    assertThat(divisions.locateDistrict(GeoPoint.of(lng, lat)))
                            .as("%.3f,%.3f, %.0f m outside", lat, lng, metres)
                            .isEmpty();
                } else if (metres > ChongqingDivisions.GAP_TOLERANCE_METRES + 50) {
                    assertThat(divisions.locateDistrict(GeoPoint.of(lng, lat)))
                            .as("%.3f,%.3f, %.0f m outside", lat, lng, metres)
                            .isEmpty();
                }
            }
        }
        assertThat(checked).isGreaterThan(1_000);
    }

    private static boolean inAnyPolygon(GeoPoint p) {
        Geometry point = FACTORY.createPoint(new Coordinate(p.longitude(), p.latitude()));
        return geometries.values().stream().anyMatch(g -> g.buffer(0).intersects(point));
    }
}
