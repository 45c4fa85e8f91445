package org.nuanxin.geo;

import java.util.Objects;

/**
 * Converts points between WGS-84, GCJ-02 and BD-09. GCJ-02 to WGS-84 is inverted iteratively to
 * within 1e-9 degrees of the forward transform (1e-7 degrees of the original point), not with the
 * common one-step approximation (off by up to 4e-5 degrees). Points outside the outline of mainland
 * China (Hong Kong, Macao, Taiwan and other countries; {@code geo/china-mainland.wkt}, about 1 km resolution) pass
 * through GCJ-02 unchanged; the published algorithm tests only a rectangle and would also shift Seoul or Osaka.
 * BD-09 converts to and from GCJ-02 with Baidu's published formulas;
 * WGS-84 and BD-09 convert through GCJ-02.
 */
public final class CoordinateTransform {

    private CoordinateTransform() {}

    /**
     * @return the point in {@code to}, converted from {@code from} (the same point when they are equal)
     * @throws IllegalArgumentException if the converted point falls outside -180..180 / -90..90
     *                                  (only possible for input at the very edge of the range)
     */
    public static GeoPoint convert(GeoPoint point, CoordinateSystem from, CoordinateSystem to) {
        Objects.requireNonNull(point, "point");
        double[] r = convert(point.longitude(), point.latitude(), from, to);
        return new GeoPoint(r[0], r[1]);
    }

    /**
     * Converts raw degrees without {@link GeoPoint}'s range check, for bulk work and for values such
     * as longitude 183 that some sources use (outside China, so they pass through unchanged between
     * WGS-84 and GCJ-02).
     *
     * @return a new array {@code {longitude, latitude}} in degrees of {@code to}
     * @throws IllegalArgumentException if either value is NaN or infinite
     */
    public static double[] convert(double longitude, double latitude, CoordinateSystem from, CoordinateSystem to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!Double.isFinite(longitude) || !Double.isFinite(latitude)) {
            throw new IllegalArgumentException(
                    "coordinates must be finite numbers, were " + longitude + ", " + latitude);
        }
        if (from == to) {
            return new double[] {longitude, latitude};
        }
        double[] gcj = switch (from) {
            case GCJ02 -> new double[] {longitude, latitude};
            case WGS84 -> ChinaOffsets.wgs84ToGcj02(longitude, latitude);
            case BD09 -> ChinaOffsets.bd09ToGcj02(longitude, latitude);
        };
        return switch (to) {
            case GCJ02 -> gcj;
            case WGS84 -> ChinaOffsets.gcj02ToWgs84(gcj[0], gcj[1]);
            case BD09 -> ChinaOffsets.gcj02ToBd09(gcj[0], gcj[1]);
        };
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
