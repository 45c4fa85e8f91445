package org.nuanxin.geo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nuanxin.geo.TravelMode;
import org.nuanxin.geo.TravelTimeEstimator;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class TravelTimeTest {

    private final TravelTimeEstimator estimator =
            new StraightLineTravelTimeEstimator(new TravelProperties(1.3, 4.5, 15));

    @Test
    void walkingOneKilometreStraightIs1300MetresAt75MetresAMinute() {
        assertThat(estimator.estimate(1000, TravelMode.WALKING)).isEqualTo(Duration.ofSeconds(1040));
        assertThat(estimator.minutes(1000, TravelMode.WALKING)).isEqualTo(18); // 17.33 rounded up
    }

    @Test
    void eBikeOneKilometreStraightIs1300MetresAt250MetresAMinute() {
        assertThat(estimator.estimate(1000, TravelMode.E_BIKE)).isEqualTo(Duration.ofMillis(312_000));
        assertThat(estimator.minutes(1000, TravelMode.E_BIKE)).isEqualTo(6); // 5.2 rounded up
    }

    @Test
    void aFractionOfASecondPastAMinuteIsAnotherMinute() {
        // Walking covers 1.25 m/s of street: 480.5 s is 8 minutes and half a second, so 9 minutes.
        assertThat(estimator.estimate(480.5 * 1.25 / 1.3, TravelMode.WALKING)).isEqualTo(Duration.ofMillis(480_500));
        assertThat(estimator.minutes(480.5 * 1.25 / 1.3, TravelMode.WALKING)).isEqualTo(9);
        assertThat(estimator.minutes(0.5 * 1.25 / 1.3, TravelMode.WALKING)).isEqualTo(1);
    }

    @Test
    void exactMinutesAreNotRoundedUp() {
        // 750 m of street at 75 m/min is exactly 10 minutes.
        assertThat(estimator.minutes(750 / 1.3, TravelMode.WALKING)).isEqualTo(10);
        assertThat(estimator.minutes(0, TravelMode.WALKING)).isZero();
    }

    @Test
    void reachIsTheInverseOfTheEstimate() {
        // 15 min × 75 m/min = 1125 m of street = 865.38 m straight.
        assertThat(estimator.reachMetres(Duration.ofMinutes(15), TravelMode.WALKING))
                .isCloseTo(1125 / 1.3, within(1e-9));
        assertThat(estimator.reachMetres(Duration.ofMinutes(15), TravelMode.WALKING))
                .isCloseTo(865.3846, within(1e-4));
        // 15 min × 250 m/min = 3750 m of street = 2884.62 m straight.
        assertThat(estimator.reachMetres(Duration.ofMinutes(15), TravelMode.E_BIKE))
                .isCloseTo(2884.6154, within(1e-4));
        double reach = estimator.reachMetres(Duration.ofSeconds(1234, 500_000_000), TravelMode.E_BIKE);
        assertThat(estimator.estimate(reach, TravelMode.E_BIKE).toNanos())
                .isCloseTo(1_234_500_000_000L, within(1_000L));
    }

    @Test
    void rejectsBadDistancesAndDurations() {
        assertThatThrownBy(() -> estimator.estimate(-1, TravelMode.WALKING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-negative");
        assertThatThrownBy(() -> estimator.estimate(Double.NaN, TravelMode.WALKING))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> estimator.estimate(Double.POSITIVE_INFINITY, TravelMode.E_BIKE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> estimator.reachMetres(Duration.ofSeconds(-1), TravelMode.WALKING))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void propertiesRejectImpossibleSettingsNamingTheKey() {
        assertThatThrownBy(() -> new TravelProperties(0.9, 4.5, 15))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nuanxin.geo.travel.detour-factor")
                .hasMessageContaining("0.9");
        assertThatThrownBy(() -> new TravelProperties(1.3, 0, 15))
                .hasMessageContaining("nuanxin.geo.travel.walking-speed-kmh");
        assertThatThrownBy(() -> new TravelProperties(1.3, 4.5, -15))
                .hasMessageContaining("nuanxin.geo.travel.e-bike-speed-kmh");
        assertThatThrownBy(() -> new TravelProperties(Double.NaN, 4.5, 15))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bindsTheApplicationYamlKeysAndDefaults() {
        TravelProperties bound = bind(Map.of(
                "nuanxin.geo.travel.detour-factor", "1.4",
                "nuanxin.geo.travel.walking-speed-kmh", "5",
                "nuanxin.geo.travel.e-bike-speed-kmh", "18"));
        assertThat(bound).isEqualTo(new TravelProperties(1.4, 5, 18));
        assertThat(bind(Map.of("nuanxin.other", "x"))).isEqualTo(new TravelProperties(1.3, 4.5, 15));
    }

    @Test
    void bindingAnImpossibleSettingFailsWithTheMessage() {
        assertThatThrownBy(() -> bind(Map.of("nuanxin.geo.travel.detour-factor", "0.5")))
                .isInstanceOf(BindException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause()
                .hasMessageContaining("detour-factor must be at least 1");
    }

    private static TravelProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("nuanxin.geo.travel", TravelProperties.class);
    }
}
