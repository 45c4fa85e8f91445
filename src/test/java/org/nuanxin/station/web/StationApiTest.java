package org.nuanxin.station.web;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.CoordinateTransform;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.station.StationFinder;
import org.nuanxin.support.NuanxinTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;

@NuanxinTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nuanxin.station.demo-data=true")
class StationApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    StationFinder finder;

    @Test
    void findsTheNearestStationsWithDistanceMinutesAndLinks() throws Exception {
        GeoPoint here = new GeoPoint(106.5734, 29.5603);
        var expected = finder.nearest(here, Set.of(), false, 5);
        mvc.perform(get("/api/v1/stations/nearest")
                        .param("lat", "29.5603")
                        .param("lng", "106.5734")
                        .param("limit", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.query.districtCode").value("500103"))
                .andExpect(jsonPath("$.query.crs").value("WGS84"))
                .andExpect(jsonPath("$.stations", hasSize(5)))
                .andExpect(jsonPath("$.stations[0].station.code")
                        .value(expected.get(0).station().code()))
                .andExpect(jsonPath("$.stations[0].distanceMetres")
                        .value(Math.round(expected.get(0).distanceMetres())))
                .andExpect(jsonPath("$.stations[0].walkingMinutes")
                        .value(expected.get(0).walkingMinutes()))
                .andExpect(jsonPath("$.stations[0].eBikeMinutes")
                        .value(expected.get(0).eBikeMinutes()))
                .andExpect(jsonPath("$.stations[0].station.phoneUri", containsString("tel:+86")))
                .andExpect(jsonPath(
                        "$.stations[0].station.navigationUrl", containsString("https://uri.amap.com/navigation?to=")))
                .andExpect(jsonPath("$.stations[4].station.code")
                        .value(expected.get(4).station().code()));
    }

    @Test
    void aPointPickedOnAmapOrBaiduIsConvertedFirst() throws Exception {
        // 解放碑商圈工会驿站 as picked on AMap (GCJ-02): the station itself, 0 m away.
        mvc.perform(get("/api/v1/stations/nearest")
                        .param("lat", "29.5573")
                        .param("lng", "106.5770")
                        .param("crs", "gcj02")
                        .param("limit", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stations[0].station.name").value("解放碑商圈工会驿站"))
                .andExpect(jsonPath("$.stations[0].distanceMetres").value(0));
        GeoPoint bd = CoordinateTransform.convert(
                new GeoPoint(106.5770, 29.5573), CoordinateSystem.GCJ02, CoordinateSystem.BD09);
        mvc.perform(get("/api/v1/stations/nearest")
                        .param("lat", Double.toString(bd.latitude()))
                        .param("lng", Double.toString(bd.longitude()))
                        .param("crs", "BD-09")
                        .param("limit", "1"))
                .andExpect(jsonPath("$.stations[0].station.name").value("解放碑商圈工会驿站"))
                .andExpect(jsonPath("$.stations[0].distanceMetres", lessThan(2)));
    }

    @Test
    void amenityFiltersAcceptCodesAndChineseNames() throws Exception {
        mvc.perform(get("/api/v1/stations/nearest")
                        .param("lat", "29.5603")
                        .param("lng", "106.5734")
                        .param("amenity", "饮水,MICROWAVE")
                        .param("limit", "20"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stations", hasSize(20)))
                .andExpect(jsonPath("$.stations[*].station.amenities", everyItem(hasItem("MICROWAVE"))))
                .andExpect(jsonPath("$.stations[*].station.amenities", everyItem(hasItem("WATER"))));
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            lat=91&lng=106.5               | lat
            lat=-90.5&lng=106.5            | lat
            lat=29.5&lng=181               | lng
            lat=NaN&lng=106.5              | lat
            lat=29.5&lng=Infinity          | lng
            lat=abc&lng=106.5              | lat
            lng=106.5                      | lat
            lat=29.5                       | lng
            lat=39.9042&lng=116.4074       | lat
            lat=29.5&lng=106.5&crs=utm     | crs
            lat=29.5&lng=106.5&amenity=泳池 | amenity
            lat=29.5&lng=106.5&limit=0     | limit
            lat=29.5&lng=106.5&limit=51    | limit
            lat=29.5&lng=106.5&limit=x     | limit
            """)
    void badInputIsAProblemDetailNamingTheField(String query, String field) throws Exception {
        mvc.perform(get("/api/v1/stations/nearest?" + query))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)));
    }

    @Test
    void aPointOutsideChongqingNamesBothCoordinates() throws Exception {
        mvc.perform(get("/api/v1/stations/nearest").param("lat", "30.6598").param("lng", "104.0633"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("lat")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("lng")))
                .andExpect(jsonPath("$.errors[0].message").value("该位置不在重庆市范围内"));
        mvc.perform(get("/api/v1/stations/nearest")
                        .param("lat", "30.6598")
                        .param("lng", "104.0633")
                        .param("lang", "en"))
                .andExpect(jsonPath("$.errors[0].message").value("This point is outside Chongqing"));
    }

    @Test
    void oneStationByCode() throws Exception {
        mvc.perform(get("/api/v1/stations/500103-0002"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("解放碑商圈工会驿站"))
                .andExpect(jsonPath("$.location.lng", closeTo(106.5733, 0.001)))
                .andExpect(jsonPath("$.contactPhone").value("+8613800000102"))
                // PIPL data minimisation: the service phone, not the name of the person answering it.
                .andExpect(jsonPath("$.contactName").doesNotExist());
        mvc.perform(get("/api/v1/stations/nope"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void aClosedStationIsNotSignpostedToRiders(@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc)
            throws Exception {
        jdbc.sql("UPDATE station SET status = 'CLOSED' WHERE code = '500103-0002'")
                .update();
        try {
            mvc.perform(get("/api/v1/stations/500103-0002")).andExpect(status().isNotFound());
        } finally {
            jdbc.sql("UPDATE station SET status = 'OPEN' WHERE code = '500103-0002'")
                    .update();
        }
        mvc.perform(get("/api/v1/stations/500103-0002")).andExpect(status().isOk());
    }

    @Test
    void thePublicMapLayerListsOpenStationsOnlyWhateverIsAsked(
            @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) throws Exception {
        String box = "106.55,29.54,106.60,29.57";
        jdbc.sql("UPDATE station SET status = 'CLOSED' WHERE code = '500103-0002'")
                .update();
        jdbc.sql("UPDATE station SET status = 'SUSPENDED' WHERE code = '500103-0001'")
                .update();
        try {
            mvc.perform(get("/api/v1/stations").param("bbox", box).param("zoom", "15"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.clustered").value(false))
                    .andExpect(jsonPath("$.features", not(empty())))
                    .andExpect(jsonPath("$.features[*].properties.status", everyItem(is("OPEN"))))
                    .andExpect(jsonPath("$.features[*].properties.code", not(hasItem("500103-0002"))))
                    .andExpect(jsonPath("$.features[*].properties.code", not(hasItem("500103-0001"))));
            for (String asked : new String[] {"CLOSED", "关闭", "SUSPENDED", "暂停"}) {
                mvc.perform(get("/api/v1/stations")
                                .param("bbox", box)
                                .param("zoom", "15")
                                .param("status", asked))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.total").value(0))
                        .andExpect(jsonPath("$.features", hasSize(0)));
            }
            mvc.perform(get("/api/v1/stations")
                            .param("status", "OPEN")
                            .param("bbox", box)
                            .param("zoom", "15"))
                    .andExpect(jsonPath("$.features[*].properties.code", not(hasItem("500103-0002"))))
                    .andExpect(jsonPath("$.features", not(empty())));
            // Staff see every status on the console map's own layer; anonymous clients get nothing there.
            mvc.perform(get("/console/stations/layer")
                            .param("bbox", box)
                            .param("zoom", "15")
                            .param("status", "CLOSED")
                            .with(SecurityMockMvcRequestPostProcessors.user("staff")
                                    .roles("UNION_STAFF")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.features[*].properties.code", hasItem("500103-0002")))
                    .andExpect(jsonPath("$.features[*].properties.status", everyItem(is("CLOSED"))));
            mvc.perform(get("/console/stations/layer").param("status", "CLOSED"))
                    .andExpect(status().is(org.hamcrest.Matchers.oneOf(302, 401, 403)));
        } finally {
            jdbc.sql("UPDATE station SET status = 'OPEN' WHERE code IN ('500103-0001', '500103-0002')")
                    .update();
        }
    }

    @Test
    void theMapLayerIsGeoJson() throws Exception {
        mvc.perform(get("/api/v1/stations").param("district", "500103"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.features[0].geometry.type").value("Point"))
                .andExpect(jsonPath("$.features[*].properties.code", everyItem(containsString("500103-"))));
    }

    @Test
    void aMisspeltMapFilterIsRefusedNotIgnored() throws Exception {
        mvc.perform(get("/api/v1/stations").param("amenity", "游泳池").param("status", "营业"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("amenity")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("status")));
        mvc.perform(get("/api/v1/stations").param("district", "江北新区"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("district"));
        // Names are as good as codes: the same non-empty layer either way.
        String byCode = mvc.perform(
                        get("/api/v1/stations").param("district", "500103").param("amenity", "MICROWAVE"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.features", not(empty())))
                .andExpect(jsonPath("$.features[*].properties.code", everyItem(containsString("500103-"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String byName = mvc.perform(
                        get("/api/v1/stations").param("district", "渝中区").param("amenity", "微波炉"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        org.assertj.core.api.Assertions.assertThat(byName).isEqualTo(byCode);
    }

    @Test
    void aDistrictNamedInTheLinkIsShownChosen() throws Exception {
        for (String district : new String[] {"渝中区", "500103"}) {
            String html = mvc.perform(get("/m/stations").param("district", district))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            var chosen = org.jsoup.Jsoup.parse(html).select("select[name=district] option[selected]");
            org.assertj.core.api.Assertions.assertThat(chosen).as(district).hasSize(1);
            org.assertj.core.api.Assertions.assertThat(chosen.attr("value")).isEqualTo("500103");
        }
    }

    @Test
    void anUnknownDistrictOnTheWorkerPageSaysSoInWords() throws Exception {
        mvc.perform(get("/m/stations").param("district", "江北新区"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("“江北新区”不是重庆市的区县")));
    }

    @Test
    void districtsAndBoundaries() throws Exception {
        mvc.perform(get("/api/v1/districts"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(38)))
                .andExpect(jsonPath("$[2].code").value("500103"))
                .andExpect(jsonPath("$[2].name").value("渝中区"));
        String wgs = mvc.perform(get("/api/v1/districts/boundaries"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String gcj = mvc.perform(get("/api/v1/districts/boundaries").param("crs", "gcj02"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        org.assertj.core.api.Assertions.assertThat(gcj).isNotEqualTo(wgs).contains("\"FeatureCollection\"");
        mvc.perform(get("/api/v1/districts/boundaries").param("crs", "mars"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("crs"))
                .andExpect(jsonPath("$.errors[0].message").value("坐标系“mars”无法识别，可选：wgs84、gcj02（高德/腾讯）、bd09（百度）"));
    }

    @Test
    void theApiIsDocumentedAndProbesAnswer() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/stations/nearest'].get.parameters[*].name", hasItem("openNow")));
        mvc.perform(get("/actuator/health/liveness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("UP")));
    }

    @Test
    void theWorkerPageListsStationsForADistrictWithoutJavaScript() throws Exception {
        mvc.perform(get("/m/stations").param("district", "500103"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("渝中区的 10 个驿站，按距区县中心的距离排列")))
                .andExpect(content().string(containsString("href=\"tel:+86")))
                .andExpect(content().string(containsString("https://uri.amap.com/navigation")));
        // A shared or reloaded link keeps its position, so the filter chips refine that same place.
        mvc.perform(get("/m/stations")
                        .param("lat", "29.5603")
                        .param("lng", "106.5734")
                        .param("crs", "gcj02"))
                .andExpect(content().string(containsString("id=\"f-lat\" value=\"29.5603\"")))
                .andExpect(content().string(containsString("id=\"f-lng\" value=\"106.5734\"")))
                .andExpect(content().string(containsString("id=\"f-crs\" value=\"gcj02\"")));
        mvc.perform(get("/m/stations/results").param("lat", "39.9").param("lng", "116.4"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该位置不在重庆市范围内")));
    }
}
