package org.nuanxin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nuanxin.identity.AccountPermissions;
import org.nuanxin.identity.AuditLogPermissions;
import org.nuanxin.identity.CurrentUser;
import org.nuanxin.identity.Role;
import org.nuanxin.station.Station;
import org.nuanxin.station.StationCatalog;
import org.nuanxin.station.StationInput;
import org.nuanxin.station.StationPermissions;
import org.nuanxin.support.AsWorker;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Roles × actions × records over HTTP: the status each kind of user gets for each request. Add a
 * row per new page or API (and, once organisations exist, columns per data scope). {@code {station}},
 * {@code {staffId}} and {@code {adminId}} stand for a real station and the two accounts; the mock
 * administrator is the bootstrap {@code admin}, so {@code {adminId}} is "own account" for that column.
 */
@NuanxinTest
@AutoConfigureMockMvc
class AccessMatrixTest {

    private static final int OK = 200;
    private static final int FOUND = 302; // anonymous console requests: redirect to the sign-in page
    private static final int BAD_REQUEST = 400;
    private static final int UNAUTHORIZED = 401; // anonymous API requests
    private static final int FORBIDDEN = 403;
    private static final int NOT_FOUND = 404;
    private static final int METHOD_NOT_ALLOWED = 405;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    StationCatalog catalog;

    private final Map<String, String> ids = new java.util.HashMap<>();

