package org.nuanxin.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChinaOffsetsTest {

    @Test
    void oneStepInverseIsOffByMoreThan1e5SomewhereInChongqingWhileIterationStaysWithin1e7() {
        SplittableRandom random = new SplittableRandom(42);
        double worstOneStep = 0;
        double worstIterative = 0;
        for (int i = 0; i < 5_000; i++) {
            double lng = random.nextDouble(105.28, 110.20);
            double lat = random.nextDouble(28.16, 32.21);
            double[] gcj = ChinaOffsets.wgs84ToGcj02(lng, lat);
            double[] oneStep = ChinaOffsets.gcj02ToWgs84OneStep(gcj[0], gcj[1]);
            double[] iterative = ChinaOffsets.gcj02ToWgs84(gcj[0], gcj[1]);
            worstOneStep = Math.max(worstOneStep, Math.max(Math.abs(oneStep[0] - lng), Math.abs(oneStep[1] - lat)));
            worstIterative =
                    Math.max(worstIterative, Math.max(Math.abs(iterative[0] - lng), Math.abs(iterative[1] - lat)));
        }
        assertThat(worstOneStep).isGreaterThan(1e-5);
        assertThat(worstIterative).isLessThan(1e-7);
    }

    @Test
    void inverseReproducesTheGcjInputWithinItsStoppingTolerance() {
        double[] wgs = ChinaOffsets.gcj02ToWgs84(106.5515641, 29.563013);
        double[] gcj = ChinaOffsets.wgs84ToGcj02(wgs[0], wgs[1]);
        assertThat(Math.abs(gcj[0] - 106.5515641)).isLessThan(ChinaOffsets.INVERSE_TOLERANCE_DEGREES);
        assertThat(Math.abs(gcj[1] - 29.563013)).isLessThan(ChinaOffsets.INVERSE_TOLERANCE_DEGREES);
    }

    @Test
    void theRectangleIsStillTheFirstCheck() {
        assertThat(ChinaOffsets.outOfChina(72.003, 30)).isTrue();
        assertThat(ChinaOffsets.outOfChina(137.8348, 30)).isTrue();
        assertThat(ChinaOffsets.outOfChina(110, 0.8292)).isTrue();
        assertThat(ChinaOffsets.outOfChina(110, 55.8272)).isTrue();
        assertThat(ChinaOffsets.wgs84ToGcj02(183, 45)).containsExactly(183, 45);
        assertThat(ChinaOffsets.gcj02ToWgs84(183, 45)).containsExactly(183, 45);
    }

    /** WGS-84 longitude, latitude of places inside the published rectangle but outside the mainland. */
    @ParameterizedTest(name = "{0} is not offset")
    @CsvSource({
        "Osaka, 135.5023, 34.6937",
        "Seoul, 126.9780, 37.5665",
        "Hong Kong (Central), 114.1588, 22.2819",
        "Hong Kong (Tsim Sha Tsui), 114.1722, 22.2988",
        "Macao, 113.5439, 22.1987",
        "Taipei, 121.5654, 25.0330",
        "Kaohsiung, 120.3014, 22.6273",
        "Ulan Bator, 106.9057, 47.8864",
        "Hanoi, 105.8342, 21.0278",
        "Pyongyang, 125.7625, 39.0392"
    })
    void placesOutsideTheMainlandAreNotOffset(String place, double lng, double lat) {
        assertThat(ChinaOffsets.outOfRectangle(lng, lat))
                .as("%s is inside the published rectangle", place)
                .isFalse();
        assertThat(ChinaOffsets.outOfChina(lng, lat)).isTrue();
        assertThat(ChinaOffsets.wgs84ToGcj02(lng, lat)).containsExactly(lng, lat);
        assertThat(ChinaOffsets.gcj02ToWgs84(lng, lat)).containsExactly(lng, lat);
        GeoPoint p = new GeoPoint(lng, lat);
        assertThat(CoordinateTransform.convert(p, CoordinateSystem.WGS84, CoordinateSystem.GCJ02))
                .isEqualTo(p);
    }

    /** WGS-84 longitude, latitude of mainland cities, from the far west to the far south and north-east. */
    @ParameterizedTest(name = "{0} is offset by {3}–{4} m")
    @CsvSource({
        "Chongqing (解放碑), 106.5734, 29.5603, 250, 700",
        "Beijing (天安门), 116.3975, 39.9087, 250, 700",
        "Urumqi, 87.6168, 43.8256, 50, 700",
        "Harbin, 126.6425, 45.7567, 250, 700",
        "Sanya, 109.5119, 18.2528, 250, 700",
        "Shenzhen (福田), 114.0579, 22.5431, 250, 700",
        "Zhuhai (拱北), 113.5500, 22.2200, 250, 700",
        "Xiamen, 118.0894, 24.4798, 250, 700",
        "Lhasa, 91.1172, 29.6469, 50, 700"
    })
    void mainlandCitiesAreOffset(String place, double lng, double lat, double minMetres, double maxMetres) {
        assertThat(ChinaOffsets.outOfChina(lng, lat)).isFalse();
        GeoPoint p = new GeoPoint(lng, lat);
        GeoPoint gcj = CoordinateTransform.fromWgs84(p, CoordinateSystem.GCJ02);
        assertThat(Distances.metres(p, gcj)).isBetween(minMetres, maxMetres);
        assertThat(Distances.metres(p, CoordinateTransform.toWgs84(gcj, CoordinateSystem.GCJ02)))
                .isLessThan(0.05);
    }

    @Test
    void theOutlineIsOneValidMultiPolygonAroundTheMainlandOnly() {
        var outline = MainlandChina.outline();
        assertThat(outline.isValid()).isTrue();
        assertThat(outline.getGeometryType()).isEqualTo("MultiPolygon");
        var box = outline.getEnvelopeInternal();
        // Xinjiang's western tip is near 73.5° E, Heilongjiang's eastern edge near 134.8° E and Mohe near 53.5° N;
        // Hainan's southern tip near 18.2° N (the South China Sea islands are not in the outline).
        assertThat(box.getMinX()).isBetween(73.0, 74.0);
        assertThat(box.getMaxX()).isBetween(134.5, 135.2);
        assertThat(box.getMaxY()).isBetween(53.3, 53.7);
        assertThat(box.getMinY()).isBetween(18.0, 18.3);
    }
}
