package org.nuanxin.station.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.nuanxin.geo.Distances;
import org.nuanxin.geo.Divisions;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.station.OpeningHours;
import org.nuanxin.station.StationFinder;
import org.nuanxin.support.NuanxinTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The rider page's rules without a browser: a district wins over a position and is honest about what its distances
 * are from; bad parameters are words on the page naming the field; hours and district names in English.
 */
@NuanxinTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nuanxin.station.demo-data=true")
class RiderPageTest {

    /** 解放碑, WGS-84, in 渝中区. */
    static final String LAT = "29.5603";

    static final String LNG = "106.5734";

    @Autowired
    MockMvc mvc;

    @Autowired
    StationFinder finder;

    @Autowired
    Divisions divisions;

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        String html = mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }

    private static List<String> problems(Document doc) {
        return doc.select(".nx-problem p").eachText();
    }

    @Test
    void aDistrictChosenAfterASharedPositionShowsThatDistrictsStationsMeasuredFromItsCentre() throws Exception {
        // The form without JavaScript sends the shared link's hidden position along with the district chosen.
        Document doc =
                page(get("/m/stations").param("lat", LAT).param("lng", LNG).param("district", "500112"));
        assertThat(problems(doc)).isEmpty();
        Element data = doc.selectFirst("#result-data");
        assertThat(data.attr("data-mode")).isEqualTo("district");
        List<Element> rows = doc.select(".nx-station");
        assertThat(rows).hasSize(10);
        GeoPoint centre = divisions.labelPoint("500112");
        double previous = -1;
        for (Element row : rows) {
            String code = row.attr("data-code");
            var station = finder.nearest(centre, Set.of(), false, finder.maxLimit()).stream()
                    .filter(n -> n.station().code().equals(code))
                    .findFirst()
                    .orElseThrow();
            assertThat(station.station().districtCode()).as(code).isEqualTo("500112");
            assertThat(station.distanceMetres()).isGreaterThanOrEqualTo(previous);
            previous = station.distanceMetres();
            // Said as "from the district centre", with no travel times as if the rider stood there.
            assertThat(row.select(".nx-from-centre").text()).startsWith("距区县中心 ");
            assertThat(row.text()).doesNotContain("步行约").doesNotContain("电动车约");
        }
        assertThat(Distances.metres(centre, station(doc, rows.get(0))))
                .isLessThanOrEqualTo(Distances.metres(centre, station(doc, rows.get(9))));
        assertThat(doc.select(".nx-status").text()).contains("渝北区的 10 个驿站，按距区县中心的距离排列");
        assertThat(doc.select(".nx-note").text()).contains("未使用您的位置");
        // The district's position is not kept as the rider's: the hidden fields are empty.
        assertThat(doc.selectFirst("#f-lat").val()).isEmpty();
        assertThat(doc.selectFirst("#f-lng").val()).isEmpty();
        assertThat(doc.selectFirst("select[name=district] option[selected]").val())
                .isEqualTo("500112");
    }

    private GeoPoint station(Document doc, Element row) {
        return finder.nearest(divisions.labelPoint("500112"), Set.of(), false, finder.maxLimit()).stream()
                .filter(n -> n.station().code().equals(row.attr("data-code")))
                .findFirst()
                .orElseThrow()
                .station()
                .location();
    }

    @Test
    void aPositionSearchGivesDistancesAndTravelTimesFromThatPoint() throws Exception {
        Document doc = page(get("/m/stations").param("lat", LAT).param("lng", LNG));
        assertThat(doc.selectFirst("#result-data").attr("data-mode")).isEqualTo("position");
        assertThat(doc.select(".nx-station .nx-distance strong").first().text()).matches("\\d+(\\.\\d)? (米|公里)");
        assertThat(doc.select(".nx-station").first().text()).contains("步行约");
        assertThat(doc.select(".nx-from-centre")).isEmpty();
        assertThat(doc.selectFirst("#f-lat").val()).isEqualTo(LAT);
    }

    @Test
    void aLatitudeThatIsNotANumberIsAMessageNamingTheField() throws Exception {
        Document doc = page(get("/m/stations").param("lat", "abc").param("lng", LNG));
        assertThat(problems(doc)).containsExactly("纬度（lat）“abc”不是数字");
        assertThat(doc.select(".nx-station")).isEmpty();
        assertThat(doc.selectFirst("#f-lat").val()).isEmpty();
        assertThat(page(get("/m/stations/results").param("lat", LAT).param("lng", "1e3x"))
                        .select(".nx-problem p")
                        .eachText())
                .containsExactly("经度（lng）“1e3x”不是数字");
    }

    @Test
    void openNowThatIsNeitherTrueNorFalseIsAMessageNamingTheField() throws Exception {
        Document doc = page(get("/m/stations").param("openNow", "maybe"));
        assertThat(problems(doc)).containsExactly("“现在开放”（openNow）只能是 true 或 false，不能是“maybe”");
        assertThat(problems(page(get("/m/stations").param("openNow", "maybe").param("lang", "en"))))
                .containsExactly("openNow must be true or false, not \"maybe\"");
        // The checkbox's own value still works.
        assertThat(problems(page(get("/m/stations").param("district", "500103").param("openNow", "true"))))
                .isEmpty();
    }

    @Test
    void aLatitudeWithoutALongitudeSaysTheLongitudeIsMissing() throws Exception {
        assertThat(problems(page(get("/m/stations").param("lat", LAT)))).containsExactly("缺少经度（lng）：位置需要同时给出纬度和经度");
        assertThat(problems(page(get("/m/stations").param("lng", LNG)))).containsExactly("缺少纬度（lat）：位置需要同时给出纬度和经度");
        assertThat(problems(page(get("/m/stations").param("lat", "95").param("lng", LNG))))
                .containsExactly("纬度（lat）必须是 -90 到 90 之间的数字");
    }

    @Test
    void aHugeDistrictValueIsNeverEchoedWhole() throws Exception {
        String huge = "渝".repeat(5000);
        Document doc = page(get("/m/stations").param("district", huge));
        String expected = "“" + "渝".repeat(63) + "…”不是重庆市的区县，请填写如“渝中区”";
        assertThat(problems(doc)).containsExactly(expected);
        assertThat(doc.html()).doesNotContain("渝".repeat(64));
        String amenity = "x".repeat(5000);
        assertThat(problems(page(get("/m/stations").param("district", "500103").param("amenity", amenity))))
                .containsExactly("服务设施“" + "x".repeat(63) + "…”无法识别");
    }

    @Test
    void weChatOnAndroidIsTakenToAnswerInGcj02AndALinksOwnSystemWins() throws Exception {
        String weChat = "Mozilla/5.0 (Linux; Android 13; V2219A) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MicroMessenger/8.0.47.2560";
        Document doc = page(get("/m/stations").header("User-Agent", weChat));
        assertThat(doc.selectFirst("#f-crs").val()).isEqualTo("gcj02");
        assertThat(doc.selectFirst("script[data-position-crs]").attr("data-position-crs"))
                .isEqualTo("gcj02");
        String chrome = "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120 Mobile";
        assertThat(page(get("/m/stations").header("User-Agent", chrome))
                        .selectFirst("#f-crs")
                        .val())
                .isEqualTo("wgs84");
        assertThat(page(get("/m/stations")
                                .header("User-Agent", weChat)
                                .param("lat", LAT)
                                .param("lng", LNG)
                                .param("crs", "wgs84"))
                        .selectFirst("#f-crs")
                        .val())
                .isEqualTo("wgs84");
    }

    @Test
    void englishShowsHoursInEnglishAndDistrictsWithPinyin() throws Exception {
        Document doc = page(get("/m/stations").param("district", "500103").param("lang", "en"));
        assertThat(doc.select("select[name=district] option").eachText())
                .contains("渝中区 Yuzhong", "长寿区 Changshou", "南岸区 Nan'an", "忠县 Zhongxian", "大渡口区 Dadukou");
        assertThat(doc.select(".nx-status").text()).contains("10 stations in 渝中区 Yuzhong");
        List<String> hours = doc.select(".nx-hours").eachText();
        assertThat(hours)
                .isNotEmpty()
                .allSatisfy(h -> assertThat(h)
                        .startsWith("Hours ")
                        .doesNotContainPattern("\\p{IsHan}")
                        .matches("Hours (Open 24 hours|\\d\\d:\\d\\d–\\d\\d:\\d\\d(, \\d\\d:\\d\\d–\\d\\d:\\d\\d)*)"));
        assertThat(page(get("/m/stations").param("district", "500103"))
                        .select("select[name=district] option")
                        .eachText())
                .contains("渝中区")
                .doesNotContain("渝中区 Yuzhong");
    }

    @Test
    void hoursAreFormattedInTheInterfaceLanguage() {
        assertThat(WorkerStationController.hours(OpeningHours.parse("全天24小时"), true))
                .isNull();
        assertThat(WorkerStationController.hours(OpeningHours.parse("08:00-22:00"), true))
                .isEqualTo("08:00–22:00");
        assertThat(WorkerStationController.hours(OpeningHours.parse("09:00-12:00,14:00-18:00"), true))
                .isEqualTo("09:00–12:00, 14:00–18:00");
        assertThat(WorkerStationController.hours(OpeningHours.parse("09:00-12:00,14:00-18:00"), false))
                .isEqualTo("09:00–12:00，14:00–18:00");
    }
}
