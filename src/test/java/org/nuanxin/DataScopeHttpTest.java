package org.nuanxin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nuanxin.station.Station;
import org.nuanxin.station.StationCatalog;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The permissions matrix's organisation axis, over HTTP with real accounts signed in: staff of a
 * district (渝中区), of a child township (解放碑街道), of a sibling township (七星岗街道) and of another
 * district (江北区), a district administrator and a city-wide auditor, each against stations, accounts
 * and audit entries of their own organisation, a child, a sibling, the parent and another district.
 * Outside the scope a record is "not found" (404) and nothing changes; lists and exports show only the
 * scope, and query parameters cannot widen it.
 */
@NuanxinTest
class DataScopeHttpTest {

    static final String PASSWORD = "scope-test-password-1";
    // One user per organisation and role; the suffix keeps them apart from other tests' accounts.
    static final String YZ_STAFF = "scope-yz-staff";
    static final String YZ_ADMIN = "scope-yz-admin";
    static final String JFB_STAFF = "scope-jfb-staff";
    static final String QXG_STAFF = "scope-qxg-staff";
    static final String JB_STAFF = "scope-jb-staff";
    static final String AUDITOR = "scope-auditor";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    StationCatalog catalog;

    @Autowired
    org.nuanxin.membership.internal.WorkerMembershipService joining;

    private final Map<String, MockHttpSession> sessions = new HashMap<>();
    /** The stations of this test by owner: the 渝中区 federation, the 江北区 federation, the 解放碑 township. */
    private String yuzhongStation;

    private String jiangbeiStation;
    private String townshipStation;

    @BeforeEach
    void accountsAndStations() throws Exception {
        StaffAccounts.ensure(jdbc, encoder, YZ_STAFF, PASSWORD, "UNION_STAFF", "500103");
        StaffAccounts.ensure(jdbc, encoder, YZ_ADMIN, PASSWORD, "ORG_ADMIN", "500103");
        StaffAccounts.ensure(jdbc, encoder, JFB_STAFF, PASSWORD, "UNION_STAFF", "500103003");
        StaffAccounts.ensure(jdbc, encoder, QXG_STAFF, PASSWORD, "UNION_STAFF", "500103001");
        StaffAccounts.ensure(jdbc, encoder, JB_STAFF, PASSWORD, "UNION_STAFF", "500105");
        StaffAccounts.ensure(jdbc, encoder, AUDITOR, PASSWORD, "AUDITOR", "500000");
        yuzhongStation = station(YZ_STAFF, "范围测试渝中驿站", "500103", "106.5770", "29.5573");
        jiangbeiStation = station(JB_STAFF, "范围测试江北驿站", "500105", "106.5320", "29.5810");
        townshipStation = station(JFB_STAFF, "范围测试解放碑驿站", "500103", "106.5790", "29.5590");
    }

    @Test
    void aStationOutsideTheScopeIsNotFoundAndCannotBeChanged() throws Exception {
        // The owner the rules chose: a township's staff keep their township's stations.
        assertThat(owner(townshipStation)).isEqualTo(StaffAccounts.organization(jdbc, "500103003"));
        assertThat(owner(yuzhongStation)).isEqualTo(StaffAccounts.organization(jdbc, "500103"));
        assertThat(owner(jiangbeiStation)).isEqualTo(StaffAccounts.organization(jdbc, "500105"));

        //          user        own district     another district   township (child)
        expectView(YZ_STAFF, Map.of(yuzhongStation, 200, jiangbeiStation, 404, townshipStation, 200));
        expectView(JFB_STAFF, Map.of(yuzhongStation, 404, jiangbeiStation, 404, townshipStation, 200));
        expectView(QXG_STAFF, Map.of(yuzhongStation, 404, jiangbeiStation, 404, townshipStation, 404));
        expectView(JB_STAFF, Map.of(yuzhongStation, 404, jiangbeiStation, 200, townshipStation, 404));
        expectView(YZ_ADMIN, Map.of(yuzhongStation, 200, jiangbeiStation, 404, townshipStation, 200));
        expectView(AUDITOR, Map.of(yuzhongStation, 200, jiangbeiStation, 200, townshipStation, 200));

        // Changes: 302 saved, 404 outside the scope (nothing changed), 403 for a role that only views.
        expectUpdate(YZ_STAFF, townshipStation, 302); // the parent keeps the child's stations
        expectUpdate(JFB_STAFF, yuzhongStation, 404); // the child does not keep the parent's
        expectUpdate(QXG_STAFF, townshipStation, 404); // nor a sibling's
        expectUpdate(YZ_STAFF, jiangbeiStation, 404); // nor another district's
        expectUpdate(YZ_ADMIN, yuzhongStation, 403);
        expectUpdate(AUDITOR, yuzhongStation, 403);
    }

