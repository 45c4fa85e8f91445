package org.nuanxin.geo.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The travel-time model's settings under {@code nuanxin.geo.travel} (defaults documented in
 * application.yaml). Checked when bound, so a wrong value stops startup with a message naming the key.
 *
 * @param detourFactor    street distance over straight-line distance, at least 1 (1.3 is the
 *                        usual urban circuity figure; Chongqing's hills argue for no less)
 * @param walkingSpeedKmh walking speed in km/h, more than 0 (4.5 ≈ 75 m a minute)
 * @param eBikeSpeedKmh   e-bike speed in km/h, more than 0 (15 is well under the 25 km/h limit of GB 17761-2018)
 * @throws IllegalArgumentException if a value is out of range or not finite
 */
@ConfigurationProperties("nuanxin.geo.travel")
public record TravelProperties(
        @DefaultValue("1.3") double detourFactor,
        @DefaultValue("4.5") double walkingSpeedKmh,
        @DefaultValue("15") double eBikeSpeedKmh) {

    public TravelProperties {
        if (!Double.isFinite(detourFactor) || detourFactor < 1) {
            throw new IllegalArgumentException(
                    "nuanxin.geo.travel.detour-factor must be at least 1 (streets are never shorter than the straight line), was "
                            + detourFactor);
        }
        requirePositive("nuanxin.geo.travel.walking-speed-kmh", walkingSpeedKmh);
        requirePositive("nuanxin.geo.travel.e-bike-speed-kmh", eBikeSpeedKmh);
    }

    private static void requirePositive(String key, double kmh) {
        if (!Double.isFinite(kmh) || kmh <= 0) {
            throw new IllegalArgumentException(key + " must be a speed in km/h greater than 0, was " + kmh);
        }
    }
}
