package org.nuanxin.geo.internal;

import java.time.Duration;
import java.util.Objects;
import org.nuanxin.geo.TravelMode;
import org.nuanxin.geo.TravelTimeEstimator;
import org.springframework.stereotype.Component;

/** The configured straight-line travel-time model: metres × detour factor ÷ speed. */
@Component
public class StraightLineTravelTimeEstimator implements TravelTimeEstimator {

    private static final double NANOS_PER_SECOND = 1e9;

    private final TravelProperties properties;

    public StraightLineTravelTimeEstimator(TravelProperties properties) {
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    @Override
    public Duration estimate(double straightLineMetres, TravelMode mode) {
        if (!Double.isFinite(straightLineMetres) || straightLineMetres < 0) {
            throw new IllegalArgumentException(
                    "distance must be a finite, non-negative number of metres, was " + straightLineMetres);
        }
        double seconds = straightLineMetres * properties.detourFactor() / metresPerSecond(mode);
        long whole = (long) seconds;
        // Rounded to the nanosecond so that 1040.0 s stays exactly 1040 s and minutes() does not round up a hair.
        return Duration.ofSeconds(whole, Math.round((seconds - whole) * NANOS_PER_SECOND));
    }

    /**
     * @throws IllegalArgumentException if {@code within} is negative
     */
    @Override
    public double reachMetres(Duration within, TravelMode mode) {
        Objects.requireNonNull(within, "within");
        if (within.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, was " + within);
        }
        double seconds = within.getSeconds() + within.getNano() / NANOS_PER_SECOND;
        return seconds * metresPerSecond(mode) / properties.detourFactor();
    }

    private double metresPerSecond(TravelMode mode) {
        double kmh = switch (Objects.requireNonNull(mode, "mode")) {
            case WALKING -> properties.walkingSpeedKmh();
            case E_BIKE -> properties.eBikeSpeedKmh();
        };
        return kmh * 1000.0 / 3600.0;
    }
}
