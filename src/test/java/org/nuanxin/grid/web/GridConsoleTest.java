package org.nuanxin.grid.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.grid.HazardCategory;
import org.nuanxin.grid.ReportState;
import org.nuanxin.grid.TestPhotos;
import org.nuanxin.grid.internal.Block;
import org.nuanxin.grid.internal.BlockService;
import org.nuanxin.grid.internal.NewReport;
import org.nuanxin.grid.internal.Report;
import org.nuanxin.grid.internal.ReportService;
import org.nuanxin.grid.internal.Reporter;
import org.nuanxin.identity.Role;
import org.nuanxin.membership.People;
import org.nuanxin.support.MutableClock;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.ScopedUser;
import org.nuanxin.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The grid console over HTTP with staff of real organisations: the triage queue (scope, filters and their errors, SLA
 * clock and overdue rows), a report's page (text never run as HTML) and its actions (redirect, problems beside the
 * fields, a stale version, out of scope 404, roles that may not handle 403, audit entries), the map's layer, the
 * export (scope, filter, formula-safe cells, audited), blocks and responsible units.
 */
@NuanxinTest
@AutoConfigureMockMvc
class GridConsoleTest {

    /** Points in WGS-84: 渝中区 (near 解放碑, and 100 m from it), 江北区 (观音桥). */
    static final double[] YUZHONG = {106.5700, 29.5570};

    static final double[] YUZHONG_NEAR = {106.5710, 29.5573};
    static final double[] JIANGBEI = {106.5320, 29.5810};

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReportService reports;

    @Autowired
    BlockService blocks;

    @Autowired
    MutableClock clock;

    @AfterEach
    void clockBack() {
        clock.set(TestClock.START);
        SecurityContextHolder.clearContext();
    }

    private Authentication staff(String division) {
        return ScopedUser.of(jdbc, "grid-staff-" + division, Role.UNION_STAFF, division);
    }

    private Authentication admin() {
        return ScopedUser.of(jdbc, "grid-admin", Role.CITY_ADMIN, "500000");
    }

    private Report report(HazardCategory category, String description, double[] point) {
        return reports.submit(
                        new Reporter.Worker(People.mobile()),
                        new NewReport(
                                category, description, point[0], point[1], CoordinateSystem.WGS84, "", List.of(), null))
                .report();
    }

    private MockHttpServletResponse perform(
            org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request,
            Authentication user)
            throws Exception {
        return mvc.perform(request.with(authentication(user)).with(csrf()))
                .andReturn()
                .getResponse();
    }