    @Test
    void stationListsAndExportsShowTheScopeOnly() throws Exception {
        String list = page(YZ_STAFF, "/console/stations?q=范围测试");
        assertThat(list).contains(yuzhongStation, townshipStation).doesNotContain(jiangbeiStation);
        // Asking for another district's stations by filter finds none: the filter narrows, the scope stays.
        assertThat(page(YZ_STAFF, "/console/stations?q=范围测试&district=500105")).doesNotContain(jiangbeiStation);
        assertThat(page(JFB_STAFF, "/console/stations?q=范围测试"))
                .contains(townshipStation)
                .doesNotContain(yuzhongStation, jiangbeiStation);
        assertThat(exportedCodes(YZ_STAFF))
                .contains(yuzhongStation, townshipStation)
                .doesNotContain(jiangbeiStation);
        assertThat(exportedCodes(JB_STAFF)).contains(jiangbeiStation).doesNotContain(yuzhongStation, townshipStation);
        assertThat(exportedCodes(AUDITOR)).as("auditors view, not export").isEmpty();
    }

    @Test
    void membersOfAnotherScopeAreNotFoundAndNotListedExportedOrUnmasked() throws Exception {
        String yz = member("500103003", "CQ2099" + suffix());
        String jb = member("500105", "CQ2099" + suffix());
        String yzId = memberId(yz);
        String jbId = memberId(jb);
        assertThat(page(YZ_STAFF, "/console/members")).contains(yz).doesNotContain(jb);
        assertThat(page(JB_STAFF, "/console/members")).contains(jb).doesNotContain(yz);
        // The township's member is in the district's scope (a child): its page opens.
        assertThat(page(YZ_STAFF, "/console/members/" + yzId)).contains(yz);
        expect(YZ_STAFF, get("/console/members/" + jbId), 404);
        expect(JB_STAFF, get("/console/members/" + yzId), 404);
        expect(YZ_STAFF, post("/console/members/" + jbId + "/unmask").param("reason", "核对会员身份"), 404);
        expect(JFB_STAFF, get("/console/members/" + yzId), 200);
        expect(QXG_STAFF, get("/console/members/" + yzId), 404);
        // Asking for another district by filter is refused, never widened.
        expect(YZ_STAFF, get("/console/members?organization=" + StaffAccounts.organization(jdbc, "500105")), 400);
        expect(AUDITOR, get("/console/members"), 200);
        expect(AUDITOR, get("/console/members/export.xlsx"), 403);
        expect(YZ_ADMIN, post("/console/members/" + yzId + "/unmask").param("reason", "核对会员身份"), 403);
        var export = mvc.perform(get("/console/members/export.xlsx").session(session(YZ_STAFF)))
                .andReturn()
                .getResponse();
        assertThat(export.getStatus()).isEqualTo(200);
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(export.getContentAsByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            java.util.List<String> numbers = new java.util.ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                // Applicants of other tests in this context have no member number yet: an empty cell.
                var cell = sheet.getRow(r).getCell(0);
                numbers.add(cell == null ? "" : cell.getStringCellValue());
            }
            assertThat(numbers).contains(yz).doesNotContain(jb);
        }
    }

    private static String suffix() {
        return "%07d".formatted(java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000));
    }

    private String memberId(String number) {
        return jdbc.sql("SELECT id FROM member WHERE member_number = ?")
                .param(number)
                .query(Long.class)
                .single()
                .toString();
    }

    /** A member of the organisation of a division code, inserted directly (sealed, masked), with its number. */
    private String member(String divisionCode, String number) {
        String key = "scope-" + number;
        jdbc.sql("""
                        INSERT INTO member (person_key, id_number_sealed, id_number_masked, mobile_key, mobile_sealed,
                          mobile_masked, name, occupation, route, organization_id, state, member_number, source,
                          applied_at, version, created_at, updated_at)
                        VALUES (?, 'x', '5001**********0000', ?, 'x', '139****0000', '范围测试', 'COURIER',
                          'WORK_LOCATION', ?, 'ACTIVE', ?, 'IMPORT', CURRENT_TIMESTAMP, 0, CURRENT_TIMESTAMP,
                          CURRENT_TIMESTAMP)""")
                .params(key, key, StaffAccounts.organization(jdbc, divisionCode), number)
                .update();
        return number;
    }

    @Test
    void aStaffMemberCannotCreateAStationInADistrictOutsideTheirScope() throws Exception {
        String html = body(mvc.perform(
                        stationForm(post("/console/stations/new"), JB_STAFF, "范围外新驿站", "500103", "106.5770", "29.5573"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray());
        assertThat(html).contains("不在您的管辖范围内");
        assertThat(catalog.findByCode("500103-范围外").isEmpty()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM station WHERE name = '范围外新驿站'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anOrganisationAdministratorManagesTheAccountsOfTheirSubtreeOnly() throws Exception {
        String accounts = page(YZ_ADMIN, "/console/accounts");
        assertThat(accounts).contains(YZ_STAFF, JFB_STAFF, QXG_STAFF).doesNotContain(JB_STAFF, AUDITOR, ">admin<");
        long jiangbei = StaffAccounts.organization(jdbc, "500105");
        assertThat(page(YZ_ADMIN, "/console/accounts?organization=" + jiangbei))
                .as("a filter cannot widen the scope")
                .doesNotContain(JB_STAFF);

        long other = accountId(JB_STAFF);
        expect(YZ_ADMIN, post("/console/accounts/" + other + "/enabled").param("enabled", "false"), 404);
        expect(YZ_ADMIN, get("/console/accounts/" + other + "/password"), 404);
        assertThat(enabled(JB_STAFF)).isTrue();

        // Creating: outside the scope or above the administrator's own role is refused, naming the field.
        String outside = newAccount("scope-new-outside", "UNION_STAFF", jiangbei);
        assertThat(outside).contains("请选择您管辖范围内");
        String above = newAccount("scope-new-above", "CITY_ADMIN", StaffAccounts.organization(jdbc, "500103003"));
        assertThat(above).contains("您不能授予这个角色");
        String peer = newAccount("scope-new-peer", "ORG_ADMIN", StaffAccounts.organization(jdbc, "500103"));
        assertThat(peer).contains("您不能授予这个角色");
        assertThat(accountId("scope-new-outside")).isNegative();
        assertThat(accountId("scope-new-above")).isNegative();
        assertThat(accountId("scope-new-peer")).isNegative();
        // Inside: a township administrator for 解放碑街道.
        long township = StaffAccounts.organization(jdbc, "500103003");
        jdbc.sql("DELETE FROM account WHERE username = 'scope-new-twp'").update();
        mvc.perform(post("/console/accounts/new")
                        .session(session(YZ_ADMIN))
                        .with(csrf())
                        .param("username", "scope-new-twp")
                        .param("displayName", "街道管理员")
                        .param("role", "ORG_ADMIN")
                        .param("organization", Long.toString(township))
                        .param("password", PASSWORD))
                .andReturn();
        assertThat(jdbc.sql("SELECT organization_id FROM account WHERE username = 'scope-new-twp'")
                        .query(Long.class)
                        .single())
                .isEqualTo(township);
    }

    @Test
    void theAuditLogShowsTheEntriesOfTheScope() throws Exception {
        expectUpdate(YZ_STAFF, yuzhongStation, 302);
        expectUpdate(JB_STAFF, jiangbeiStation, 302);
        String district = page(YZ_ADMIN, "/console/audit?action=station.update");
        assertThat(district).contains(YZ_STAFF).doesNotContain(JB_STAFF);
        String city = page(AUDITOR, "/console/audit?action=station.update");
        assertThat(city).contains(YZ_STAFF, JB_STAFF);
        expect(YZ_STAFF, get("/console/audit"), 403);
    }

    // --- helpers -------------------------------------------------------------------------------

    // Membership (MemberPermissions): an application to 解放碑街道工会 along the organisation axis.
    @Test
    void aMembershipApplicationIsReviewedWithinTheReceivingUnionsScopeOnly() throws Exception {
        long id = membershipApplication("500103003");
        String path = "/console/membership/applications/" + id;
        //          user        the township's application
        for (var row : Map.of(YZ_STAFF, 200, JFB_STAFF, 200, QXG_STAFF, 404, JB_STAFF, 404, YZ_ADMIN, 200, AUDITOR, 200)
                .entrySet()) {
            expect(row.getKey(), get(path), row.getValue());
        }
        assertThat(page(YZ_STAFF, "/console/membership/applications")).contains(path);
        assertThat(page(QXG_STAFF, "/console/membership/applications")).doesNotContain(path);
        assertThat(page(AUDITOR, "/console/membership/applications")).contains(path);
        // Decisions: 404 outside the scope (nothing changed), 403 for roles that do not review, 302 done.
        expect(QXG_STAFF, post(path + "/approve").param("version", "0"), 404);
        expect(JB_STAFF, post(path + "/reject").param("version", "0").param("reason", "x"), 404);
        expect(YZ_ADMIN, post(path + "/approve").param("version", "0"), 403);
        expect(AUDITOR, post(path + "/approve").param("version", "0"), 403);
        assertThat(jdbc.sql("SELECT state FROM member WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("APPLIED");
        expect(JFB_STAFF, post(path + "/approve").param("version", "0"), 302);
        assertThat(jdbc.sql("SELECT state FROM member WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("ACTIVE");
    }

    // Grid (GridPermissions): a hazard report in a block of 解放碑街道 (handled by its union) and one of the 渝中区
    // federation, along the organisation axis.
    @Autowired
    org.nuanxin.grid.internal.ReportService gridReports;

    @Autowired
    org.nuanxin.grid.internal.BlockService gridBlocks;

    @Test
    void aHazardReportIsSeenAndHandledWithinItsOrganisationsScopeOnly() throws Exception {
        long township = gridReport("范围测试网格上报 街区", 106.5525, 29.5535, true);
        long district = gridReport("范围测试网格上报 区县", 106.5600, 29.5560, false);
        assertThat(jdbc.sql("SELECT organization_id FROM grid_report WHERE id = ?")
                        .param(township)
                        .query(Long.class)
                        .single())
                .isEqualTo(StaffAccounts.organization(jdbc, "500103003"));
        String path = "/console/grid/reports/" + township;
        //          user        the township's report: own, parent, sibling, another district, views
        for (var row : Map.of(YZ_STAFF, 200, JFB_STAFF, 200, QXG_STAFF, 404, JB_STAFF, 404, YZ_ADMIN, 200, AUDITOR, 200)
                .entrySet()) {
            expect(row.getKey(), get(path), row.getValue());
        }
        // The district federation's report is not the township's (a child does not see its parent's).
        expect(JFB_STAFF, get("/console/grid/reports/" + district), 404);
        expect(YZ_STAFF, get("/console/grid/reports/" + district), 200);
        assertThat(page(YZ_STAFF, "/console/grid/reports")).contains(path);
        assertThat(page(QXG_STAFF, "/console/grid/reports")).doesNotContain(path);
        assertThat(page(JB_STAFF, "/console/grid/reports.geojson")).doesNotContain(path + "\"");
        // Actions: 404 outside the scope (nothing changed), 403 for roles that do not handle, 302 done.
        int version = jdbc.sql("SELECT version FROM grid_report WHERE id = ?")
                .param(township)
                .query(Integer.class)
                .single();
        expect(QXG_STAFF, post(path + "/verify").param("version", Integer.toString(version)), 404);
        expect(JB_STAFF, post(path + "/verify").param("version", Integer.toString(version)), 404);
        expect(YZ_ADMIN, post(path + "/verify").param("version", Integer.toString(version)), 403);
        expect(AUDITOR, post(path + "/verify").param("version", Integer.toString(version)), 403);
        assertThat(gridState(township)).isEqualTo("SUBMITTED");
        expect(JFB_STAFF, post(path + "/verify").param("version", Integer.toString(version)), 302);
        assertThat(gridState(township)).isEqualTo("VERIFIED");
    }

    private String gridState(long id) {
        return jdbc.sql("SELECT report_state FROM grid_report WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    /** A new report at a WGS-84 point of 渝中区; in a small block of 解放碑街道 drawn once when {@code inBlock}. */
    private long gridReport(String description, double lng, double lat, boolean inBlock) {
        if (inBlock) {
            List<Long> existing = jdbc.sql(
                            "SELECT id FROM grid_block WHERE name = '范围测试网格街区' AND block_status = 'ACTIVE'")
                    .query(Long.class)
                    .list();
            if (existing.isEmpty()) {
                org.nuanxin.support.ScopedUser.signIn(org.nuanxin.support.ScopedUser.of(
                        jdbc, "scope-grid", org.nuanxin.identity.Role.UNION_STAFF, "500103"));
                try {
                    gridBlocks.create(new org.nuanxin.grid.internal.BlockInput(
                            "范围测试网格街区",
                            "500103",
                            "500103003",
                            "",
                            "POLYGON((106.5520 29.5530, 106.5530 29.5530, 106.5530 29.5540, 106.5520 29.5540,"
                                    + " 106.5520 29.5530))",
                            ""));
                } finally {
                    org.springframework.security.core.context.SecurityContextHolder.clearContext();
                }
            }
        }
        return gridReports
                .submit(
                        new org.nuanxin.grid.internal.Reporter.Worker(org.nuanxin.membership.People.mobile()),
                        new org.nuanxin.grid.internal.NewReport(
                                org.nuanxin.grid.HazardCategory.ROAD_SURFACE,
                                description,
                                lng,
                                lat,
                                org.nuanxin.geo.CoordinateSystem.WGS84,
                                "",
                                List.of(),
                                null))
                .report()
                .id();
    }

    /** An online application to the township union of {@code township}, made by a new worker. */
    private long membershipApplication(String township) {
        org.nuanxin.identity.CurrentWorker worker =
                new org.nuanxin.identity.CurrentWorker(org.nuanxin.membership.People.mobile());
        return joining.join(
                worker,
                new org.nuanxin.membership.internal.JoinRequest(
                        "范围测试",
                        org.nuanxin.membership.People.idNumber("500103"),
                        "快递员",
                        "",
                        "WORK_LOCATION",
                        township.substring(0, 6),
                        township,
                        true,
                        org.nuanxin.membership.internal.WorkerMembershipService.NOTICE_VERSION));
    }

    private MockHttpSession session(String username) throws Exception {
        MockHttpSession session = sessions.get(username);
        if (session == null) {
            session = (MockHttpSession)
                    mvc.perform(formLogin("/login").user(username).password(PASSWORD))
                            .andReturn()
                            .getRequest()
                            .getSession();
            sessions.put(username, session);
        }
        return session;
    }

    /** Creates a station as {@code username} over HTTP (or finds the one made by an earlier test); returns its code. */
    private String station(String username, String name, String district, String lng, String lat) throws Exception {
        List<String> existing = jdbc.sql("SELECT code FROM station WHERE name = ?")
                .param(name)
                .query(String.class)
                .list();
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        String location = mvc.perform(stationForm(post("/console/stations/new"), username, name, district, lng, lat))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).as("station %s created by %s", name, username).startsWith("/console/stations/");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** The station form for a new station (an empty code: generated). */
    private MockHttpServletRequestBuilder stationForm(
            MockHttpServletRequestBuilder request,
            String username,
            String name,
            String district,
            String lng,
            String lat)
            throws Exception {
        return stationForm(request, username, "", name, district, lng, lat);
    }

    private MockHttpServletRequestBuilder stationForm(
            MockHttpServletRequestBuilder request,
            String username,
            String code,
            String name,
            String district,
            String lng,
            String lat)
            throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("name", name);
        fields.put("hostType", "COMMUNITY_SERVICE_STATION");
        fields.put("district", district);
        fields.put("address", "测试地址 1 号");
        fields.put("longitude", lng);
        fields.put("latitude", lat);
        fields.put("crs", "GCJ02");
        fields.put("status", "OPEN");
        fields.put("contactName", "张某");
        fields.put("contactPhone", "13800000999");
        fields.put("openingHours", "08:00-22:00");
        request.session(session(username)).with(csrf()).param("amenity", "WATER");
        fields.forEach(request::param);
        return request;
    }

    private long owner(String code) {
        return catalog.findByCode(code).map(Station::organizationId).orElseThrow();
    }

    private void expectView(String username, Map<String, Integer> expected) throws Exception {
        for (var e : expected.entrySet()) {
            expect(username, get("/console/stations/" + e.getKey()), e.getValue());
        }
    }

    private void expectUpdate(String username, String code, int expected) throws Exception {
        Station before = catalog.findByCode(code).orElseThrow();
        int status = mvc.perform(stationForm(
                                post("/console/stations/" + code),
                                username,
                                code,
                                before.name(),
                                before.districtCode(),
                                Double.toString(before.enteredLocation().longitude()),
                                Double.toString(before.enteredLocation().latitude()))
                        .param("version", Integer.toString(before.version()))
                        .param("address", "改过的地址 " + System.nanoTime()))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).as("%s updates %s", username, code).isEqualTo(expected);
        Station after = catalog.findByCode(code).orElseThrow();
        if (expected != 302) {
            assertThat(after.version())
                    .as("%s left %s unchanged", username, code)
                    .isEqualTo(before.version());
        } else {
            assertThat(after.version()).isEqualTo(before.version() + 1);
        }
    }

    private void expect(String username, MockHttpServletRequestBuilder request, int expected) throws Exception {
        int status = mvc.perform(request.session(session(username)).with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).as("%s %s", username, request).isEqualTo(expected);
    }

    private String page(String username, String url) throws Exception {
        var response =
                mvc.perform(get(url).session(session(username))).andReturn().getResponse();
        assertThat(response.getStatus()).as("%s GET %s", username, url).isEqualTo(200);
        return body(response.getContentAsByteArray());
    }

    private List<String> exportedCodes(String username) throws Exception {
        var response = mvc.perform(
                        get("/console/stations/export.xlsx").param("q", "范围测试").session(session(username)))
                .andReturn()
                .getResponse();
        if (response.getStatus() != 200) {
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            for (Row row : workbook.getSheetAt(0)) {
                if (row.getRowNum() > 0 && row.getCell(0) != null) {
                    codes.add(row.getCell(0).getStringCellValue());
                }
            }
        }
        return codes;
    }

    private String newAccount(String username, String role, long organization) throws Exception {
        return body(mvc.perform(post("/console/accounts/new")
                        .session(session(YZ_ADMIN))
                        .with(csrf())
                        .param("username", username)
                        .param("displayName", "新同事")
                        .param("role", role)
                        .param("organization", Long.toString(organization))
                        .param("password", PASSWORD))
                .andReturn()
                .getResponse()
                .getContentAsByteArray());
    }

    private long accountId(String username) {
        return jdbc.sql("SELECT id FROM account WHERE username = ?")
                .param(username)
                .query(Long.class)
                .optional()
                .orElse(-1L);
    }

    private boolean enabled(String username) {
        return jdbc.sql("SELECT enabled FROM account WHERE username = ?")
                .param(username)
                .query(Boolean.class)
                .single();
    }

    private static String body(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
