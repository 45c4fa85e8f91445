package org.nuanxin.station.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.spreadsheet.ParsedSheet;
import org.nuanxin.spreadsheet.SheetSchema;
import org.nuanxin.spreadsheet.SpreadsheetReader;
import org.nuanxin.station.Station;
import org.nuanxin.station.StationCatalog;
import org.nuanxin.station.StationFilter;
import org.nuanxin.station.StationFinder;
import org.nuanxin.station.StationImportStatus;
import org.nuanxin.station.StationImports;
import org.nuanxin.support.AsStaff;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.Outbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The console's station roster pages on the demo roster: list, filters, form, conflicts, language, export. */
@NuanxinTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nuanxin.station.demo-data=true")
class ConsoleStationsTest {

    private static final StationFilter YUZHONG = new StationFilter("500103", null, null, null, null);

    @Autowired
    MockMvc mvc;

    @Autowired
    StationCatalog catalog;

    @Autowired
    StationImports imports;

    @Autowired
    StationFinder finder;

    @Autowired
    JdbcClient jdbc;

    /** No asynchronous index update of this class's changes may leak into the next test of the shared context. */
    @AfterEach
    void drainOutbox() {
        Outbox.awaitDrained(jdbc);
    }

    @Autowired
    SpreadsheetReader reader;

    private static MockHttpServletRequestBuilder asStaff(MockHttpServletRequestBuilder request) {
        return request.with(user("staff").roles("UNION_STAFF"));
    }

    /** A valid form in 渝中区 (解放碑, GCJ-02), named as given; {@code overrides} are field, value pairs. */
    private static MockHttpServletRequestBuilder validForm(
            MockHttpServletRequestBuilder request, String name, String... overrides) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("code", "");
        fields.put("name", name);
        fields.put("hostType", "COMMUNITY_SERVICE_STATION");
        fields.put("district", "500103");
        fields.put("address", "渝中区民族路 88 号");
        fields.put("longitude", "106.5770");
        fields.put("latitude", "29.5573");
        fields.put("crs", "GCJ02");
        fields.put("status", "OPEN");
        fields.put("contactName", "张某");
        fields.put("contactPhone", "13800000999");
        fields.put("openingHours", "08:00-22:00");
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        request.with(user("staff").roles("UNION_STAFF")).with(csrf()).param("amenity", "WATER", "CHARGING");
        fields.forEach(request::param);
        return request;
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The cells of each row of the first table body. */
    private static List<List<String>> tableRows(String html) {
        int start = html.indexOf("<tbody>");
        int end = html.indexOf("</tbody>", start);
        assertThat(start).as("page has a table body").isGreaterThanOrEqualTo(0);
        List<List<String>> rows = new ArrayList<>();
        for (String tr : html.substring(start, end).split("<tr")) {
            List<String> cells = new ArrayList<>();
            Matcher m = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(tr);
            while (m.find()) {
                cells.add(m.group(1).replaceAll("<[^>]+>", "").strip());
            }
            if (!cells.isEmpty()) {
                rows.add(cells);
            }
        }
        return rows;
    }

