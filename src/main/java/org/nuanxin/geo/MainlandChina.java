package org.nuanxin.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * The area where GCJ-02 offsets apply: the outline of mainland China (31 provinces with Hainan; not Hong Kong, Macao
 * or Taiwan), from ECharts 4.9.0's china.json, simplified to about 1 km ({@code geo/china-mainland.wkt}, provenance
 * and licence in {@code geo/PROVENANCE.md}). A point test is a JTS prepared-geometry {@code covers} after a rectangle
 * check, a few microseconds.
 */
final class MainlandChina {

    private static final String RESOURCE = "/geo/china-mainland.wkt";

    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    /** Loaded on first use; the class is only touched by a conversion that needs it. */
    private static final PreparedGeometry OUTLINE = PreparedGeometryFactory.prepare(read());

    private static final double MIN_LNG =
            OUTLINE.getGeometry().getEnvelopeInternal().getMinX();
    private static final double MAX_LNG =
            OUTLINE.getGeometry().getEnvelopeInternal().getMaxX();
    private static final double MIN_LAT =
            OUTLINE.getGeometry().getEnvelopeInternal().getMinY();
    private static final double MAX_LAT =
            OUTLINE.getGeometry().getEnvelopeInternal().getMaxY();

    private MainlandChina() {}

    /**
     * @param lng longitude in degrees (WGS-84 or GCJ-02: the outline is coarser than their difference)
     * @param lat latitude in degrees
     * @return whether the point lies in the mainland outline (on its edge counts as inside)
     */
    static boolean contains(double lng, double lat) {
        if (!(lng >= MIN_LNG && lng <= MAX_LNG && lat >= MIN_LAT && lat <= MAX_LAT)) {
            return false;
        }
        return OUTLINE.covers(FACTORY.createPoint(new Coordinate(lng, lat)));
    }

    /** @return the outline, for tests and drawing */
    static Geometry outline() {
        return OUTLINE.getGeometry();
    }

    private static Geometry read() {
        try (InputStream in = MainlandChina.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new WKTReader(FACTORY).read(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException(RESOURCE + " is not valid WKT", e);
        }
    }
}
