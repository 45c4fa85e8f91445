package org.nuanxin.geo;

/**
 * A point as longitude and latitude in degrees. Which coordinate system the numbers are in is
 * stated wherever a point crosses a boundary; inside Nuanxin a stored point is WGS-84.
 *
 * @param longitude degrees east, -180..180
 * @param latitude  degrees north, -90..90
 * @throws IllegalArgumentException if either value is NaN, infinite or out of range
 */
public record GeoPoint(double longitude, double latitude) {

    public GeoPoint {
        if (!Double.isFinite(longitude) || longitude < -180 || longitude > 180) {
            throw new IllegalArgumentException("longitude must be a number from -180 to 180, was " + longitude);
        }
        if (!Double.isFinite(latitude) || latitude < -90 || latitude > 90) {
            throw new IllegalArgumentException("latitude must be a number from -90 to 90, was " + latitude);
        }
    }

    public static GeoPoint of(double longitude, double latitude) {
        return new GeoPoint(longitude, latitude);
    }
}
