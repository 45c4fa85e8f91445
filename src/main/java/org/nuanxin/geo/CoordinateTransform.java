package org.nuanxin.geo;

/**
 * Converts points between WGS-84, GCJ-02 and BD-09. GCJ-02 to WGS-84 is inverted iteratively to
 * within 1e-7 degrees, not with the common one-step approximation (off by up to 4e-5 degrees).
 * Points outside mainland China pass through GCJ-02 unchanged, as the published algorithm does.
 */
public final class CoordinateTransform {

    private CoordinateTransform() {
    }

    /** @return the point in {@code to}, converted from {@code from} */
    public static GeoPoint convert(GeoPoint point, CoordinateSystem from, CoordinateSystem to) {
        throw new UnsupportedOperationException("TODO geo helper");
    }

    /** @return the WGS-84 point for a point given in {@code from} */
    public static GeoPoint toWgs84(GeoPoint point, CoordinateSystem from) {
        return convert(point, from, CoordinateSystem.WGS84);
    }

    /** @return the point in {@code to} for a WGS-84 point */
    public static GeoPoint fromWgs84(GeoPoint wgs84, CoordinateSystem to) {
        return convert(wgs84, CoordinateSystem.WGS84, to);
    }
}