    @Test
    void anonymousUsersAreSentToLogin() throws Exception {
        mvc.perform(get("/console/stations"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
        mvc.perform(get("/console/stations/export.xlsx")).andExpect(status().isFound());
    }

    @Test
    void aStationThatDoesNotExistIsTheNotFoundPage() throws Exception {
        // Viewing and saving alike: 404 (the error page for a person), not a server error.
        mvc.perform(asStaff(get("/console/stations/NO-SUCH-CODE"))).andExpect(status().isNotFound());
        mvc.perform(asStaff(post("/console/stations/NO-SUCH-CODE")
                        .param("version", "0")
                        .with(csrf())))
                .andExpect(status().isNotFound());
    }

    @Test
    void listShowsTheTotalAndFiltersByDistrict() throws Exception {
        long all = AsStaff.call(() -> catalog.count(StationFilter.ALL));
        assertThat(all).as("demo roster loaded").isGreaterThanOrEqualTo(5444);
        String html = body(mvc.perform(asStaff(get("/console/stations")))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(html)
                .contains("共 "
                        + java.text.NumberFormat.getIntegerInstance(Locale.SIMPLIFIED_CHINESE)
                                .format(all) + " 个驿站");
        assertThat(tableRows(html)).hasSize(50);
        // On the first page "previous" is plain text, not a link to page -1; "next" leads to page 1.
        var pager = org.jsoup.Jsoup.parse(html).selectFirst("nav .pagination");
        assertThat(pager.select("a:contains(上一页)")).isEmpty();
        assertThat(pager.select("span:contains(上一页)")).hasSize(1);
        assertThat(pager.select("a:contains(下一页)").attr("href")).endsWith("page=1");

        long yuzhong = AsStaff.call(() -> catalog.count(YUZHONG));
        assertThat(yuzhong).isPositive().isLessThan(all);
        html = body(mvc.perform(asStaff(get("/console/stations").param("district", "500103")))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(html)
                .contains("共 "
                        + java.text.NumberFormat.getIntegerInstance(Locale.SIMPLIFIED_CHINESE)
                                .format(yuzhong) + " 个驿站");
        List<List<String>> rows = tableRows(html);
        assertThat(rows).hasSize((int) Math.min(50, yuzhong));
        assertThat(rows).allSatisfy(cells -> {
            assertThat(cells.get(0)).startsWith("500103-");
            assertThat(cells.get(2)).isEqualTo("渝中区");
        });
    }

    @Test
    void invalidCreateKeepsTheValuesAndSaysWhatIsWrongNextToEachField() throws Exception {
        long before = AsStaff.call(() -> catalog.count(StationFilter.ALL));
        String html = body(mvc.perform(validForm(
                        post("/console/stations/new"), "", "contactPhone", "12345", "address", "渝中区保留的地址 1 号"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(html).contains("有字段需要更正");
        assertThat(html)
                .containsPattern(
                        "id=\"name\"[^>]*class=\"[^\"]*is-invalid|class=\"[^\"]*is-invalid[^\"]*\"[^>]*id=\"name\"");
        assertThat(html).containsPattern("<input[^>]*id=\"contactPhone\"[^>]*>");
        String phoneInput = inputTag(html, "contactPhone");
        assertThat(phoneInput).contains("is-invalid").contains("value=\"12345\"");
        assertThat(inputTag(html, "address")).contains("value=\"渝中区保留的地址 1 号\"").doesNotContain("is-invalid");
        assertThat(html).contains("必填，不能为空");
        assertThat(html).contains("“12345”不是有效的电话号码");
        // Each wrong field is marked for screen readers and described by its own message; right ones are not.
        var page = org.jsoup.Jsoup.parse(html);
        var phone = page.getElementById("contactPhone");
        assertThat(phone.attr("aria-invalid")).isEqualTo("true");
        assertThat(page.getElementById(phone.attr("aria-describedby")).text()).contains("“12345”不是有效的电话号码");
        assertThat(page.getElementById("address").hasAttr("aria-invalid")).isFalse();
        // The amenities ticked stay ticked.
        assertThat(inputTag(html, "a-WATER")).contains("checked");
        assertThat(inputTag(html, "a-TOILET")).doesNotContain("checked");
        assertThat(AsStaff.call(() -> catalog.count(StationFilter.ALL))).isEqualTo(before);
    }

    private static String inputTag(String html, String id) {
        Matcher m = Pattern.compile("<input[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>")
                .matcher(html);
        assertThat(m.find()).as("input #" + id).isTrue();
        return m.group();
    }

    @Test
    void validCreateRedirectsToTheNewStationWithAGeneratedCode() throws Exception {
        long before = AsStaff.call(() -> catalog.count(YUZHONG));
        MvcResult result = mvc.perform(validForm(post("/console/stations/new"), "测试新增工会驿站"))
                .andExpect(status().isFound())
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).matches("/console/stations/500103-\\d{4}");
        String code = location.substring(location.lastIndexOf('/') + 1);
        Station s = catalog.findByCode(code).orElseThrow();
        assertThat(s.name()).isEqualTo("测试新增工会驿站");
        assertThat(s.contactPhone()).isEqualTo("+8613800000999");
        assertThat(AsStaff.call(() -> catalog.count(YUZHONG))).isEqualTo(before + 1);

        String page = body(mvc.perform(asStaff(get(location)).flashAttr("saved", s.name()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page).contains("已保存：测试新增工会驿站");

        // Sending the same form again (a retry) is refused: the name is taken in the district.
        mvc.perform(validForm(post("/console/stations/new"), "测试新增工会驿站")).andExpect(status().isOk());
        assertThat(AsStaff.call(() -> catalog.count(YUZHONG))).isEqualTo(before + 1);
    }

    @Test
    void editingAStaleVersionShowsTheConflictAndChangesNothing() throws Exception {
        MvcResult created = mvc.perform(validForm(post("/console/stations/new"), "并发修改测试驿站"))
                .andExpect(status().isFound())
                .andReturn();
        String url = created.getResponse().getRedirectedUrl();
        String code = url.substring(url.lastIndexOf('/') + 1);
        int version = catalog.findByCode(code).orElseThrow().version();

        mvc.perform(validForm(post(url), "并发修改测试驿站-甲", "version", Integer.toString(version)))
                .andExpect(status().isFound());
        String html = body(mvc.perform(validForm(post(url), "并发修改测试驿站-乙", "version", Integer.toString(version)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(html).contains("该驿站刚被其他人修改，请刷新后重试");
        Station now = catalog.findByCode(code).orElseThrow();
        assertThat(now.name()).isEqualTo("并发修改测试驿站-甲");
        assertThat(now.version()).isEqualTo(version + 1);
    }

    @Test
    void englishIsSelectableByParameterOrCookie() throws Exception {
        String html = body(mvc.perform(asStaff(get("/console/stations").param("lang", "en")))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(html)
                .contains("Union stations")
                .contains("Station name")
                .contains("lang=\"en\"")
                .doesNotContain("??");
        html = body(mvc.perform(asStaff(get("/console/stations/new")).cookie(new Cookie("nuanxin-lang", "en")))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(html).contains("Station name").doesNotContain("驿站名称").doesNotContain("??");
    }

    @Test
    void exportHasTheFilteredRowsWithPhonesAsTextAndReimportsUnchanged() throws Exception {
        long expected = AsStaff.call(() -> catalog.count(YUZHONG));
        assertThat(expected).as("渝中区 has demo stations to export").isPositive();
        MvcResult result = mvc.perform(
                        asStaff(get("/console/stations/export.xlsx").param("district", "500103")))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn();
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .startsWith("attachment;")
                .contains("filename=\"stations.xlsx\"")
                .contains("filename*=UTF-8''"
                        + java.net.URLEncoder.encode("工会驿站名册-", java.nio.charset.StandardCharsets.UTF_8));
        byte[] xlsx = result.getResponse().getContentAsByteArray();

        SheetSchema schema = SheetSchema.builder()
                .required("code", "驿站编码")
                .required("name", "驿站名称")
                .required("district", "所属区县")
                .required("address", "详细地址")
                .required("lng", "经度")
                .required("lat", "纬度")
                .required("crs", "坐标系")
                .required("host", "依托场所")
                .required("contact", "联系人")
                .required("phone", "联系电话")
                .required("hours", "开放时间")
                .required("amenities", "服务设施")
                .required("status", "状态")
                .required("synthetic", "模拟数据")
                .build();
        ParsedSheet sheet =
                reader.read("export.xlsx", new ByteArrayInputStream(xlsx), schema, Locale.SIMPLIFIED_CHINESE);
        assertThat(sheet.headerRowNumber()).isEqualTo(1);
        assertThat(sheet.rows()).hasSize((int) expected);
        assertThat(sheet.rows()).allSatisfy(r -> {
            assertThat(r.value("district")).contains("渝中区");
            assertThat(r.value("code").orElseThrow()).startsWith("500103-");
        });

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            s.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers)
                    .containsExactly(
                            "驿站编码", "驿站名称", "所属区县", "详细地址", "经度", "纬度", "坐标系", "依托场所", "联系人", "联系电话", "开放时间", "服务设施",
                            "状态", "模拟数据");
            assertThat(s.getLastRowNum()).isEqualTo((int) expected);
            for (int i = 1; i <= s.getLastRowNum(); i++) {
                Row row = s.getRow(i);
                assertThat(row.getCell(9).getCellType())
                        .as("phone in row %d is text", i + 1)
                        .isEqualTo(CellType.STRING);
                assertThat(row.getCell(9).getStringCellValue()).matches("[0-9 ]{11,14}");
            }
        }

        // Export, edit, re-import: the untouched export is recognised row by row as unchanged.
        // Called directly, not over HTTP: act as union staff, whom StationPermissions lets import.
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("exporter", "n/a", "ROLE_UNION_STAFF"));
        String id;
        try {
            id = imports.start("stations.xlsx", xlsx, null, "exporter", Locale.SIMPLIFIED_CHINESE)
                    .id();
        } finally {
            SecurityContextHolder.clearContext();
        }
        StationImportStatus status = Awaitility.await("check of the re-imported export")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> imports.status(id, "exporter").orElseThrow(),
                        s -> s.state().finished() || s.state() == StationImportStatus.State.READY);
        assertThat(status.problemCount()).isZero();
        assertThat(status.state()).isEqualTo(StationImportStatus.State.READY);
        assertThat(status.total()).isEqualTo((int) expected);
        assertThat(status.unchanged()).isEqualTo((int) expected);
        assertThat(status.toCreate()).isZero();
        assertThat(status.toUpdate()).isZero();
    }

    @Test
    void markupInANameIsEscapedOnEveryPage() throws Exception {
        String evil = "<script>alert('x')</script><img src=x onerror=alert(1)>驿站";
        MvcResult created = mvc.perform(validForm(
                        post("/console/stations/new"),
                        evil,
                        "longitude",
                        "106.5734",
                        "latitude",
                        "29.5603",
                        "crs",
                        "WGS84"))
                .andExpect(status().isFound())
                .andReturn();
        String url = created.getResponse().getRedirectedUrl();
        String code = url.substring(url.lastIndexOf('/') + 1);
        // The finder learns of the new station through the outbox, after the commit, on another thread.
        GeoPoint here = new GeoPoint(106.5734, 29.5603);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> finder.nearest(here, Set.of(), false, 50).stream()
                        .anyMatch(n -> n.station().code().equals(code)));

        List<String> pages = List.of(
                body(mvc.perform(asStaff(get(url))).andReturn()),
                body(mvc.perform(asStaff(get("/console/stations").param("q", "alert")))
                        .andReturn()),
                body(mvc.perform(get("/m/stations").param("lat", "29.5603").param("lng", "106.5734"))
                        .andReturn()),
                body(mvc.perform(get("/m/stations/results")
                                .param("lat", "29.5603")
                                .param("lng", "106.5734"))
                        .andReturn()));
        for (String html : pages) {
            assertThat(html)
                    .contains("&lt;script&gt;")
                    .doesNotContain("<script>alert")
                    .doesNotContain("<img src=x");
        }
        // The nearest-station page lists it first (it stands on the query point), escaped.
        assertThat(pages.get(2)).contains("&lt;img src=x onerror=alert(1)&gt;驿站");
        assertThat(body(mvc.perform(get("/api/v1/stations/" + code)).andReturn()))
                .contains("\"name\":\"<script>alert");
    }

    @Test
    void overlongNamesAreRefusedAndTheLongestAllowedOneIsKept() throws Exception {
        String tooLong = "长".repeat(101);
        String html = body(mvc.perform(validForm(post("/console/stations/new"), tooLong))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(html).contains("不能超过 100 个字");
        String longest = "长名".repeat(50);
        mvc.perform(validForm(post("/console/stations/new"), longest)).andExpect(status().isFound());
        assertThat(AsStaff.call(() -> catalog.count(new StationFilter("500103", null, null, longest, null))))
                .isEqualTo(1);
    }
}