    static Stream<Arguments> matrix() {
        return Stream.of(
                //   request                                                        anonymous     STAFF      ADMIN
                // Public
                row("GET /m/stations", OK, OK, OK),
                row("GET /api/v1/stations", OK, OK, OK),
                row("GET /api/v1/stations/{station}", OK, OK, OK),
                row("GET /api/v1/districts", OK, OK, OK),
                row("GET /actuator/health", OK, OK, OK),
                // Worker sign-in (identity): public pages; the worker's own pages send anonymous visitors to the
                // worker sign-in and refuse staff (workerRows below: what a signed-in worker gets)
                row("GET /m/signin", OK, OK, OK),
                row("GET /m/signin?next=/m/member", OK, OK, OK),
                row("POST /m/signin/code?mobile=12345", BAD_REQUEST, BAD_REQUEST, BAD_REQUEST),
                row("POST /m/signin?mobile=13800138000&code=12", BAD_REQUEST, BAD_REQUEST, BAD_REQUEST),
                row("GET /m/me", FOUND, FORBIDDEN, FORBIDDEN),
                row("GET /m/member", FOUND, FORBIDDEN, FORBIDDEN),
                row("GET /m/join", FOUND, FORBIDDEN, FORBIDDEN),
                row("GET /m/me/data", FOUND, FORBIDDEN, FORBIDDEN),
                // Deny by default: no rule, no entry, whoever asks
                row("POST /api/v1/stations", UNAUTHORIZED, FORBIDDEN, FORBIDDEN),
                row("GET /api/v1/no-rule-here", UNAUTHORIZED, FORBIDDEN, FORBIDDEN),
                row("GET /console/no-rule-here", FOUND, FORBIDDEN, FORBIDDEN),
                // Console home and own password
                row("GET /console", FOUND, OK, OK),
                row("GET /console/account/password", FOUND, OK, OK),
                row("POST /console/account/password?currentPassword=wrong", FOUND, OK, OK),
                // Station roster: STAFF keeps it, ADMIN views and exports
                row("GET /console/stations", FOUND, OK, OK),
                row("GET /console/stations/map", FOUND, OK, OK),
                row("GET /console/stations/export.xlsx", FOUND, OK, OK),
                row("GET /console/stations/{station}", FOUND, OK, OK),
                row("GET /console/stations/new", FOUND, OK, FORBIDDEN),
                row("POST /console/stations/new", FOUND, OK, FORBIDDEN),
                row("POST /console/stations/{station}?version=0", FOUND, OK, FORBIDDEN),
                row("GET /console/stations/import", FOUND, OK, FORBIDDEN),
                row("GET /console/stations/import/template.xlsx", FOUND, OK, FORBIDDEN),
                row("GET /console/stations/import/no-such-import", FOUND, NOT_FOUND, FORBIDDEN),
                row("POST /console/stations/import/no-such-import/commit", FOUND, NOT_FOUND, FORBIDDEN),
                // Enterprise registry and campaigns: STAFF and ADMIN keep them (EnterprisePermissions); the
                // mock users act for the whole city, scope cases are in EnterpriseConsoleTest
                row("GET /console/enterprises", FOUND, OK, OK),
                row("GET /console/enterprises?organization=1&union=ESTABLISHED", FOUND, OK, OK),
                row("GET /console/enterprises/export.xlsx", FOUND, OK, OK),
                row("GET /console/enterprises/{enterprise}", FOUND, OK, OK),
                row("GET /console/enterprises/999999999", FOUND, NOT_FOUND, NOT_FOUND),
                row("GET /console/enterprises/new", FOUND, OK, OK),
                row("POST /console/enterprises/new", FOUND, OK, OK),
                row("POST /console/enterprises/{enterprise}?version=-1", FOUND, OK, OK),
                row("GET /console/enterprises/import", FOUND, OK, OK),
                row("GET /console/enterprises/import/template.xlsx", FOUND, OK, OK),
                row("GET /console/enterprises/import/no-such-import", FOUND, NOT_FOUND, NOT_FOUND),
                row("POST /console/enterprises/import/no-such-import/commit", FOUND, NOT_FOUND, NOT_FOUND),
                row("GET /console/campaigns", FOUND, OK, OK),
                row("GET /console/campaigns/new", FOUND, OK, OK),
                row("GET /console/campaigns/{campaign}", FOUND, OK, OK),
                row("GET /console/campaigns/999999999", FOUND, NOT_FOUND, NOT_FOUND),
                row("POST /console/campaigns/{campaign}/targets?creditCode=not-a-code", FOUND, OK, OK),
                // Membership review (MemberPermissions): STAFF reviews, ADMIN views; the mock users act for the
                // whole city, scope cases are in DataScopeHttpTest and MemberPermissionsTest
                row("GET /console/membership/applications", FOUND, OK, OK),
                row("GET /console/membership/applications/999999999", FOUND, NOT_FOUND, NOT_FOUND),
                row("POST /console/membership/applications/999999999/approve?version=0", FOUND, NOT_FOUND, FORBIDDEN),
                row(
                        "POST /console/membership/applications/999999999/reject?version=0&reason=x",
                        FOUND,
                        NOT_FOUND,
                        FORBIDDEN),
                row("GET /console/membership/transfers", FOUND, OK, OK),
                row("GET /console/membership/transfers/999999999", FOUND, NOT_FOUND, NOT_FOUND),
                row("POST /console/membership/transfers/999999999/accept?version=0", FOUND, NOT_FOUND, FORBIDDEN),
                row(
                        "POST /console/membership/transfers/999999999/decline?version=0&reason=x",
                        FOUND,
                        NOT_FOUND,
                        FORBIDDEN),
                // Membership, worker side: a signed-in worker only (staff are not workers); the card check is public
                row("GET /m/join", FOUND, FORBIDDEN, FORBIDDEN),
                row("POST /m/join", FOUND, FORBIDDEN, FORBIDDEN),
                row("GET /m/member", FOUND, FORBIDDEN, FORBIDDEN),
                row("GET /m/member/card", FOUND, FORBIDDEN, FORBIDDEN),
                row("POST /m/member/withdraw?confirm=true", FOUND, FORBIDDEN, FORBIDDEN),
                row("GET /m/me/data", FOUND, FORBIDDEN, FORBIDDEN),
                row("GET /m/me/data.json", FOUND, FORBIDDEN, FORBIDDEN),
                row("POST /m/me/data/erase?confirm=true", FOUND, FORBIDDEN, FORBIDDEN),
                row("GET /m/verify/not-a-token", OK, OK, OK),
                // Grid, worker side: a signed-in worker only; a report's photo is public by its key (unknown: 404)
                row("GET /m/report", FOUND, FORBIDDEN, FORBIDDEN),
                row("GET /m/report/new?category=ROAD_SURFACE&district=500103", FOUND, FORBIDDEN, FORBIDDEN),
                row("GET /m/report/nearby?category=ROAD_SURFACE&district=500103", FOUND, FORBIDDEN, FORBIDDEN),
                row("POST /m/report", FOUND, FORBIDDEN, FORBIDDEN),
                row("GET /m/report/999999999/follow", FOUND, FORBIDDEN, FORBIDDEN),
                row("POST /m/report/999999999/follow", FOUND, FORBIDDEN, FORBIDDEN),
                row("GET /m/reports", FOUND, FORBIDDEN, FORBIDDEN),
                row("GET /m/reports/999999999", FOUND, FORBIDDEN, FORBIDDEN),
                row("GET /m/reports/photos/00000000-0000-4000-8000-000000000000", NOT_FOUND, NOT_FOUND, NOT_FOUND),
                row("POST /m/reports/photos/00000000-0000-4000-8000-000000000000", FOUND, FORBIDDEN, FORBIDDEN),
                row("GET /m/grid", FOUND, FORBIDDEN, FORBIDDEN),
                row("POST /m/grid/enrol?block=999999999", FOUND, FORBIDDEN, FORBIDDEN),
                row("POST /m/grid/leave", FOUND, FORBIDDEN, FORBIDDEN),
                // Members (MemberPermissions): STAFF views, exports, unmasks with a reason and enrolls; ADMIN views
                // and exports masked; the mock users act for the whole city, scope cases are in MemberListTest
                row("GET /console/members", FOUND, OK, OK),
                row("GET /console/members?occupation=骑手&state=ACTIVE&joinedFrom=2024-01-01", FOUND, OK, OK),
                row("GET /console/members?occupation=no-such-occupation", FOUND, BAD_REQUEST, BAD_REQUEST),
                row("GET /console/members/export.xlsx", FOUND, OK, OK),
                row("POST /console/members/export.xlsx?reason=年度会员核查", FOUND, OK, FORBIDDEN),
                row("GET /console/members/999999999", FOUND, NOT_FOUND, NOT_FOUND),
                row("POST /console/members/999999999/unmask?reason=核对会员身份", FOUND, NOT_FOUND, FORBIDDEN),
                row("GET /console/members/enroll", FOUND, OK, FORBIDDEN),
                row("GET /console/members/enroll/template.xlsx", FOUND, OK, FORBIDDEN),
                row("GET /console/members/enroll/no-such-job", FOUND, NOT_FOUND, FORBIDDEN),
                row("GET /console/members/enroll/no-such-job/result.xlsx", FOUND, NOT_FOUND, FORBIDDEN),
                row("POST /console/members/enroll/no-such-job/commit?mode=ALL", FOUND, NOT_FOUND, FORBIDDEN),
                // Grid (GridPermissions): STAFF handles reports; ADMIN views, exports, keeps blocks and alone keeps the
                // responsible units; the mock users act for the whole city, scope cases are in DataScopeHttpTest
                row("GET /console/grid/reports", FOUND, OK, OK),
                row("GET /console/grid/reports?category=no-such-category", FOUND, BAD_REQUEST, BAD_REQUEST),
                row("GET /console/grid/reports/{report}", FOUND, OK, OK),
                row("GET /console/grid/reports/999999999", FOUND, NOT_FOUND, NOT_FOUND),
                row("POST /console/grid/reports/{report}/verify?version=-1", FOUND, FOUND, FORBIDDEN),
                row("POST /console/grid/reports/999999999/verify?version=0", FOUND, NOT_FOUND, NOT_FOUND),
                row("POST /console/grid/reports/{report}/no-such-action?version=0", FOUND, NOT_FOUND, NOT_FOUND),
                row("GET /console/grid/map", FOUND, OK, OK),
                row("GET /console/grid/reports.geojson", FOUND, OK, OK),
                row("GET /console/grid/reports.xlsx", FOUND, OK, OK),
                row("GET /console/grid/blocks", FOUND, OK, OK),
                row("GET /console/grid/blocks/new", FOUND, OK, OK),
                row("GET /console/grid/blocks/999999999", FOUND, NOT_FOUND, NOT_FOUND),
                row("GET /console/grid/units?district=500103", FOUND, OK, OK),
                row("POST /console/grid/units?district=500103&category=OTHER&unitName=", FOUND, FORBIDDEN, BAD_REQUEST),
                // Accounts: ADMIN only, never on the own account
                row("GET /console/accounts", FOUND, FORBIDDEN, OK),
                row("GET /console/accounts/new", FOUND, FORBIDDEN, OK),
                row("POST /console/accounts/new", FOUND, FORBIDDEN, OK),
                row("POST /console/accounts/{staffId}/role?role=UNION_STAFF", FOUND, FORBIDDEN, FOUND),
                row("POST /console/accounts/{adminId}/role?role=UNION_STAFF", FOUND, FORBIDDEN, FORBIDDEN),
                row("POST /console/accounts/{staffId}/enabled?enabled=true", FOUND, FORBIDDEN, FOUND),
                row("POST /console/accounts/{adminId}/enabled?enabled=false", FOUND, FORBIDDEN, FORBIDDEN),
                row("GET /console/accounts/{staffId}/password", FOUND, FORBIDDEN, OK),
                row("GET /console/accounts/{adminId}/password", FOUND, FORBIDDEN, FORBIDDEN),
                row("POST /console/accounts/{staffId}/password?password=short", FOUND, FORBIDDEN, OK),
                // Organisations ({org} 渝中区总工会, {root} 重庆市总工会): everyone views, administrators change what is
                // below the top of their scope; the mock users act from the root
                row("GET /console/organizations", FOUND, OK, OK),
                row("GET /console/organizations?q=500103", FOUND, OK, OK),
                row("GET /console/organizations?open={org}", FOUND, OK, OK),
                row("GET /console/organizations/{org}", FOUND, OK, OK),
                row("GET /console/organizations/999999999", FOUND, NOT_FOUND, NOT_FOUND),
                row("GET /console/organizations/{org}/new", FOUND, FORBIDDEN, OK),
                row("POST /console/organizations/{org}/new", FOUND, FORBIDDEN, OK),
                row("GET /console/organizations/{org}/edit", FOUND, FORBIDDEN, OK),
                row("POST /console/organizations/{org}/edit?version=0", FOUND, FORBIDDEN, OK),
                row("GET /console/organizations/{root}/edit", FOUND, FORBIDDEN, OK),
                row("GET /console/organizations/{org}/move", FOUND, FORBIDDEN, OK),
                row("GET /console/organizations/{root}/move", FOUND, FORBIDDEN, FORBIDDEN),
                row("POST /console/organizations/{org}/move?version=0", FOUND, FORBIDDEN, OK),
                row("GET /console/organizations/{org}/dissolve", FOUND, FORBIDDEN, OK),
                row("POST /console/organizations/{org}/dissolve?version=0", FOUND, FORBIDDEN, OK),
                row("POST /console/organizations/{root}/dissolve?version=0", FOUND, FORBIDDEN, FORBIDDEN),
                // Audit log and metrics: ADMIN only
                row("GET /console/audit", FOUND, FORBIDDEN, OK),
                row("GET /console/audit?actor=admin&from=2026-01-01&to=2026-12-31", FOUND, FORBIDDEN, OK),
                // Grid, Open311 API keys: the city administrator only (GridPermissions.MANAGE_API_KEYS)
                row("GET /console/grid/api-keys", FOUND, FORBIDDEN, OK),
                row("POST /console/grid/api-keys?name=", FOUND, FORBIDDEN, OK),
                row("GET /console/grid/api-keys/999999999/revoke", FOUND, FORBIDDEN, NOT_FOUND),
                row("POST /console/grid/api-keys/999999999/revoke", FOUND, FORBIDDEN, NOT_FOUND),
                // Open311 GeoReport v2: public reads; posting needs an api_key whoever is signed in (403 without)
                row("GET /open311/v2/discovery.xml", OK, OK, OK),
                row("GET /open311/v2/services.json", OK, OK, OK),
                row("GET /open311/v2/services/road_surface.xml", OK, OK, OK),
                row("GET /open311/v2/services/no_such_service.json", NOT_FOUND, NOT_FOUND, NOT_FOUND),
                row("POST /open311/v2/requests.json?service_code=road_surface", FORBIDDEN, FORBIDDEN, FORBIDDEN),
                row("GET /open311/v2/requests.json?status=pending", BAD_REQUEST, BAD_REQUEST, BAD_REQUEST),
                row("DELETE /open311/v2/requests.json", METHOD_NOT_ALLOWED, METHOD_NOT_ALLOWED, METHOD_NOT_ALLOWED),
                // Metrics: a Prometheus server authenticates with HTTP Basic (401 challenge), an administrator's
                // session works too
                row("GET /actuator/prometheus", UNAUTHORIZED, FORBIDDEN, OK));
    }