    private String page(String url, Authentication user) throws Exception {
        MockHttpServletResponse response = perform(get(url), user);
        assertThat(response.getStatus()).as("GET %s", url).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private Report reload(long id) {
        SecurityContextHolder.getContext().setAuthentication(staff("500000"));
        try {
            return reports.find(id).orElseThrow();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private long audits(String action, long reportId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND record_id = ?")
                .params(action, Long.toString(reportId))
                .query(Long.class)
                .single();
    }

    // ---- queue

    @Test
    void theQueueListsTheScopeWithTheSlaClockAndHighlightsOverdueReportsWithAWord() throws Exception {
        Report yz = report(HazardCategory.STREET_LIGHT, "路灯不亮 队列测试", YUZHONG);
        Report jb = report(HazardCategory.STREET_LIGHT, "路灯不亮 江北队列测试", JIANGBEI);
        String queue = page("/console/grid/reports?category=street_light", staff("500103"));
        assertThat(queue).contains("report-" + yz.id()).doesNotContain("report-" + jb.id());
        assertThat(queue).contains("剩余 24 小时 0 分");

        clock.advance(Duration.ofHours(25).plusMinutes(5));
        String later = page("/console/grid/reports?category=street_light&overdue=true", staff("500103"));
        int at = later.indexOf("id=\"report-" + yz.id() + "\"");
        assertThat(at).as("the overdue report is listed").isPositive();
        String row = later.substring(later.lastIndexOf("<tr", at));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("nx-overdue").contains("超时").contains("已超时 1 小时 5 分");
        // In English the word is there too.
        String english = perform(get("/console/grid/reports?overdue=true&lang=en"), staff("500103"))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("Overdue by 1 h 5 min");
    }

    @Test
    void aFilterValueNotUnderstoodIsNamedBesideItsField() throws Exception {
        MockHttpServletResponse response =
                perform(get("/console/grid/reports?category=potholes&age=1y"), staff("500103"));
        assertThat(response.getStatus()).isEqualTo(400);
        String html = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html)
                .contains("id=\"f-category-error\"")
                .contains("没有“potholes”这个隐患类别")
                .contains("id=\"f-age-error\"")
                .contains("不认识“1y”这个时间范围");
        assertThat(perform(get("/console/grid/reports.geojson?state=OPEN"), staff("500103"))
                        .getStatus())
                .isEqualTo(400);
        assertThat(perform(get("/console/grid/map?block=x"), staff("500103"))
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("“x”不是街区编号");
    }

    // ---- one report

    @Test
    void aDescriptionWithMarkupIsShownAsTextNeverRun() throws Exception {
        Report r = report(HazardCategory.OTHER, "<script>alert('x')</script><b>坑</b>", YUZHONG);
        String html = page("/console/grid/reports/" + r.id(), staff("500103"));
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<b>坑</b>");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;b&gt;坑&lt;/b&gt;");
        assertThat(page("/console/grid/reports?category=other", staff("500103")))
                .doesNotContain("<script>alert");
    }

    @Test
    void aReportOutsideTheScopeIsNotFoundAndCannotBeHandled() throws Exception {
        Report r = report(HazardCategory.WATERLOGGING, "积水 范围外", YUZHONG);
        assertThat(perform(get("/console/grid/reports/" + r.id()), staff("500105"))
                        .getStatus())
                .isEqualTo(404);
        assertThat(perform(
                                post("/console/grid/reports/" + r.id() + "/verify")
                                        .param("version", Integer.toString(r.version())),
                                staff("500105"))
                        .getStatus())
                .isEqualTo(404);
        // The city administrator sees it but does not handle reports.
        assertThat(perform(get("/console/grid/reports/" + r.id()), admin()).getStatus())
                .isEqualTo(200);
        assertThat(perform(
                                post("/console/grid/reports/" + r.id() + "/verify")
                                        .param("version", Integer.toString(r.version())),
                                admin())
                        .getStatus())
                .isEqualTo(403);
        assertThat(reload(r.id()).state()).isEqualTo(ReportState.SUBMITTED);
        assertThat(audits("grid.report.verify", r.id())).isZero();
    }

    @Test
    void verifyForwardNoteAndFixWithAPhotoRedirectWithAMessageAndAreAudited() throws Exception {
        Report r = report(HazardCategory.MANHOLE_COVER, "井盖缺失 处理测试", YUZHONG);
        Authentication staff = staff("500103");
        String before = page("/console/grid/reports/" + r.id(), staff);
        assertThat(before)
                .contains("id=\"action-VERIFY\"")
                .contains("id=\"action-REJECT\"")
                .doesNotContain("id=\"action-FIX\"");

        MockHttpServletResponse verified = perform(
                post("/console/grid/reports/" + r.id() + "/verify").param("version", Integer.toString(r.version())),
                staff);
        assertThat(verified.getStatus()).isEqualTo(302);
        assertThat(verified.getRedirectedUrl()).isEqualTo("/console/grid/reports/" + r.id());
        assertThat(audits("grid.report.verify", r.id())).isEqualTo(1);
        Report v = reload(r.id());
        assertThat(v.state()).isEqualTo(ReportState.VERIFIED);

        // The forward form offers the category's unit in the district, editable.
        String page = page("/console/grid/reports/" + r.id(), staff);
        assertThat(page).contains("id=\"forwardTo\"").contains("id=\"action-FORWARD\"");
        perform(
                post("/console/grid/reports/" + r.id() + "/forward")
                        .param("version", Integer.toString(v.version()))
                        .param("forwardTo", "渝中区市政设施管理处"),
                staff);
        Report f = reload(r.id());
        assertThat(f.state()).isEqualTo(ReportState.FORWARDED);
        assertThat(f.responsibleUnit()).isEqualTo("渝中区市政设施管理处");

        byte[] png = TestPhotos.encode(TestPhotos.markedCorners(64, 48, 8), "png");
        MockHttpServletResponse fixed = perform(
                multipart("/console/grid/reports/" + r.id() + "/fix")
                        .file(new MockMultipartFile("photo", "after.png", "image/png", png))
                        .param("version", Integer.toString(f.version()))
                        .param("note", "已更换新井盖"),
                staff);
        assertThat(fixed.getStatus()).isEqualTo(302);
        assertThat(reload(r.id()).state()).isEqualTo(ReportState.FIXED);
        assertThat(audits("grid.report.fix", r.id())).isEqualTo(1);
        String after = page("/console/grid/reports/" + r.id(), staff);
        assertThat(after).contains("已更换新井盖").contains("渝中区市政设施管理处").contains("/m/reports/photos/");
        assertThat(after).contains("id=\"action-REOPEN\"").doesNotContain("id=\"action-VERIFY\"");
        // the fixer's photo is on the timeline step only, not among the reporter's photos
        String fixKey = reports.timeline(r.id()).stream()
                .filter(t -> t.photoKey() != null)
                .findFirst()
                .orElseThrow()
                .photoKey();
        org.jsoup.nodes.Document d = org.jsoup.Jsoup.parse(after);
        assertThat(d.select(".nx-photos a[href$=" + fixKey + "]")).isEmpty();
        assertThat(d.select("a[href$=" + fixKey + "]")).hasSize(1);
    }

    @Test
    void aRejectWithoutAReasonShowsTheProblemBesideTheFieldAndChangesNothing() throws Exception {
        Report r = report(HazardCategory.BLOCKED_LANE, "占道 驳回测试", YUZHONG);
        MockHttpServletResponse response = perform(
                post("/console/grid/reports/" + r.id() + "/reject")
                        .param("version", Integer.toString(r.version()))
                        .param("note", "  "),
                staff("500103"));
        assertThat(response.getStatus()).isEqualTo(200);
        String html = response.getContentAsString(StandardCharsets.UTF_8);
        String form = html.substring(html.indexOf("id=\"action-REJECT\""));
        form = form.substring(0, form.indexOf("</form>"));
        assertThat(form).contains("class=\"nx-error\"").contains("aria-invalid=\"true\"");
        assertThat(reload(r.id()).state()).isEqualTo(ReportState.SUBMITTED);
        assertThat(audits("grid.report.reject", r.id())).isZero();
    }

    @Test
    void aStaleVersionShowsThePageAgainWithAMessage() throws Exception {
        Report r = report(HazardCategory.FALLEN_TREE, "倒树 并发测试", YUZHONG);
        perform(
                post("/console/grid/reports/" + r.id() + "/verify").param("version", Integer.toString(r.version())),
                staff("500103"));
        var result = mvc.perform(post("/console/grid/reports/" + r.id() + "/reject")
                        .param("version", Integer.toString(r.version()))
                        .param("note", "不是隐患")
                        .with(authentication(staff("500103")))
                        .with(csrf()))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/console/grid/reports/" + r.id());
        assertThat(result.getFlashMap().get("concurrent")).isEqualTo(true);
        assertThat(reload(r.id()).state()).isEqualTo(ReportState.VERIFIED);
        String again = mvc.perform(get("/console/grid/reports/" + r.id())
                        .flashAttr("concurrent", true)
                        .with(authentication(staff("500103"))))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(again).contains("id=\"concurrent\"").contains("刚被他人处理过");
    }

    @Test
    void mergeOffersTheOpenReportsOfTheCategoryNearby() throws Exception {
        Report first = report(HazardCategory.TRAFFIC_SIGNAL, "信号灯不亮 合并测试", YUZHONG);
        Report second = report(HazardCategory.TRAFFIC_SIGNAL, "信号灯坏了 合并测试", YUZHONG_NEAR);
        String html = page("/console/grid/reports/" + second.id(), staff("500103"));
        assertThat(html).contains("id=\"suggested-" + first.id() + "\"");
        MockHttpServletResponse merged = perform(
                post("/console/grid/reports/" + second.id() + "/merge")
                        .param("version", Integer.toString(second.version()))
                        .param("suggested", Long.toString(first.id())),
                staff("500103"));
        assertThat(merged.getStatus()).isEqualTo(302);
        Report after = reload(second.id());
        assertThat(after.state()).isEqualTo(ReportState.MERGED);
        assertThat(after.duplicateOf()).isEqualTo(first.id());
        assertThat(audits("grid.report.merge", second.id())).isEqualTo(1);
        // A merge without a number or with letters names the field.
        Report third = report(HazardCategory.TRAFFIC_SIGNAL, "信号灯 合并错误测试", YUZHONG_NEAR);
        String problem = perform(
                        post("/console/grid/reports/" + third.id() + "/merge")
                                .param("version", Integer.toString(third.version()))
                                .param("duplicateOf", "abc"),
                        staff("500103"))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(problem).contains("“abc”不是上报编号");
    }

    // ---- map and export

    @Test
    void theMapLayerAndPageObeyTheFiltersAndTheScope() throws Exception {
        Report yz = report(HazardCategory.CONSTRUCTION, "施工 地图测试", YUZHONG);
        Report jb = report(HazardCategory.CONSTRUCTION, "施工 江北地图测试", JIANGBEI);
        String layer = perform(get("/console/grid/reports.geojson?category=construction"), staff("500103"))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(layer)
                .contains("\"FeatureCollection\"")
                .contains("\"url\":\"/console/grid/reports/" + yz.id() + "\"")
                .doesNotContain("/console/grid/reports/" + jb.id() + "\"");
        String map = page("/console/grid/map?category=construction", staff("500103"));
        assertThat(map)
                .contains("id=\"reports-map\"")
                .contains("/console/grid/reports.geojson?category=construction")
                .contains("href=\"/console/grid/reports/" + yz.id() + "\"")
                .doesNotContain("href=\"/console/grid/reports/" + jb.id() + "\"");
    }

    @Test
    void theExportHasTheFilteredRowsOfTheScopeNoFormulaAndIsAudited() throws Exception {
        Report formula = report(HazardCategory.ROAD_SURFACE, "=HYPERLINK(\"http://x\",\"点我\")", YUZHONG);
        Report plus = report(HazardCategory.ROAD_SURFACE, "+1+1 路面塌陷", YUZHONG);
        Report otherCategory = report(HazardCategory.STREET_LIGHT, "@SUM(1) 路灯", YUZHONG);
        Report otherDistrict = report(HazardCategory.ROAD_SURFACE, "-2 江北路面", JIANGBEI);
        long before = jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'grid.report.export'")
                .query(Long.class)
                .single();
        MockHttpServletResponse response =
                perform(get("/console/grid/reports.xlsx?category=road_surface"), staff("500103"));
        assertThat(response.getStatus()).isEqualTo(200);
        Map<Long, List<Cell>> rows = new HashMap<>();
        List<String> headers = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<Cell> cells = new ArrayList<>();
                row.forEach(cells::add);
                for (Cell c : cells) {
                    assertThat(c.getCellType()).as("cell %s", c.getAddress()).isNotEqualTo(CellType.FORMULA);
                }
                if (row.getRowNum() == 0) {
                    cells.forEach(c -> headers.add(c.getStringCellValue()));
                } else {
                    rows.put((long) row.getCell(0).getNumericCellValue(), cells);
                }
            }
            assertThat(headers)
                    .containsExactly(
                            "编号", "类别", "状态", "上报时间", "核实时间", "办结时间", "区县", "街区", "负责组织", "描述", "责任单位", "超时未核实");
            assertThat(rows)
                    .containsKeys(formula.id(), plus.id())
                    .doesNotContainKeys(otherCategory.id(), otherDistrict.id());
            Cell description =
                    sheet.getRow(rows.get(formula.id()).get(0).getRowIndex()).getCell(9);
            assertThat(description.getCellType()).isEqualTo(CellType.STRING);
            assertThat(description.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\",\"点我\")");
            assertThat(description.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(sheet.getRow(rows.get(plus.id()).get(0).getRowIndex())
                            .getCell(1)
                            .getStringCellValue())
                    .isEqualTo("路面破损或塌陷");
            assertThat(sheet.getRow(rows.get(plus.id()).get(0).getRowIndex())
                            .getCell(6)
                            .getStringCellValue())
                    .isEqualTo("渝中区");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'grid.report.export'")
                        .query(Long.class)
                        .single())
                .isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT details FROM audit_log WHERE action = 'grid.report.export' ORDER BY id DESC")
                        .query(String.class)
                        .list()
                        .get(0))
                .startsWith("category=road_surface");
        // Auditors view but do not export.
        assertThat(perform(
                                get("/console/grid/reports.xlsx"),
                                ScopedUser.of(jdbc, "grid-auditor", Role.AUDITOR, "500000"))
                        .getStatus())
                .isEqualTo(403);
    }

