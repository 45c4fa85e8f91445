package org.nuanxin.station;

/**
 * A WGS-84 bounding box, west ≤ east and south ≤ north (a box across the antimeridian is not supported).
 *
 * @param west  least longitude
 * @param south least latitude
 * @param east  greatest longitude
 * @param north greatest latitude
 */
public record MapBounds(double west, double south, double east, double north) {

    /** All of Chongqing, with a margin: what the map layer covers when no box is given. */
    public static final MapBounds CHONGQING = new MapBounds(105.0, 28.0, 110.5, 32.5);

    public MapBounds {
        if (!(west <= east) || !(south <= north) || west < -180 || east > 180 || south < -90 || north > 90) {
            throw new IllegalArgumentException("not a WGS-84 box: " + west + "," + south + "," + east + "," + north);
        }
    }

    public boolean contains(double longitude, double latitude) {
        return longitude >= west && longitude <= east && latitude >= south && latitude <= north;
    }
}
