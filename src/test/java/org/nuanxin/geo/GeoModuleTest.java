package org.nuanxin.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The geo module started alone (with the shared kernel): the divisions from the reference data, the
 * point lookup and the travel-time estimate configured by {@code nuanxin.geo.travel.*}.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
class GeoModuleTest {

    @Autowired
    Divisions divisions;

    @Autowired
    TravelTimeEstimator travel;

    @Test
    void startsWithTheReferenceDivisionsAndTheConfiguredSpeeds() {
        assertThat(divisions.districts()).hasSize(38);
        // 解放碑 (WGS-84) lies in 渝中区.
        assertThat(divisions.locateDistrict(new GeoPoint(106.5733, 29.5597)))
                .map(Division::code)
                .hasValue("500103");
        // 1,000 m × 1.3 detour at 4.5 km/h = 17.3 minutes, rounded up; at 15 km/h = 5.2, rounded up.
        assertThat(travel.minutes(1000, TravelMode.WALKING)).isEqualTo(18);
        assertThat(travel.minutes(1000, TravelMode.E_BIKE)).isEqualTo(6);
    }
}