    // ---- blocks and units

    static final String SQUARE =
            "POLYGON((106.5500 29.5530, 106.5510 29.5530, 106.5510 29.5540, 106.5500 29.5540," + " 106.5500 29.5530))";

    @Test
    void aBlockIsDrawnShownWithItsAreaAndRetiredAfterAConfirmation() throws Exception {
        String name = "控制台测试街区" + System.nanoTime();
        Authentication staff = staff("500103");
        MockHttpServletResponse created = perform(
                post("/console/grid/blocks/new")
                        .param("name", name)
                        .param("districtCode", "500103")
                        .param("townshipCode", "")
                        .param("communities", "测试社区")
                        .param("area", SQUARE)
                        .param("responsibleStaff", "张某 023-0000"),
                staff);
        assertThat(created.getStatus()).isEqualTo(302);
        String location = created.getRedirectedUrl();
        assertThat(location).startsWith("/console/grid/blocks/");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(page(location, staff))
                .contains(name)
                .contains("&quot;Polygon&quot;")
                .contains("id=\"block-map\"");
        assertThat(page("/console/grid/blocks", staff)).contains(name);
        assertThat(perform(get(location), staff("500105")).getStatus()).isEqualTo(404);

        String edit = page(location + "/edit", staff);
        assertThat(edit).contains("id=\"area\"").contains("106.55");
        assertThat(page(location + "/retire", staff)).contains("id=\"confirm-retire\"");
        SecurityContextHolder.getContext().setAuthentication(staff);
        Block block = blocks.find(id).orElseThrow();
        SecurityContextHolder.clearContext();
        MockHttpServletResponse retired =
                perform(post(location + "/retire").param("version", Integer.toString(block.version())), staff);
        assertThat(retired.getRedirectedUrl()).isEqualTo("/console/grid/blocks");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'grid.block.retire' AND record_id = ?")
                        .param(Long.toString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aBlockWithAnUnreadableAreaIsShownAgainWithTheProblemBesideTheField() throws Exception {
        String name = "控制台测试坏街区" + System.nanoTime();
        MockHttpServletResponse response = perform(
                post("/console/grid/blocks/new")
                        .param("name", name)
                        .param("districtCode", "500103")
                        .param("area", "not a polygon"),
                staff("500103"));
        assertThat(response.getStatus()).isEqualTo(200);
        String html = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("范围无法识别").contains("not a polygon").contains(name);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM grid_block WHERE name = ?")
                        .param(name)
                        .query(Long.class)
                        .single())
                .isZero();
        // Staff of another district cannot draw a block here, and an auditor draws none.
        assertThat(perform(get("/console/grid/blocks/new"), ScopedUser.of(jdbc, "grid-auditor", Role.AUDITOR, "500000"))
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void theCityAdministratorAloneEditsTheResponsibleUnits() throws Exception {
        String list = page("/console/grid/units?district=渝中区", staff("500103"));
        assertThat(list).contains("id=\"unit-ROAD_SURFACE\"").doesNotContain("name=\"unitName\"");
        assertThat(perform(
                                post("/console/grid/units")
                                        .param("district", "500103")
                                        .param("category", "ROAD_SURFACE")
                                        .param("unitName", "不该保存"),
                                staff("500103"))
                        .getStatus())
                .isEqualTo(403);
        MockHttpServletResponse saved = perform(
                post("/console/grid/units")
                        .param("district", "500103")
                        .param("category", "ROAD_SURFACE")
                        .param("unitName", "渝中区城市道路管理所")
                        .param("contact", "023-63000000"),
                admin());
        assertThat(saved.getRedirectedUrl()).isEqualTo("/console/grid/units?district=500103");
        assertThat(page("/console/grid/units?district=500103", admin())).contains("渝中区城市道路管理所");
        assertThat(perform(get("/console/grid/units?district=火星区"), admin()).getContentAsString(StandardCharsets.UTF_8))
                .contains("没有“火星区”这个区县");
        MockHttpServletResponse blank = perform(
                post("/console/grid/units")
                        .param("district", "500103")
                        .param("category", "ROAD_SURFACE")
                        .param("unitName", " "),
                admin());
        assertThat(blank.getStatus()).isEqualTo(400);
        assertThat(blank.getContentAsString(StandardCharsets.UTF_8)).contains("class=\"nx-error\"");
    }
}
