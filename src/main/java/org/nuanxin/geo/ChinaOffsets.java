package org.nuanxin.geo;

/**
 * The GCJ-02 and BD-09 offsets on raw longitude/latitude degrees, with the constants of the
 * published open-source implementations (coordtransform, gcoord, Hutool, which agree to 1e-9°).
 * Arrays are {@code {longitude, latitude}}.
 */
final class ChinaOffsets {

    /** Semi-major axis of the Krasovsky 1940 ellipsoid in metres, which GCJ-02 is built on. */
    private static final double A = 6378245.0;
    /** First eccentricity squared of Krasovsky 1940. */
    private static final double EE = 0.00669342162296594323;

    private static final double X_PI = Math.PI * 3000.0 / 180.0;

    /** The inverse stops when the forward transform reproduces the input this closely (degrees). */
    static final double INVERSE_TOLERANCE_DEGREES = 1e-9;
    /** The inverse converges in 3–5 steps in China; the cap only guards against a non-converging edge. */
    static final int INVERSE_MAX_ITERATIONS = 30;

    private ChinaOffsets() {}

    /**
     * Whether GCJ-02 equals WGS-84 at this point: outside the outline of mainland China ({@link MainlandChina}), so
     * Hong Kong, Macao, Taiwan and every other country are not offset. The published algorithm tests only a
     * rectangle (longitude 72.004–137.8347, latitude 0.8293–55.8271) and so moves points in Seoul, Osaka or Ulan
     * Bator by about 500 m; the rectangle is kept as a first, cheap test.
     *
     * @param lng longitude in degrees
     * @param lat latitude in degrees
     */
    public static boolean outOfChina(double lng, double lat) {
        return outOfRectangle(lng, lat) || !MainlandChina.contains(lng, lat);
    }

    /** The published algorithm's rectangle, kept for the comparison in tests. */
    static boolean outOfRectangle(double lng, double lat) {
        return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    public static double[] wgs84ToGcj02(double lng, double lat) {
        if (outOfChina(lng, lat)) {
            return new double[] {lng, lat};
        }
        double dLat = offsetLat(lng - 105.0, lat - 35.0);
        double dLng = offsetLng(lng - 105.0, lat - 35.0);
        double radLat = lat / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLng = (dLng * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {lng + dLng, lat + dLat};
    }

    /**
     * Inverts {@link #wgs84ToGcj02} by fixed-point iteration: the offset changes by under 1e-4 per
     * degree, so subtracting the residual contracts by about that factor each step. The one-step
     * inverse most libraries ship stops after the first step and is off by up to 2e-5° in Chongqing.
     */
    public static double[] gcj02ToWgs84(double lng, double lat) {
        if (outOfChina(lng, lat)) {
            return new double[] {lng, lat};
        }
        double wLng = lng;
        double wLat = lat;
        for (int i = 0; i < INVERSE_MAX_ITERATIONS; i++) {
            double[] g = wgs84ToGcj02(wLng, wLat);
            double errLng = g[0] - lng;
            double errLat = g[1] - lat;
            if (Math.abs(errLng) < INVERSE_TOLERANCE_DEGREES && Math.abs(errLat) < INVERSE_TOLERANCE_DEGREES) {
                break;
            }
            wLng -= errLng;
            wLat -= errLat;
        }
        return new double[] {wLng, wLat};
    }

    /** The common one-step inverse, kept only so tests can show what the iteration buys. */
    static double[] gcj02ToWgs84OneStep(double lng, double lat) {
        if (outOfChina(lng, lat)) {
            return new double[] {lng, lat};
        }
        double[] g = wgs84ToGcj02(lng, lat);
        return new double[] {lng * 2 - g[0], lat * 2 - g[1]};
    }

    /** Baidu's published GCJ-02 to BD-09 formula. */
    public static double[] gcj02ToBd09(double lng, double lat) {
        double z = Math.sqrt(lng * lng + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
        double theta = Math.atan2(lat, lng) + 0.000003 * Math.cos(lng * X_PI);
        return new double[] {z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006};
    }

    /**
     * Baidu's published BD-09 to GCJ-02 formula. It is itself approximate (about 1e-6°, 0.1 m), but
     * it is what Baidu's own tools and every library use, so results agree with theirs to 1e-9°;
     * iterating would disagree with them by more than it gains.
     */
    public static double[] bd09ToGcj02(double lng, double lat) {
        double x = lng - 0.0065;
        double y = lat - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
        return new double[] {z * Math.cos(theta), z * Math.sin(theta)};
    }

    private static double offsetLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double offsetLng(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
