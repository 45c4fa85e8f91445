package org.nuanxin.geo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.CoordinateTransform;
import org.nuanxin.geo.Division;
import org.nuanxin.geo.GeoPoint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ChongqingDivisionsTest {

    private static ChongqingDivisions divisions;
    private static JsonNode sourceGeoJson;

    @BeforeAll
    static void load() throws IOException {
        divisions = new ChongqingDivisions();
        sourceGeoJson = readSourceGeoJson();
    }

    /** The bundled GeoJSON as published, read independently of the class under test. */
    private static JsonNode readSourceGeoJson() throws IOException {
        try (InputStream in = ChongqingDivisionsTest.class
                .getClassLoader()
                .getResourceAsStream(ChongqingDivisions.DISTRICTS_GEOJSON)) {
            return JsonMapper.builder().build().readTree(in);
        }
    }

    /** 500239 (黔江's county code until it became 500114) is unused too, though the shared README omits it. */
    @Test
    void holdsThe38CountyLevelCodesInCodeOrder() {
        List<String> expected = new ArrayList<>();
        IntStream.rangeClosed(500101, 500120).forEach(c -> expected.add(String.valueOf(c)));
        IntStream.rangeClosed(500151, 500156).forEach(c -> expected.add(String.valueOf(c)));
        IntStream.rangeClosed(500229, 500243)
                .filter(c -> c != 500232 && c != 500234 && c != 500239)
                .forEach(c -> expected.add(String.valueOf(c)));
        assertThat(expected).hasSize(38);
        assertThat(divisions.districts()).extracting(Division::code).containsExactlyElementsOf(expected);
        assertThat(divisions.districts()).allSatisfy(d -> {
            assertThat(d.level()).isEqualTo(Division.Level.DISTRICT);
            assertThat(d.parentCode()).isEqualTo("500000");
            assertThat(d.validFrom()).isEqualTo(LocalDate.of(2023, 1, 1));
            assertThat(d.validTo()).isEmpty();
        });
    }

    @Test
    void holds1031TownshipsEachUnderItsCountyCode() {
        List<Division> all = divisions.districts().stream()
                .flatMap(d -> divisions.townships(d.code()).stream())
                .toList();
        assertThat(all).hasSize(1031);
        assertThat(all).allSatisfy(t -> {
            assertThat(t.code()).matches("\\d{9}").startsWith(t.parentCode());
            assertThat(t.level()).isEqualTo(Division.Level.TOWNSHIP);
            assertThat(t.validFrom()).isEqualTo(LocalDate.of(2023, 1, 1));
        });
        assertThat(divisions.townships("500103"))
                .hasSize(11)
                .extracting(Division::name)
                .startsWith("七星岗街道", "解放碑街道", "两路口街道");
        assertThat(divisions.townships("500240")).hasSize(33);
        assertThat(divisions.townships("999999")).isEmpty();
        assertThat(divisions.townships(null)).isEmpty();
    }

    @Test
    void findsDivisionsByCode() {
        assertThat(divisions.byCode("500103")).get().extracting(Division::name).isEqualTo("渝中区");
        assertThat(divisions.byCode("500103003")).get().satisfies(t -> {
            assertThat(t.name()).isEqualTo("解放碑街道");
            assertThat(t.parentCode()).isEqualTo("500103");
        });
        assertThat(divisions.byCode("500000")).get().extracting(Division::level).isEqualTo(Division.Level.PROVINCE);
        assertThat(divisions.byCode("500232")).isEmpty();
        assertThat(divisions.byCode(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "渝中区, 500103",
        "渝中, 500103",
        "500103, 500103",
        "' 渝中 ', 500103",
        "重庆市渝中区, 500103",
        "重庆渝中区, 500103",
        "石柱, 500240",
        "石柱县, 500240",
        "石柱自治县, 500240",
        "石柱土家族自治县, 500240",
        "秀山, 500241",
        "酉阳县, 500242",
        "彭水, 500243",
        "彭水苗族土家族自治县, 500243",
        "忠县, 500233",
        "忠, 500233",
        "梁平县, 500155",
        "梁平, 500155",
        "武隆县, 500156",
        "江北, 500105",
        "两江新区, ''",
        "万州, 500101",
        "开县, 500154",
        "500243, 500243"
    })
    void findsDistrictsByTheNamesStaffWrite(String text, String expectedCode) {
        Optional<Division> found = divisions.districtByName(text);
        if (expectedCode.isEmpty()) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).get().extracting(Division::code).isEqualTo(expectedCode);
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"成都", "成都市", "500000", "500232", "500103003", "解放碑街道", "110101", "区", "县"})
    void findsNoDistrictForOtherText(String text) {
        assertThat(divisions.districtByName(text)).isEmpty();
    }

    static Stream<Arguments> labelPoints() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        for (JsonNode f : readSourceGeoJson().path("features")) {
            JsonNode p = f.path("properties");
            rows.add(Arguments.of(
                    p.path("code").asString(),
                    p.path("name").asString(),
                    p.path("label_point").get(0).doubleValue(),
                    p.path("label_point").get(1).doubleValue()));
        }
        assertThat(rows).hasSize(38);
        return rows.stream();
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("labelPoints")
    void everyLabelPointLocatesIntoItsOwnDistrict(String code, String name, double lng, double lat) {
        assertThat(divisions.locateDistrict(GeoPoint.of(lng, lat)))
                .get()
                .extracting(Division::code, Division::name)
                .containsExactly(code, name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "解放碑, 106.5736, 29.5600, 500103",
        "观音桥, 106.5293, 29.5829, 500105",
        "万州 label area, 108.3757, 30.8101, 500101",
        "北京 (outside), 116.40, 39.91, ''",
        "成都 (outside), 104.06, 30.67, ''",
        "London (outside), -0.1276, 51.5072, ''"
    })
    void locatesKnownPlaces(String place, double lng, double lat, String expectedCode) {
        Optional<Division> found = divisions.locateDistrict(GeoPoint.of(lng, lat));
        if (expectedCode.isEmpty()) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).get().extracting(Division::code).isEqualTo(expectedCode);
        }
    }

    @Test
    void aGcj02PointMustBeConvertedFirst() {
        // 解放碑 as AMap shows it; converted back to WGS-84 it lies in 渝中区.
        GeoPoint gcj = CoordinateTransform.fromWgs84(GeoPoint.of(106.5736, 29.5600), CoordinateSystem.GCJ02);
        assertThat(divisions.locateDistrict(CoordinateTransform.toWgs84(gcj, CoordinateSystem.GCJ02)))
                .get()
                .extracting(Division::code)
                .isEqualTo("500103");
    }

    /** Zero-area slivers (rings like a, b, a) are dropped when loading; every part with area remains. */
    @Test
    void everyPartOfEveryMultiPolygonBelongsToItsDistrict() {
        int parts = 0;
        for (JsonNode f : sourceGeoJson.path("features")) {
            Geometry g = GeoJsonGeometries.read(f.path("geometry"));
            String code = f.path("properties").path("code").asString();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                Point inside = part.getInteriorPoint();
                Optional<Division> found = divisions.locateDistrict(GeoPoint.of(inside.getX(), inside.getY()));
                if (part.getArea() >= 1e-5) {
                    assertThat(found)
                            .as("part %d of %s", i, code)
                            .get()
                            .extracting(Division::code)
                            .isEqualTo(code);
                } else {
                    // Slivers under ~0.1 km² (铜梁's 100 m triangle at 106.162 E, 29.924 N lies inside 合川)
                    // are the data's resolution at work; either neighbour is an honest answer.
                    assertThat(found).as("part %d of %s", i, code).isPresent();
                }
                parts++;
            }
        }
        // 31 Polygons; the 7 MultiPolygons keep 2 + 3 + 3 + 2 + 3 + 3 + 3 of their 26 parts.
        assertThat(parts).isEqualTo(31 + 2 + 3 + 3 + 2 + 3 + 3 + 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"500103", "500104", "500101", "500115", "500240", "500243"})
    void randomPointsLieInTheirDistrict(String code) {
        SplittableRandom random = new SplittableRandom(code.hashCode());
        for (int i = 0; i < 1000; i++) {
            GeoPoint p = divisions.randomPointIn(code, random);
            assertThat(divisions.locateDistrict(p))
                    .get()
                    .extracting(Division::code)
                    .isEqualTo(code);
        }
    }

    @Test
    void randomPointsAreReproducibleWithASeed() {
        assertThat(divisions.randomPointIn("500105", new SplittableRandom(1)))
                .isEqualTo(divisions.randomPointIn("500105", new SplittableRandom(1)));
    }

    @Test
    void randomPointInAnUnknownDistrictIsRefused() {
        assertThatThrownBy(() -> divisions.randomPointIn("500232", new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("500232");
        assertThatThrownBy(() -> divisions.randomPointIn("500103003", new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void boundariesAreACompactFeatureCollectionWithCodeAndName() {
        String json = divisions.boundariesGeoJson();
        assertThat(divisions.boundariesGeoJson()).isSameAs(json);
        assertThat(json)
                .doesNotContain("\n")
                .doesNotContain("label_point")
                .startsWith("{\"type\":\"FeatureCollection\"");
        JsonNode fc = JsonMapper.builder().build().readTree(json);
        assertThat(fc.path("features")).hasSize(38);
        JsonNode first = fc.path("features").get(0);
        assertThat(first.path("properties").propertyNames()).containsExactly("code", "name");
        assertThat(first.path("properties").path("code").asString()).isEqualTo("500101");
        assertThat(first.path("properties").path("name").asString()).isEqualTo("万州区");
        assertThat(first.path("geometry").path("type").asString()).isIn("Polygon", "MultiPolygon");
        assertThat(json.length()).isLessThan(600_000);
    }
}
