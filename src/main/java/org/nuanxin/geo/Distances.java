package org.nuanxin.geo;

/** Great-circle distances between WGS-84 points. */
public final class Distances {

    /** Mean Earth radius in metres (IUGG, R1). */
    public static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private Distances() {}

    /**
     * Haversine great-circle distance on a sphere of radius {@link #EARTH_RADIUS_METRES}; within 0.5%
     * of the ellipsoidal distance, plenty for a service circle.
     *
     * @return metres between the two WGS-84 points
     */
    public static double metres(double lng1, double lat1, double lng2, double lat2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lng2 - lng1);
        double s = Math.sin(dPhi / 2);
        double t = Math.sin(dLambda / 2);
        double h = s * s + Math.cos(phi1) * Math.cos(phi2) * t * t;
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** @return metres between two WGS-84 points */
    public static double metres(GeoPoint a, GeoPoint b) {
        return metres(a.longitude(), a.latitude(), b.longitude(), b.latitude());
    }
}