    /** What a worker signed in with a one-time code gets: their own pages, never the console or metrics. */
    static Stream<Arguments> workerRows() {
        return Stream.of(
                Arguments.of("GET /m/stations", OK),
                Arguments.of("GET /m/signin", OK),
                Arguments.of("GET /m/me", OK),
                Arguments.of("GET /m/report", OK),
                Arguments.of("GET /m/report/new?category=ROAD_SURFACE&district=500103", OK),
                Arguments.of("GET /m/report/999999999/follow", NOT_FOUND),
                Arguments.of("GET /m/reports", OK),
                Arguments.of("GET /m/reports/999999999", NOT_FOUND),
                Arguments.of("GET /m/reports/photos/00000000-0000-4000-8000-000000000000", NOT_FOUND),
                Arguments.of("GET /m/grid", OK),
                Arguments.of("GET /api/v1/stations", OK),
                Arguments.of("GET /console", FORBIDDEN),
                Arguments.of("GET /console/stations", FORBIDDEN),
                Arguments.of("GET /console/grid/reports", FORBIDDEN),
                Arguments.of("GET /console/accounts", FORBIDDEN),
                Arguments.of("GET /console/audit", FORBIDDEN),
                Arguments.of("GET /console/account/password", FORBIDDEN),
                Arguments.of("POST /console/stations/new", FORBIDDEN),
                Arguments.of("POST /api/v1/stations", FORBIDDEN),
                Arguments.of("GET /actuator/prometheus", FORBIDDEN));
    }

