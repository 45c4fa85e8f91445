package org.nuanxin.station;

/**
 * A station found near a point, with how far it is.
 *
 * @param station        the station
 * @param distanceMetres great-circle distance from the query point, metres
 * @param walkingMinutes estimated minutes on foot (straight line × detour factor ÷ walking speed), rounded up
 * @param eBikeMinutes   estimated minutes by e-bike, rounded up
 * @param openNow        whether its opening hours include the current time in Asia/Shanghai
 */
public record NearbyStation(
        StationSummary station, double distanceMetres, long walkingMinutes, long eBikeMinutes, boolean openNow) {}
