package org.nuanxin.station.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nuanxin.station.MapBounds;
import org.nuanxin.station.StationCatalog;
import org.nuanxin.station.StationFilter;
import org.nuanxin.station.StationMapLayer;
import org.nuanxin.support.AsStaff;
import org.nuanxin.support.NuanxinTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The map layer by bounding box and zoom (issue 7): its size stays flat as the roster grows (clusters per H3 cell
 * when zoomed out or crowded), a box is exact, a wrong box is a 400 naming bbox, and the answer is compressed.
 */
@NuanxinTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nuanxin.station.demo-data=true")
class StationMapLayerTest {

    /** What a whole-city view may weigh, uncompressed: the old layer was 1 MB at 5,444 stations and 4 MB at 22,000. */
    static final int MAX_BYTES = 150_000;

    @Autowired
    MockMvc mvc;

    @Autowired
    StationCatalog catalog;

    @Autowired
    StationMapLayer layer;

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "zoom {0}")
    @ValueSource(strings = {"", "3", "7", "9", "11", "12"})
    void theWholeCityIsClustersUnderTheBoundCountingEveryStation(String zoom) throws Exception {
        String json = mvc.perform(get("/api/v1/stations").param("zoom", zoom))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.clustered").value(true))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long all = AsStaff.call(() -> catalog.count(StationFilter.ALL));
        assertThat(all).isGreaterThanOrEqualTo(5_444);
        assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThan(MAX_BYTES);
        List<Number> counts = JsonPath.read(json, "$.features[*].properties.count");
        assertThat(counts).hasSizeLessThanOrEqualTo(layer.maxFeatures());
        assertThat(counts.stream().mapToLong(Number::longValue).sum()).isEqualTo(all);
        assertThat(((Number) JsonPath.read(json, "$.total")).longValue()).isEqualTo(all);
    }

    @Test
    void aBoxZoomedInHasExactlyTheStationsInsideIt() throws Exception {
        MapBounds box = new MapBounds(106.55, 29.54, 106.60, 29.57); // around 解放碑
        TreeSet<String> expected = new TreeSet<>();
        AsStaff.run(() -> catalog.forEach(StationFilter.ALL, s -> {
            if (box.contains(s.location().longitude(), s.location().latitude())) {
                expected.add(s.code());
            }
        }));
        assertThat(expected).hasSizeBetween(2, layer.maxFeatures());
        String json = mvc.perform(get("/api/v1/stations")
                        .param("bbox", "106.55,29.54,106.60,29.57")
                        .param("zoom", "15"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.clustered").value(false))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> codes = JsonPath.read(json, "$.features[*].properties.code");
        assertThat(new TreeSet<>(codes)).isEqualTo(expected);
        assertThat(codes).hasSameSizeAs(expected);
        // The filters still apply inside the box.
        String yuzhong = mvc.perform(get("/api/v1/stations")
                        .param("bbox", "106.55,29.54,106.60,29.57")
                        .param("zoom", "15")
                        .param("district", "渝中区"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> inYuzhong = JsonPath.read(yuzhong, "$.features[*].properties.code");
        assertThat(inYuzhong)
                .isNotEmpty()
                .allMatch(c -> c.startsWith("500103-"))
                .isSubsetOf(expected);
    }

    @ParameterizedTest(name = "bbox={0}")
    @ValueSource(
            strings = {
                "106.5,29.5,106.6",
                "106.6,29.5,106.5,29.6",
                "106.5,29.6,106.6,29.5",
                "a,b,c,d",
                "106.5,29.5,106.6,29.6,1",
                "-200,29.5,106.6,29.6",
                "106.5,-95,106.6,29.6",
                "NaN,29.5,106.6,29.6"
            })
    void aWrongBoxIsRefusedNamingIt(String bbox) throws Exception {
        mvc.perform(get("/api/v1/stations").param("bbox", bbox))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("bbox"))
                .andExpect(jsonPath("$.errors[0].code").value("map.error.bbox"));
    }

    @ParameterizedTest(name = "zoom={0}")
    @ValueSource(strings = {"-1", "23", "7.5", "far"})
    void aWrongZoomIsRefusedNamingIt(String zoom) throws Exception {
        mvc.perform(get("/api/v1/stations").param("zoom", zoom))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("zoom"));
    }

    @Test
    void theLayerIsCompressed() throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/stations?zoom=9"))
                                .header("Accept-Encoding", "gzip")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
    }
}
