package org.nuanxin.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CoordinateTransformTest {

    /** Chongqing's bounding box, where the round-trip guarantees matter most. */
    private static final double MIN_LNG = 105.28;

    private static final double MAX_LNG = 110.20;
    private static final double MIN_LAT = 28.16;
    private static final double MAX_LAT = 32.21;

    /** Every row of vectors/coordinates.csv (copied from shared/data/vectors), read from the classpath. */
    static Stream<Arguments> vectors() throws IOException {
        try (InputStream in = CoordinateTransformTest.class.getResourceAsStream("/vectors/coordinates.csv")) {
            assertThat(in).as("vectors/coordinates.csv on the test classpath").isNotNull();
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .toList();
            assertThat(lines.get(0)).isEqualTo("from_crs,from_lng,from_lat,to_crs,to_lng,to_lat,tolerance_deg,source");
            List<Arguments> rows = lines.stream()
                    .skip(1)
                    .filter(l -> !l.isBlank())
                    .map(l -> {
                        String[] f = l.split(",", 8);
                        return Arguments.of(
                                CoordinateSystem.valueOf(f[0]),
                                Double.parseDouble(f[1]),
                                Double.parseDouble(f[2]),
                                CoordinateSystem.valueOf(f[3]),
                                Double.parseDouble(f[4]),
                                Double.parseDouble(f[5]),
                                Double.parseDouble(f[6]),
                                f[7]);
                    })
                    .toList();
            assertThat(rows).hasSize(8);
            return rows.stream();
        }
    }

    @ParameterizedTest(name = "{0} ({1}, {2}) -> {3} ±{6}: {7}")
    @MethodSource("vectors")
    void matchesPublishedVector(
            CoordinateSystem from,
            double lng,
            double lat,
            CoordinateSystem to,
            double expectedLng,
            double expectedLat,
            double tolerance,
            String source) {
        // The raw-degree overload, because one vector uses longitude 183, which GeoPoint rejects.
        double[] actual = CoordinateTransform.convert(lng, lat, from, to);
        assertThat(actual[0]).isCloseTo(expectedLng, within(tolerance));
        assertThat(actual[1]).isCloseTo(expectedLat, within(tolerance));
        if (Math.abs(lng) <= 180) {
            GeoPoint p = CoordinateTransform.convert(GeoPoint.of(lng, lat), from, to);
            assertThat(p.longitude()).isEqualTo(actual[0]);
            assertThat(p.latitude()).isEqualTo(actual[1]);
        }
    }

    @Test
    void centralChongqingOffsetIsAbout360mEastAnd320mSouth() {
        GeoPoint jiefangbei = GeoPoint.of(106.5736, 29.5600);
        GeoPoint gcj = CoordinateTransform.fromWgs84(jiefangbei, CoordinateSystem.GCJ02);
        assertThat(gcj.longitude() - jiefangbei.longitude()).isCloseTo(0.0037, within(0.0002));
        assertThat(gcj.latitude() - jiefangbei.latitude()).isCloseTo(-0.0029, within(0.0002));
        assertThat(Distances.metres(jiefangbei, gcj)).isBetween(450.0, 520.0);
    }

    @Test
    void wgs84ToGcj02AndBackIsWithin1e7DegreesAcrossChongqing() {
        SplittableRandom random = new SplittableRandom(20240917);
        double worst = 0;
        for (int i = 0; i < 5_000; i++) {
            double lng = random.nextDouble(MIN_LNG, MAX_LNG);
            double lat = random.nextDouble(MIN_LAT, MAX_LAT);
            double[] gcj = CoordinateTransform.convert(lng, lat, CoordinateSystem.WGS84, CoordinateSystem.GCJ02);
            double[] back = CoordinateTransform.convert(gcj[0], gcj[1], CoordinateSystem.GCJ02, CoordinateSystem.WGS84);
            worst = Math.max(worst, Math.max(Math.abs(back[0] - lng), Math.abs(back[1] - lat)));
        }
        assertThat(worst).isLessThan(1e-7);
    }

    @Test
    void wgs84ToBd09AndBackIsWithinBaidusOwnFormulaError() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2_000; i++) {
            GeoPoint p = GeoPoint.of(random.nextDouble(MIN_LNG, MAX_LNG), random.nextDouble(MIN_LAT, MAX_LAT));
            GeoPoint bd = CoordinateTransform.fromWgs84(p, CoordinateSystem.BD09);
            GeoPoint back = CoordinateTransform.toWgs84(bd, CoordinateSystem.BD09);
            // Baidu's published BD-09 inverse is approximate to about 1.1e-6° (0.12 m); we keep it to agree with Baidu.
            assertThat(back.longitude()).isCloseTo(p.longitude(), within(2e-6));
            assertThat(back.latitude()).isCloseTo(p.latitude(), within(2e-6));
        }
    }

    @ParameterizedTest
    @EnumSource(CoordinateSystem.class)
    void sameSystemIsIdentity(CoordinateSystem system) {
        GeoPoint p = GeoPoint.of(106.5736, 29.56);
        assertThat(CoordinateTransform.convert(p, system, system)).isEqualTo(p);
    }

    @Test
    void outsideChinaPassesThroughBetweenWgs84AndGcj02() {
        GeoPoint london = GeoPoint.of(-0.1276, 51.5072);
        assertThat(CoordinateTransform.fromWgs84(london, CoordinateSystem.GCJ02))
                .isEqualTo(london);
        assertThat(CoordinateTransform.toWgs84(london, CoordinateSystem.GCJ02)).isEqualTo(london);
    }

    @Test
    void rejectsNonFiniteCoordinates() {
        assertThatThrownBy(() ->
                        CoordinateTransform.convert(Double.NaN, 29.5, CoordinateSystem.WGS84, CoordinateSystem.GCJ02))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> CoordinateTransform.convert(
                        106.5, Double.POSITIVE_INFINITY, CoordinateSystem.GCJ02, CoordinateSystem.WGS84))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
