package org.nuanxin.geo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.nuanxin.geo.Divisions;
import org.nuanxin.geo.TravelMode;
import org.nuanxin.geo.TravelTimeEstimator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The geo beans alone in a bare context: binding, validation at startup, and the default constructor. */
class GeoWiringTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TravelProperties.class)
    @Import({StraightLineTravelTimeEstimator.class, ChongqingDivisions.class})
    static class GeoBeans {}

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(GeoBeans.class);

    @Test
    void startsWithTheConfiguredValues() {
        runner.withPropertyValues(
                        "nuanxin.geo.travel.detour-factor=1.3",
                        "nuanxin.geo.travel.walking-speed-kmh=4.5",
                        "nuanxin.geo.travel.e-bike-speed-kmh=15")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(ctx.getBean(TravelTimeEstimator.class).estimate(1000, TravelMode.WALKING))
                            .isEqualTo(Duration.ofSeconds(1040));
                    assertThat(ctx.getBean(Divisions.class).districts()).hasSize(38);
                });
    }

    @Test
    void refusesToStartWithAnImpossibleSpeed() {
        runner.withPropertyValues("nuanxin.geo.travel.walking-speed-kmh=0").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining(
                            "nuanxin.geo.travel.walking-speed-kmh must be a speed in km/h greater than 0");
        });
    }
}
