package org.nuanxin.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeoPointAndDistancesTest {

    @Test
    void oneDegreeOfLatitudeIsTheMeanRadiusTimesPiOver180() {
        // 6,371,008.8 m × π / 180 = 111,195.08 m
        assertThat(Distances.metres(106.5, 29.0, 106.5, 30.0)).isCloseTo(111_195.08, within(0.01));
    }

    @Test
    void jiefangbeiToGuanyinqiaoIsAboutFiveKilometres() {
        double m = Distances.metres(GeoPoint.of(106.5736, 29.5600), GeoPoint.of(106.5293, 29.5829));
        // Δlat 0.0229° ≈ 2,546 m, Δlng 0.0443° × cos 29.57° ≈ 4,285 m; haversine gives 4,983.9 m
        assertThat(m).isCloseTo(4_983.9, within(0.1));
        assertThat(Distances.metres(106.5, 29.5, 106.5, 29.5)).isZero();
    }

    @Test
    void geoPointRejectsOutOfRangeValues() {
        assertThatThrownBy(() -> GeoPoint.of(183, 45))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("183");
        assertThatThrownBy(() -> GeoPoint.of(106, 91)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GeoPoint.of(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "wgs84, WGS84",
        "WGS-84, WGS84",
        "GPS, WGS84",
        "gcj02, GCJ02",
        "GCJ-02, GCJ02",
        "高德, GCJ02",
        "火星坐标, GCJ02",
        "bd09, BD09",
        "BD-09, BD09",
        "百度, BD09"
    })
    void parsesCoordinateSystemNamesAsStaffWriteThem(String text, CoordinateSystem expected) {
        assertThat(CoordinateSystem.parse(text)).contains(expected);
    }

    @Test
    void parsesNothingFromOtherText() {
        assertThat(CoordinateSystem.parse("mercator")).isEmpty();
        assertThat(CoordinateSystem.parse(null)).isEmpty();
    }
}
