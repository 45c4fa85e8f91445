package org.nuanxin.station.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nuanxin.station.StationCatalog;
import org.nuanxin.station.StationFilter;
import org.nuanxin.station.StationsChanged;
import org.nuanxin.support.AsStaff;
import org.nuanxin.support.NuanxinTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Roster import through the console: upload, preview with problems by cell, commit, re-import, ownership. */
@NuanxinTest
class ConsoleImportTest {

    static final Path SAMPLE_XLSX = Path.of("src/test/resources/spreadsheet/station-roster-sample.xlsx");
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String HEADER = "序号,驿站名称,所属区县,详细地址,经度,纬度,坐标系,依托场所,联系人,联系电话,开放时间,服务设施\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    StationCatalog catalog;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    @BeforeEach
    void emptyRoster() {
        tx.executeWithoutResult(s -> {
            jdbc.sql("DELETE FROM station").update();
            events.publishEvent(new StationsChanged(Set.of(), true));
        });
    }

    private String upload(String user, String fileName, String contentType, byte[] content) throws Exception {
        MvcResult result = mvc.perform(multipart("/console/stations/import")
                        .file(new MockMultipartFile("file", fileName, contentType, content))
                        .with(user(user).roles("UNION_STAFF"))
                        .with(csrf()))
                .andExpect(status().isFound())
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).matches("/console/stations/import/[0-9a-f-]{36}");
        return location;
    }

    /** Polls the status page as htmx does until the condition holds; returns the full page then. */
    private String pollUntil(String user, String url, Predicate<String> done) throws Exception {
        Awaitility.await("import " + url)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> {
                            String fragment = mvc.perform(get(url).header("HX-Request", "true")
                                            .with(user(user).roles("UNION_STAFF")))
                                    .andExpect(status().isOk())
                                    .andReturn()
                                    .getResponse()
                                    .getContentAsString(StandardCharsets.UTF_8);
                            assertThat(fragment)
                                    .as("htmx gets the fragment only")
                                    .startsWith("<div id=\"import-status\"")
                                    .doesNotContain("<html");
                            return fragment;
                        },
                        done::test);
        String page = mvc.perform(get(url).with(user(user).roles("UNION_STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<html");
        return page;
    }

    private static boolean settled(String html) {
        return !html.contains("hx-trigger");
    }

    @Test
    void sampleRosterImportsOnceAndAgainChangesNothing() throws Exception {
        byte[] xlsx = Files.readAllBytes(SAMPLE_XLSX);
        String url = upload("staff", "驿站名册.xlsx", XLSX, xlsx);
        String page = pollUntil("staff", url, ConsoleImportTest::settled);
        assertThat(page)
                .contains("检查通过")
                .contains("确认导入")
                .contains("新增 38")
                .contains("共 38 行")
                .contains("问题 0")
                .contains("驿站名册.xlsx");
        assertThat(AsStaff.call(() -> catalog.count(StationFilter.ALL)))
                .as("nothing written before commit")
                .isZero();

        mvc.perform(post(url + "/commit")
                        .with(user("staff").roles("UNION_STAFF"))
                        .with(csrf()))
                .andExpect(status().isFound());
        page = pollUntil("staff", url, html -> html.contains("导入完成"));
        assertThat(page).contains("导入完成：新增 38 个，更新 0 个。").doesNotContain("确认导入");
        assertThat(AsStaff.call(() -> catalog.count(StationFilter.ALL))).isEqualTo(38);
        assertThat(AsStaff.call(() -> catalog.count(new StationFilter("500103", null, null, null, null))))
                .isPositive();

        // The fragment htmx polls is small and carries no table; once the import is done it asks for the page.
        var poll = mvc.perform(
                        get(url).header("HX-Request", "true").with(user("staff").roles("UNION_STAFF")))
                .andReturn()
                .getResponse();
        assertThat(poll.getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("<table")
                .hasSizeLessThan(2500);
        assertThat(poll.getHeader("HX-Refresh")).isEqualTo("true");

        // Committing twice (a double click) writes nothing more.
        mvc.perform(post(url + "/commit")
                        .with(user("staff").roles("UNION_STAFF"))
                        .with(csrf()))
                .andExpect(status().isFound());
        assertThat(AsStaff.call(() -> catalog.count(StationFilter.ALL))).isEqualTo(38);

        String again = upload("staff", "驿站名册.xlsx", XLSX, xlsx);
        page = pollUntil("staff", again, ConsoleImportTest::settled);
        assertThat(page).contains("无变化 38").contains("新增 0").contains("更新 0");
        mvc.perform(post(again + "/commit")
                        .with(user("staff").roles("UNION_STAFF"))
                        .with(csrf()))
                .andExpect(status().isFound());
        pollUntil("staff", again, html -> html.contains("导入完成"));
        assertThat(AsStaff.call(() -> catalog.count(StationFilter.ALL))).isEqualTo(38);
    }

    @Test
    void aRosterExportedAndImportedAgainChangesNothingEvenNamesThatLookLikeFormulas() throws Exception {
        String csv = HEADER
                + "1,=老厂房驿站,渝中区,渝中区民族路,106.5770,29.5573,GCJ-02,商圈商场,李某,13800000102,09:00-21:00,饮水\n"
                + "2,-临江门驿站,渝中区,渝中区临江路,106.5785,29.5640,GCJ-02,社区服务站,陈某,13800000103,08:00-22:00,饮水\n";
        String url = upload("staff", "formula-names.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        pollUntil("staff", url, ConsoleImportTest::settled);
        mvc.perform(post(url + "/commit")
                        .with(user("staff").roles("UNION_STAFF"))
                        .with(csrf()))
                .andExpect(status().isFound());
        pollUntil("staff", url, html -> html.contains("导入完成"));
        assertThat(jdbc.sql("SELECT name FROM station ORDER BY name")
                        .query(String.class)
                        .list())
                .containsExactly("-临江门驿站", "=老厂房驿站");

        byte[] exported = mvc.perform(
                        get("/console/stations/export.xlsx").with(user("staff").roles("UNION_STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String again = upload("staff", "exported.xlsx", XLSX, exported);
        String page = pollUntil("staff", again, ConsoleImportTest::settled);
        assertThat(page).as(page).contains("无变化 2").contains("新增 0").contains("更新 0");
    }

    @Test
    void problemsAreListedByRowColumnAndCellAndNothingIsWritten() throws Exception {
        String csv = HEADER
                + "1,解放碑测试驿站,渝中区,渝中区民族路,106.5770,29.5573,GCJ-02,商圈商场,李某,13800000102,09:00-21:00,\"饮水,充电\"\n"
                + "2,电话错误驿站,渝中区,渝中区临江路,106.5785,29.5640,GCJ-02,社区服务站,陈某,12345,08:00-22:00,饮水\n"
                + "3,观音桥错区驿站,渝中区,江北区观音桥步行街,106.5330,29.5800,GCJ-02,商圈商场,王某,13800000103,全天24小时,休息\n";
        String url = upload("staff", "errors.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        String page = pollUntil("staff", url, ConsoleImportTest::settled);
        assertThat(page)
                .contains("发现错误")
                .contains("发现的问题（未写入任何数据）")
                .doesNotContain("确认导入")
                .doesNotContain("/commit");
        assertThat(page)
                .containsPattern("<td>3</td>\\s*<td>联系电话</td>\\s*<td>J3</td>\\s*<td>"
                        + java.util.regex.Pattern.quote("“12345”不是有效的电话号码"));
        assertThat(page).containsPattern("<td>4</td>\\s*<td>经度</td>\\s*<td>E4</td>\\s*<td>[^<]*该位置位于江北区");
        assertThat(page).containsPattern("<td>4</td>\\s*<td>纬度</td>\\s*<td>F4</td>");
        mvc.perform(post(url + "/commit")
                        .with(user("staff").roles("UNION_STAFF"))
                        .with(csrf()))
                .andExpect(status().isConflict());
        assertThat(AsStaff.call(() -> catalog.count(StationFilter.ALL))).isZero();
    }

    @Test
    void anotherUserCannotSeeOrCommitSomeoneElsesImport() throws Exception {
        String url = upload("staff", "roster.xlsx", XLSX, Files.readAllBytes(SAMPLE_XLSX));
        pollUntil("staff", url, ConsoleImportTest::settled);
        mvc.perform(get(url).with(user("other").roles("UNION_STAFF"))).andExpect(status().isNotFound());
        mvc.perform(get(url).header("HX-Request", "true").with(user("other").roles("UNION_STAFF")))
                .andExpect(status().isNotFound());
        mvc.perform(post(url + "/commit")
                        .with(user("other").roles("UNION_STAFF"))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/stations/import/no-such-id")
                        .with(user("staff").roles("UNION_STAFF")))
                .andExpect(status().isNotFound());
        assertThat(AsStaff.call(() -> catalog.count(StationFilter.ALL))).isZero();
    }

    @Test
    void aPictureIsRejectedWithAClearMessage() throws Exception {
        byte[] png = {
            (byte) 0x89,
            'P',
            'N',
            'G',
            '\r',
            '\n',
            0x1a,
            '\n',
            0,
            0,
            0,
            13,
            'I',
            'H',
            'D',
            'R',
            0,
            0,
            0,
            1,
            0,
            0,
            0,
            1,
            8,
            6,
            0,
            0,
            0,
            0x1f,
            0x15,
            (byte) 0xc4,
            (byte) 0x89,
            0,
            0,
            0,
            0,
            'I',
            'E',
            'N',
            'D'
        };
        String url = upload("staff", "photo.png", "image/png", png);
        String page = pollUntil("staff", url, ConsoleImportTest::settled);
        assertThat(page)
                .contains("文件无法导入")
                .contains("“photo.png”不是 Excel 表格（.xlsx）或 CSV 文件，无法读取。")
                .doesNotContain("确认导入");
        assertThat(AsStaff.call(() -> catalog.count(StationFilter.ALL))).isZero();
    }

    @Test
    void emptyUploadGoesBackToTheFormWithAMessage() throws Exception {
        // A chosen file of 0 bytes is told apart from no file chosen at all.
        mvc.perform(multipart("/console/stations/import")
                        .file(new MockMultipartFile("file", "empty.csv", "text/csv", new byte[0]))
                        .with(user("staff").roles("UNION_STAFF"))
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/console/stations/import?emptyContent"));
        mvc.perform(multipart("/console/stations/import")
                        .file(new MockMultipartFile("file", "", "application/octet-stream", new byte[0]))
                        .with(user("staff").roles("UNION_STAFF"))
                        .with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/console/stations/import?empty"));
        mvc.perform(get("/console/stations/import")
                        .param("emptyContent", "")
                        .with(user("staff").roles("UNION_STAFF")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("上传的文件是空的")));
    }

    // ---- what district federations really send ----

    @Test
    void gbkCsvWithATitleRowFullWidthPhonesAndChineseHoursImports() throws Exception {
        String csv = "2024年渝中区工会驿站名册（第三季度）\n" + HEADER
                + "1,全角电话驿站,渝中区,渝中区民族路,106.5770,29.5573,GCJ-02,商圈商场,李某,１３８００００１１０２,9:00-21:00,饮水、充电\n"
                + "2,百度坐标驿站,渝中区,渝中区临江路,106.5849,29.5700,BD-09,社区服务站,陈某,023-6312 3456,全天24小时,热水 WiFi\n";
        String url = upload("staff", "gbk.csv", "text/csv", csv.getBytes(Charset.forName("GBK")));
        String page = pollUntil("staff", url, ConsoleImportTest::settled);
        assertThat(page).as(page).contains("检查通过").contains("新增 2").contains("共 2 行");
    }

    @Test
    void swappedCoordinatesAreNamedAsSuch() throws Exception {
        String csv = HEADER + "1,坐标颠倒驿站,渝中区,渝中区民族路,29.5573,106.5770,GCJ-02,商圈商场,李某,13800000102,09:00-21:00,饮水\n";
        String url = upload("staff", "swapped.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        String page = pollUntil("staff", url, ConsoleImportTest::settled);
        assertThat(page)
                .contains("发现错误")
                .containsPattern("<td>2</td>\\s*<td>经度</td>\\s*<td>E2</td>\\s*<td>经度和纬度似乎填反了")
                .doesNotContain("超出范围");
    }

    @Test
    void aRosterWithoutACoordinateSystemColumnAndNoDefaultIsOneProblemOfTheFile() throws Exception {
        String csv = "驿站名称,所属区县,详细地址,经度,纬度,依托场所,联系人,联系电话,开放时间,服务设施\n"
                + "无坐标系驿站,渝中区,渝中区民族路,106.5770,29.5573,商圈商场,李某,13800000102,09:00-21:00,饮水\n"
                + "无坐标系驿站二,渝中区,渝中区临江路,106.5785,29.5640,社区服务站,陈某,13800000103,08:00-22:00,饮水\n";
        String url = upload("staff", "nocrs.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        String page = pollUntil("staff", url, ConsoleImportTest::settled);
        assertThat(page)
                .as(page)
                .contains("发现错误")
                .contains("问题 1")
                .doesNotContain("导入失败")
                .containsPattern("<td></td>\\s*<td>坐标系</td>\\s*<td></td>\\s*<td>名册没有“坐标系”列");
    }

    @Test
    void theTemplateHasTheColumnsTheImportReadsAndItsExampleRowImports() throws Exception {
        byte[] template = mvc.perform(get("/console/stations/import/template.xlsx")
                        .with(user("staff").roles("UNION_STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String url = upload("staff", "template.xlsx", XLSX, template);
        String page = pollUntil("staff", url, ConsoleImportTest::settled);
        assertThat(page).as(page).contains("检查通过").contains("共 1 行").contains("新增 1");
        assertThat(mvc.perform(get("/console/stations/import")
                                .with(user("staff").roles("UNION_STAFF")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("href=\"/console/stations/import/template.xlsx\"");
    }
}
