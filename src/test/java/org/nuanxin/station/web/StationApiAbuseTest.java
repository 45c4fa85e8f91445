package org.nuanxin.station.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.CoordinateTransform;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.station.Amenity;
import org.nuanxin.station.StationCatalog;
import org.nuanxin.station.StationFilter;
import org.nuanxin.station.StationFinder;
import org.nuanxin.support.AsStaff;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.Outbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The finder API and the station form as a careless or curious user would drive them. */
@NuanxinTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nuanxin.station.demo-data=true")
class StationApiAbuseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    StationFinder finder;

    @Autowired
    StationCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    /** The form test's new station reaches the finder asynchronously: let it land before the next comparison. */
    @AfterEach
    void drainOutbox() {
        Outbox.awaitDrained(jdbc);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gcj02", "bd09", "wgs84"})
    void twoHundredRandomPointsAnswerLikeTheFinderOrSayTheyAreOutside(String crs) throws Exception {
        Random random = new Random(20240917L + crs.hashCode());
        CoordinateSystem system = CoordinateSystem.parse(crs).orElseThrow();
        int inside = 0;
        for (int i = 0; i < 200; i++) {
            // Chongqing's bounding box, so that most points fall inside and some outside.
            double lng = 105.28 + random.nextDouble() * (110.20 - 105.28);
            double lat = 28.16 + random.nextDouble() * (32.21 - 28.16);
            MvcResult result = mvc.perform(get("/api/v1/stations/nearest")
                            .param("lat", Double.toString(lat))
                            .param("lng", Double.toString(lng))
                            .param("crs", crs))
                    .andReturn();
            int code = result.getResponse().getStatus();
            String json = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(code).as("point %s,%s: %s", lat, lng, json).isIn(200, 400);
            if (code == 400) {
                assertThat(json).contains("\"field\":\"lat\"").contains("重庆");
                continue;
            }
            inside++;
            GeoPoint wgs = CoordinateTransform.toWgs84(new GeoPoint(lng, lat), system);
            List<String> expected = finder.nearest(wgs, Set.of(), false, 10).stream()
                    .map(n -> n.station().code())
                    .toList();
            List<String> codes = JsonPath.read(json, "$.stations[*].station.code");
            assertThat(codes).isEqualTo(expected);
            List<Number> distances = JsonPath.read(json, "$.stations[*].distanceMetres");
            assertThat(distances.stream().map(Number::longValue).toList()).isSorted();
            assertThat((String) JsonPath.read(json, "$.query.crs")).isEqualTo(system.name());
        }
        assertThat(inside).as("points inside Chongqing").isGreaterThan(40);
    }

    @Test
    void amenityInChineseLimitsAndBadInput() throws Exception {
        mvc.perform(get("/api/v1/stations/nearest")
                        .param("lat", "29.5603")
                        .param("lng", "106.5734")
                        .param("amenity", "饮水")
                        .param("limit", "50"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stations.length()").value(50))
                .andExpect(jsonPath("$.stations[*].station.amenities", Matchers.everyItem(Matchers.hasItem("WATER"))));
        mvc.perform(get("/api/v1/stations/nearest")
                        .param("lat", "29.5603")
                        .param("lng", "106.5734")
                        .param("amenity", "饮水，充电"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stations.length()").value(10))
                .andExpect(jsonPath(
                        "$.stations[*].station.amenities", Matchers.everyItem(Matchers.hasItems("WATER", "CHARGING"))));
        mvc.perform(get("/api/v1/stations/nearest")
                        .param("lat", "29.5603")
                        .param("lng", "106.5734")
                        .param("limit", "51"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(get("/api/v1/stations/nearest")
                        .param("lat", "29.5603")
                        .param("lng", "106.5734")
                        .param("limit", "0"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/stations/nearest")
                        .param("lat", "29.5603")
                        .param("lng", "106.5734")
                        .param("amenity", "咖啡"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amenity"));
        mvc.perform(get("/api/v1/stations/nearest").param("lat", "106.5734").param("lng", "29.5603"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/stations/nearest").param("lat", "NaN").param("lng", "106.5734"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/stations/nearest").param("lat", "abc").param("lng", "106.5734"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/stations/nearest")
                        .param("lat", "29.5603")
                        .param("lng", "106.5734")
                        .param("crs", "utm50"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("crs"));
        mvc.perform(get("/api/v1/stations/nearest").param("lat", "29.5603")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/stations/no-such-code")).andExpect(status().isNotFound());
    }

    @Test
    void riderPageWithAChineseAmenityOrADistrictNameWorks() throws Exception {
        String html = mvc.perform(get("/m/stations/results")
                        .param("lat", "29.5603")
                        .param("lng", "106.5734")
                        .param("amenity", "饮水"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("nx-station-name").doesNotContain("nx-problem");
        html = mvc.perform(get("/m/stations").param("district", "渝中区"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("渝中区的 10 个驿站，按距区县中心的距离排列");
        html = mvc.perform(get("/m/stations").param("lat", "39.9").param("lng", "116.4"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("nx-problem").doesNotContain("nx-station-name");
    }

    @Test
    void hoursWithoutALeadingZeroAreAcceptedAndWrittenTheStandardWay() throws Exception {
        mvc.perform(post("/console/stations/new")
                        .with(user("staff").roles("UNION_STAFF"))
                        .with(csrf())
                        .param("name", "九点开门测试驿站")
                        .param("hostType", "BANK")
                        .param("district", "渝中区")
                        .param("address", "渝中区邹容路 1 号")
                        .param("longitude", "106.5770")
                        .param("latitude", "29.5573")
                        .param("crs", "GCJ02")
                        .param("status", "OPEN")
                        .param("contactName", "刘某")
                        .param("contactPhone", "１３８００００１２３４")
                        .param("openingHours", "9:00-21:00")
                        .param("amenity", "WATER"))
                .andExpect(status().isFound());
        var s = AsStaff.call(() -> catalog.search(
                        new StationFilter("500103", null, null, "九点开门测试驿站", null),
                        PageRequest.of(0, 10, Sort.by("code"))))
                .getContent()
                .get(0);
        assertThat(s.openingHours().toString()).isEqualTo("09:00-21:00");
        assertThat(s.contactPhone()).isEqualTo("+8613800001234");
        assertThat(s.amenities()).containsExactly(Amenity.WATER);
    }
}
