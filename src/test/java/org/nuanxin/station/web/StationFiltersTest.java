package org.nuanxin.station.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nuanxin.station.Amenity;
import org.nuanxin.station.StationCatalog;
import org.nuanxin.station.StationFilter;
import org.nuanxin.station.StationStatus;
import org.nuanxin.support.AsStaff;
import org.nuanxin.support.NuanxinTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * One filter parser serves the console list, the xlsx export, the console map's GeoJSON layer and the
 * API: each refuses a misspelt amenity or status by name (in words on pages, 400 in the API), takes a
 * district's name or code, and splits amenities on the same separators, meaning "all of these".
 */
@NuanxinTest(properties = "nuanxin.station.demo-data=true")
@AutoConfigureMockMvc
class StationFiltersTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    StationCatalog catalog;

    private static MockHttpServletRequestBuilder asStaff(MockHttpServletRequestBuilder request) {
        return request.with(user("staff").roles("UNION_STAFF"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "amenity,桑拿, finder.error.amenity",
        "status,营业, station.error.status",
        "district,江北新区, station.error.district"
    })
    void theApiRefusesAMisspeltFilterNamingIt(String field, String value, String code) throws Exception {
        mvc.perform(get("/api/v1/stations").param(field, value))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].code").value(code))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString(value)));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"amenity,桑拿", "status,营业", "district,江北新区"})
    void theConsoleListSaysInWordsWhatItDidNotRecognise(String field, String value) throws Exception {
        String html = mvc.perform(asStaff(get("/console/stations").param(field, value)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("role=\"alert\"").contains("“" + value + "”");
        assertThat(html).as("nothing listed, not everything").contains("共 0 个驿站");
    }

    @Test
    void anExportWithAMisspeltFilterGoesBackToTheListInsteadOfExportingEverything() throws Exception {
        mvc.perform(asStaff(get("/console/stations/export.xlsx")
                        .param("status", "营业")
                        .param("q", "解放碑")))
                .andExpect(status().isFound())
                .andExpect(header().string(
                                "Location",
                                org.hamcrest.Matchers.endsWith(
                                        "/console/stations?status=%E8%90%A5%E4%B8%9A&q=%E8%A7%A3%E6%94%BE%E7%A2%91")));
    }

    @Test
    void aDistrictByNameOrCodeFiltersTheSameEverywhere() throws Exception {
        long yuzhong = AsStaff.call(() -> catalog.count(new StationFilter("500103", Set.of(), null, null, null)));
        assertThat(yuzhong).isPositive().isLessThan(AsStaff.call(() -> catalog.count(StationFilter.ALL)));
        for (String district : new String[] {"渝中区", "500103", "渝中"}) {
            assertThat(features(get("/api/v1/stations").param("district", district)))
                    .as(district)
                    .isEqualTo(yuzhong);
            assertThat(listed(get("/console/stations").param("district", district)))
                    .as(district)
                    .isEqualTo(yuzhong);
            assertThat(exportedRows(get("/console/stations/export.xlsx").param("district", district)))
                    .as(district)
                    .isEqualTo(yuzhong);
        }
    }

    @Test
    void severalAmenitiesMeanAllOfThemWithTheSameSeparatorsEverywhere() throws Exception {
        long both = AsStaff.call(() ->
                catalog.count(new StationFilter(null, EnumSet.of(Amenity.WATER, Amenity.MICROWAVE), null, null, null)));
        long water =
                AsStaff.call(() -> catalog.count(new StationFilter(null, EnumSet.of(Amenity.WATER), null, null, null)));
        assertThat(both).isPositive().isLessThan(water);
        assertThat(features(get("/api/v1/stations").param("amenity", "WATER").param("amenity", "MICROWAVE")))
                .isEqualTo(both);
        for (String amenities : new String[] {"饮水,微波炉", "热水、热饭", "WATER；MICROWAVE", "饮水 微波炉", "饮水/微波炉"}) {
            assertThat(features(get("/api/v1/stations").param("amenity", amenities)))
                    .as(amenities)
                    .isEqualTo(both);
            assertThat(listed(get("/console/stations").param("amenity", amenities)))
                    .as(amenities)
                    .isEqualTo(both);
        }
        mvc.perform(get("/api/v1/stations/nearest")
                        .param("lat", "29.5573")
                        .param("lng", "106.5770")
                        .param("amenity", "饮水、桑拿"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amenity"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("桑拿")));
    }

    @Test
    void statusByCodeOrChineseName(@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) throws Exception {
        jdbc.sql("UPDATE station SET status = 'CLOSED' WHERE code IN ('500103-0001', '500103-0002')")
                .update();
        try {
            long closed = AsStaff.call(
                    () -> catalog.count(new StationFilter(null, Set.of(), StationStatus.CLOSED, null, null)));
            assertThat(closed).isGreaterThanOrEqualTo(2);
            // The console map's layer (staff): every status; the public layer lists open stations only.
            assertThat(features(asStaff(get("/console/stations/layer")).param("status", "关闭")))
                    .isEqualTo(closed);
            assertThat(features(asStaff(get("/console/stations/layer")).param("status", "closed")))
                    .isEqualTo(closed);
            assertThat(features(get("/api/v1/stations").param("status", "关闭"))).isZero();
        } finally {
            jdbc.sql("UPDATE station SET status = 'OPEN' WHERE code IN ('500103-0001', '500103-0002')")
                    .update();
        }
    }

    /** How many stations the map layer shows: one per station feature, {@code count} per cluster (over 1,000). */
    private long features(MockHttpServletRequestBuilder request) throws Exception {
        String json = mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        java.util.List<Map<String, Object>> features = JsonPath.read(json, "$.features[*].properties");
        long stations = features.stream()
                .mapToLong(p -> p.containsKey("count") ? ((Number) p.get("count")).longValue() : 1)
                .sum();
        assertThat(stations).isEqualTo(((Number) JsonPath.read(json, "$.total")).longValue());
        return stations;
    }

    private long listed(MockHttpServletRequestBuilder request) throws Exception {
        String html = mvc.perform(asStaff(request))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var m = java.util.regex.Pattern.compile("共 ([\\d,]+) 个驿站").matcher(html);
        assertThat(m.find()).as("count line").isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    private long exportedRows(MockHttpServletRequestBuilder request) throws Exception {
        byte[] xlsx = mvc.perform(asStaff(request))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            return workbook.getSheetAt(0).getLastRowNum(); // row 0 is the header
        }
    }
}