    @ParameterizedTest(name = "worker: {0} -> {1}")
    @MethodSource("workerRows")
    void statusForAWorker(String request, int expected) throws Exception {
        String[] parts = request.split(" ", 2);
        int status = mvc.perform(request(HttpMethod.valueOf(parts[0]), parts[1])
                        .with(csrf())
                        .with(AsWorker.mobile("13800138000")))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).isEqualTo(expected);
    }

    private static Arguments row(String request, int anonymous, int staff, int admin) {
        return Arguments.of(request, anonymous, staff, admin);
    }

    @BeforeEach
    void records() {
        StaffAccounts.ensureStaff(jdbc, encoder);
        ids.put("staffId", id("staff"));
        ids.put("adminId", id("admin"));
        ids.put("org", Long.toString(StaffAccounts.organization(jdbc, "500103")));
        ids.put("root", Long.toString(StaffAccounts.organization(jdbc, "500000")));
        ids.put("station", catalog.findByCode("500103-9901").map(Station::code).orElseGet(this::createStation));
        ids.put("enterprise", enterprise());
        ids.put("campaign", campaign());
        ids.put("report", report());
    }

    private String id(String username) {
        return jdbc.sql("SELECT id FROM account WHERE username = ?")
                .param(username)
                .query(Long.class)
                .single()
                .toString();
    }

    /** An enterprise of 渝中区 (a valid synthetic credit code), inserted once. */
    private String enterprise() {
        String first17 = "91500103AM" + "000001"
                + org.nuanxin.organization.UnifiedSocialCreditCode.organisationCodeCheck("AM000001");
        String code = first17 + org.nuanxin.organization.UnifiedSocialCreditCode.checkCharacter(first17);
        if (jdbc.sql("SELECT COUNT(*) FROM enterprise WHERE credit_code = ?")
                        .param(code)
                        .query(Long.class)
                        .single()
                == 0) {
            jdbc.sql("""
                    INSERT INTO enterprise (name, credit_code, industry, district_code, organization_id, created_at, updated_at)
                    VALUES ('权限矩阵企业', ?, 'OTHER', '500103', ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
                    .params(code, StaffAccounts.organization(jdbc, "500103"))
                    .update();
        }
        return jdbc.sql("SELECT id FROM enterprise WHERE credit_code = ?")
                .param(code)
                .query(Long.class)
                .single()
                .toString();
    }

    @Autowired
    org.nuanxin.grid.internal.ReportService reports;

    /** A hazard report in 渝中区, submitted once (a retry with the same key is the same report). */
    private String report() {
        return Long.toString(reports.submit(
                        new org.nuanxin.grid.internal.Reporter.Worker("+8613900000417"),
                        new org.nuanxin.grid.internal.NewReport(
                                org.nuanxin.grid.HazardCategory.MANHOLE_COVER,
                                "权限矩阵上报",
                                106.5700,
                                29.5570,
                                org.nuanxin.geo.CoordinateSystem.WGS84,
                                "",
                                java.util.List.of(),
                                "access-matrix"))
                .report()
                .id());
    }

    /** A campaign of the municipal federation, inserted once. */
    private String campaign() {
        if (jdbc.sql("SELECT COUNT(*) FROM campaign WHERE name = '权限矩阵行动'")
                        .query(Long.class)
                        .single()
                == 0) {
            jdbc.sql("""
                    INSERT INTO campaign (name, starts_on, deadline, organization_id, created_at, updated_at)
                    VALUES ('权限矩阵行动', DATE '2025-01-01', DATE '2025-12-31', ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""").param(StaffAccounts.organization(jdbc, "500000")).update();
        }
        return jdbc.sql("SELECT id FROM campaign WHERE name = '权限矩阵行动'")
                .query(Long.class)
                .single()
                .toString();
    }

    private String createStation() {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("staff", "n/a", "ROLE_UNION_STAFF"));
        try {
            return catalog.create(new StationInput(
                            "500103-9901",
                            "权限矩阵驿站",
                            "COMMUNITY_SERVICE_STATION",
                            "500103",
                            "渝中区民族路 1 号",
                            "106.5770",
                            "29.5573",
                            "GCJ02",
                            "张某",
                            "13800000999",
                            "08:00-22:00",
                            "WATER",
                            "OPEN"))
                    .code();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @ParameterizedTest(name = "{0}: anonymous {1}, STAFF {2}, ADMIN {3}")
    @MethodSource("matrix")
    void statusPerRole(String request, int anonymous, int staff, int admin) throws Exception {
        assertThat(status(request, null)).as("anonymous").isEqualTo(anonymous);
        assertThat(status(request, Role.UNION_STAFF)).as("STAFF").isEqualTo(staff);
        assertThat(status(request, Role.CITY_ADMIN)).as("ADMIN").isEqualTo(admin);
    }

    private int status(String request, Role role) throws Exception {
        String[] parts = request.split(" ", 2);
        String url = parts[1];
        for (var id : ids.entrySet()) {
            url = url.replace("{" + id.getKey() + "}", id.getValue());
        }
        MockHttpServletRequestBuilder builder =
                request(HttpMethod.valueOf(parts[0]), url).with(csrf());
        if (role != null) {
            // The mock users carry the usernames of the real accounts, so "own account" rules apply.
            builder.with(user(role == Role.CITY_ADMIN ? "admin" : "staff").roles(role.name()));
        }
        return mvc.perform(builder).andReturn().getResponse().getStatus();
    }

    @Autowired
    StationPermissions stations;

    @Autowired
    AccountPermissions accounts;

    @Autowired
    AuditLogPermissions audit;

    @Test
    void adminAndStaffHaveDifferentRights() {
        Optional<CurrentUser> staff = Optional.of(new CurrentUser("staff", "staff", Role.UNION_STAFF));
        Optional<CurrentUser> admin = Optional.of(new CurrentUser("admin", "admin", Role.CITY_ADMIN));
        Set<String> staffRights = rights(staff, stations, accounts, audit);
        Set<String> adminRights = rights(admin, stations, accounts, audit);
        assertThat(staffRights)
                .isNotEqualTo(adminRights)
                .contains("station.CREATE", "station.UPDATE", "station.IMPORT")
                .doesNotContain("account.VIEW", "account.CREATE", "audit.VIEW");
        assertThat(adminRights)
                .contains(
                        "account.VIEW",
                        "account.CREATE",
                        "account.DISABLE",
                        "audit.VIEW",
                        "station.VIEW",
                        "station.EXPORT")
                .doesNotContain("station.CREATE", "station.UPDATE", "station.IMPORT");
        // Both keep the rights every staff member needs.
        assertThat(staffRights).contains("station.VIEW", "station.EXPORT", "account.CHANGE_PASSWORD");
        // And over HTTP: some row differs between the STAFF and ADMIN columns in each direction.
        assertThat(matrix().map(Arguments::get).filter(r -> (int) r[2] == OK && (int) r[3] == FORBIDDEN))
                .isNotEmpty();
        assertThat(matrix().map(Arguments::get).filter(r -> (int) r[2] == FORBIDDEN && (int) r[3] == OK))
                .isNotEmpty();
    }

    private static Set<String> rights(
            Optional<CurrentUser> user,
            StationPermissions stations,
            AccountPermissions accounts,
            AuditLogPermissions audit) {
        return Stream.of(
                        EnumSet.allOf(StationPermissions.Action.class).stream()
                                .filter(a -> stations.allows(user, a))
                                .map(a -> "station." + a),
                        EnumSet.allOf(AccountPermissions.Action.class).stream()
                                .filter(a -> accounts.allows(user, a))
                                .map(a -> "account." + a),
                        EnumSet.allOf(AuditLogPermissions.Action.class).stream()
                                .filter(a -> audit.allows(user, a))
                                .map(a -> "audit." + a))
                .flatMap(s -> s)
                .collect(Collectors.toSet());
    }
}
