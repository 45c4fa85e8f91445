package org.nuanxin.geo;

import java.time.Duration;

/**
 * Estimates travel time for the 15-minute service circle as straight-line distance times a detour
 * factor divided by the speed of the mode. An estimate, not a route: it ignores rivers, bridges
 * and Chongqing's hills; configured under {@code nuanxin.geo.travel}.
 */
public interface TravelTimeEstimator {

    /**
     * @param straightLineMetres great-circle distance in metres, not negative
     * @return the estimated travel time, to the nanosecond
     * @throws IllegalArgumentException if the distance is negative or not finite
     */
    Duration estimate(double straightLineMetres, TravelMode mode);

    /** @return the estimate in whole minutes, rounded up (a rider never arrives early on paper) */
    default long minutes(double straightLineMetres, TravelMode mode) {
        Duration d = estimate(straightLineMetres, mode);
        long whole = d.toMinutes();
        // Any part of a minute, even under a second, counts as a minute (toSeconds() would drop it).
        return d.equals(Duration.ofMinutes(whole)) ? whole : whole + 1;
    }

    /**
     * The inverse of {@link #estimate}: within × speed ÷ detour factor.
     *
     * @return the greatest straight-line distance in metres reachable within {@code within}
     * @throws IllegalArgumentException if {@code within} is negative
     */
    double reachMetres(Duration within, TravelMode mode);
}
