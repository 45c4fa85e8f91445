package org.nuanxin.grid.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.grid.HazardCategory;
import org.nuanxin.grid.ReportState;
import org.nuanxin.grid.internal.NewReport;
import org.nuanxin.grid.internal.PublicQuery;
import org.nuanxin.grid.internal.Report;
import org.nuanxin.grid.internal.ReportService;
import org.nuanxin.grid.internal.Reporter;
import org.nuanxin.grid.internal.StoredPhoto;
import org.nuanxin.identity.DataScopes;
import org.nuanxin.identity.OrganizationTree;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.kernel.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The Open311 adapter over HTTP with the report service and the key store replaced by mocks: every endpoint in both
 * formats, every error in the standard's shape, and how the parameters reach {@link ReportService} (dates with any
 * offset as the same instants, statuses, service codes, the fields kept from a posted request). The real service,
 * the database and the security filters are in {@code Open311ApiTest}.
 */
@WebMvcTest(
        controllers = Open311Controller.class,
        excludeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = "org\\.nuanxin\\.(identity|station|audit|organization|membership|grid)\\..*"))
@AutoConfigureMockMvc(addFilters = false)
@Import(Open311ControllerTest.Beans.class)
class Open311ControllerTest {

    /** 2026-11-30 10:00 in Chongqing. */
    static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

    @TestConfiguration
    @EnableConfigurationProperties(Open311Properties.class)
    @Import({Open311Controller.class, Open311Writer.class, Open311Errors.class, Open311Links.class})
    static class Beans {
        @Bean
        CityTime cityTime() {
            return new CityTime(Clock.fixed(NOW, ZoneId.of("UTC")), ZoneId.of("Asia/Shanghai"));
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ReportService reports;

    @MockitoBean
    ApiKeys keys;

    @MockitoBean
    DataScopes scopes;

    @MockitoBean
    OrganizationTree tree;

    static final String KEY = "nx311_valid-key";

    /** A report submitted at 2026-11-30 09:30 (+08:00), in 渝中区, still waiting for verification. */
    static Report report(long id, ReportState state, String unit) {
        Instant at = Instant.parse("2026-11-30T01:30:00Z");
        return new Report(
                id,
                "5d0a6a4e-2f7e-4c57-9f55-1b6d2d1f0c0" + (id % 10),
                HazardCategory.MANHOLE_COVER,
                "井盖缺失 <b>危险</b>",
                106.5770,
                29.5573,
                "WGS84",
                "渝中区民族路 1 号",
                "500103",
                null,
                7L,
                state,
                Report.APP,
                "lookup-key-of-the-mobile",
                "138****0000",
                null,
                null,
                unit,
                at,
                at.plus(Duration.ofHours(24)),
                null,
                null,
                at.plus(Duration.ofMinutes(5)),
                0);
    }

    @BeforeEach
    void stubs() {
        when(keys.resolve(KEY)).thenReturn(Optional.of(42L));
        when(scopes.tree()).thenReturn(tree);
        when(tree.find(7L)).thenReturn(Optional.of(new OrganizationTree.Node(7L, "渝中区总工会", true)));
    }

    // ---- discovery, services, definitions ----

    @Test
    void discoveryInJsonAndXml() throws Exception {
        mvc.perform(get("/open311/v2/discovery.json"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.changeset").value(Open311Controller.CHANGESET))
                .andExpect(jsonPath("$.key_service").value(containsString("/console/grid/api-keys")))
                .andExpect(jsonPath("$.endpoints[0].specification").value("http://wiki.open311.org/GeoReport_v2"))
                .andExpect(jsonPath("$.endpoints[0].url").value("http://localhost/open311/v2"))
                .andExpect(jsonPath("$.endpoints[0].type").value("production"))
                .andExpect(jsonPath("$.endpoints[0].formats[0]").value("text/xml"))
                .andExpect(jsonPath("$.endpoints[0].formats[1]").value("application/json"));
        mvc.perform(get("/open311/v2/discovery.xml"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
                .andExpect(content().string(startsWith("<?xml")))
                .andExpect(xpath("/discovery/changeset").string(Open311Controller.CHANGESET))
                .andExpect(xpath("/discovery/endpoints/endpoint/specification")
                        .string("http://wiki.open311.org/GeoReport_v2"))
                .andExpect(
                        xpath("/discovery/endpoints/endpoint/formats/format[1]").string("text/xml"))
                .andExpect(
                        xpath("/discovery/endpoints/endpoint/formats/format[2]").string("application/json"));
        // Without an extension: JSON.
        mvc.perform(get("/open311/v2/discovery"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
    }

    @Test
    void servicesAreTheHazardCategoriesInJsonAndXml() throws Exception {
        mvc.perform(get("/open311/v2/services.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(HazardCategory.values().length)))
                .andExpect(jsonPath("$[0].service_code").value("road_surface"))
                .andExpect(jsonPath("$[0].service_name").isNotEmpty())
                .andExpect(jsonPath("$[0].description").value("路面破损、坑洼或塌陷"))
                .andExpect(jsonPath("$[0].metadata").value(false))
                .andExpect(jsonPath("$[0].type").value("realtime"))
                .andExpect(jsonPath("$[0].keywords").value(containsString("坑洼")))
                .andExpect(jsonPath("$[0].group").value("道路设施-路面"))
                .andExpect(jsonPath("$[1].service_code").value("manhole_cover"));
        mvc.perform(get("/open311/v2/services.xml"))
                .andExpect(status().isOk())
                .andExpect(xpath("count(/services/service)").number((double) HazardCategory.values().length))
                .andExpect(xpath("/services/service[1]/service_code").string("road_surface"))
                .andExpect(xpath("/services/service[1]/metadata").string("false"))
                .andExpect(xpath("/services/service[2]/service_code").string("manhole_cover"));
    }

    @Test
    void serviceDefinitionAndUnknownServiceCode() throws Exception {
        mvc.perform(get("/open311/v2/services/manhole_cover.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.service_code").value("manhole_cover"))
                .andExpect(jsonPath("$.attributes", hasSize(0)));
        mvc.perform(get("/open311/v2/services/manhole_cover.xml"))
                .andExpect(status().isOk())
                .andExpect(xpath("/service_definition/service_code").string("manhole_cover"))
                .andExpect(xpath("/service_definition/attributes").exists());
        mvc.perform(get("/open311/v2/services/pothole.json"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$[0].code").value(404))
                .andExpect(jsonPath("$[0].description").value(containsString("pothole")));
        mvc.perform(get("/open311/v2/services/pothole.xml"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
                .andExpect(xpath("/errors/error/code").string("404"))
                .andExpect(xpath("/errors/error/description").string(containsString("service_code")));
        // The enum's name is not a service code.
        mvc.perform(get("/open311/v2/services/MANHOLE_COVER.json")).andExpect(status().isNotFound());
    }

    @Test
    void anUnknownFormatIsA400InJson() throws Exception {
        for (String path : List.of(
                "/open311/v2/discovery.yaml",
                "/open311/v2/services.csv",
                "/open311/v2/services/road_surface.html",
                "/open311/v2/requests.txt",
                "/open311/v2/requests/1.pdf",
                "/open311/v2/tokens/abc.jsonp")) {
            mvc.perform(get(path))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                    .andExpect(jsonPath("$[0].code").value(400))
                    .andExpect(jsonPath("$[0].description").value(containsString(".json")));
        }
    }

    @Test
    void jurisdictionMayBeLeftOutEmptyOrOurs() throws Exception {
        mvc.perform(get("/open311/v2/services.json?jurisdiction_id=")).andExpect(status().isOk());
        mvc.perform(get("/open311/v2/services.json?jurisdiction_id=500000")).andExpect(status().isOk());
        mvc.perform(get("/open311/v2/services.xml?jurisdiction_id=sfgov.org"))
                .andExpect(status().isNotFound())
                .andExpect(xpath("/errors/error/code").string("404"))
                .andExpect(xpath("/errors/error/description").string(containsString("jurisdiction_id")));
        mvc.perform(get("/open311/v2/requests.json?jurisdiction_id=")).andExpect(status().isOk());
        mvc.perform(get("/open311/v2/requests.json?jurisdiction_id=other")).andExpect(status().isNotFound());
    }

    @Test
    void unknownPathsAndMethodsAnswerInTheStandardFormat() throws Exception {
        mvc.perform(get("/open311/v2/nothing-here.xml"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
                .andExpect(xpath("/errors/error/code").string("404"));
        mvc.perform(get("/open311/v3/services.json"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404));
        mvc.perform(delete("/open311/v2/requests.json"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", containsString("GET")))
                .andExpect(jsonPath("$[0].code").value(405))
                .andExpect(jsonPath("$[0].description").value(containsString("DELETE")));
        mvc.perform(post("/open311/v2/services.xml"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(xpath("/errors/error/code").string("405"));
    }

    // ---- POST requests ----

    private static MockHttpServletRequestBuilder postForm(String path) {
        return post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED);
    }

    @Test
    void postWithoutOrWithAWrongKeyIs403AndNothingIsSubmitted() throws Exception {
        mvc.perform(postForm("/open311/v2/requests.json")
                        .param("service_code", "road_surface")
                        .param("lat", "29.5573")
                        .param("long", "106.5770"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$[0].code").value(403))
                .andExpect(jsonPath("$[0].description").value(containsString("api_key")));
        mvc.perform(postForm("/open311/v2/requests.xml")
                        .param("api_key", "nx311_revoked-or-made-up")
                        .param("service_code", "road_surface")
                        .param("lat", "29.5573")
                        .param("long", "106.5770"))
                .andExpect(status().isForbidden())
                .andExpect(xpath("/errors/error/code").string("403"));
        verify(reports, never()).submit(any(), any());
    }

    @Test
    void postChecksServiceCodeAndLocation() throws Exception {
        mvc.perform(postForm("/open311/v2/requests.json").param("api_key", KEY).param("lat", "29.5"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value(containsString("service_code")));
        mvc.perform(postForm("/open311/v2/requests.json")
                        .param("api_key", KEY)
                        .param("service_code", "graffiti")
                        .param("lat", "29.5573")
                        .param("long", "106.5770"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404))
                .andExpect(jsonPath("$[0].description").value(containsString("graffiti")));
        mvc.perform(postForm("/open311/v2/requests.xml")
                        .param("api_key", KEY)
                        .param("service_code", "road_surface")
                        .param("address_string", "渝中区民族路 1 号"))
                .andExpect(status().isBadRequest())
                .andExpect(xpath("/errors/error/code").string("400"))
                .andExpect(xpath("/errors/error/description").string(containsString("lat")));
        mvc.perform(postForm("/open311/v2/requests.json")
                        .param("api_key", KEY)
                        .param("service_code", "road_surface")
                        .param("lat", "north")
                        .param("long", "106.5770"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value(containsString("north")));
        mvc.perform(post("/open311/v2/requests.json")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"api_key\":\"" + KEY + "\"}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$[0].code").value(415));
        verify(reports, never()).submit(any(), any());
    }

    @Test
    void postSubmitsAsTheApiClientKeepingNoPersonalDataAndFetchingNoMedia() throws Exception {
        Report created = report(101, ReportState.SUBMITTED, null);
        when(reports.submit(any(), any())).thenReturn(new ReportService.Submission(created, false));
        mvc.perform(postForm("/open311/v2/requests.json")
                        .param("api_key", KEY)
                        .param("jurisdiction_id", "")
                        .param("service_code", "manhole_cover")
                        .param("lat", "29.5573")
                        .param("long", "106.5770")
                        .param("address_string", "渝中区民族路 1 号")
                        .param("description", "井盖缺失")
                        .param("email", "someone@example.cn")
                        .param("first_name", "三")
                        .param("last_name", "张")
                        .param("phone", "13800138000")
                        .param("media_url", "http://169.254.169.254/latest/meta-data/"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].service_request_id").value(101))
                .andExpect(jsonPath("$[0].token").value(created.token()))
                .andExpect(jsonPath("$[0].service_notice").isNotEmpty())
                .andExpect(jsonPath("$[0].account_id").isEmpty());
        ArgumentCaptor<Reporter> reporter = ArgumentCaptor.forClass(Reporter.class);
        ArgumentCaptor<NewReport> input = ArgumentCaptor.forClass(NewReport.class);
        verify(reports).submit(reporter.capture(), input.capture());
        assertThat(reporter.getValue()).isEqualTo(new Reporter.ApiClient(42L));
        NewReport sent = input.getValue();
        assertThat(sent.category()).isEqualTo(HazardCategory.MANHOLE_COVER);
        assertThat(sent.crs()).isEqualTo(CoordinateSystem.WGS84);
        assertThat(sent.latitude()).isEqualTo(29.5573);
        assertThat(sent.longitude()).isEqualTo(106.5770);
        assertThat(sent.description()).isEqualTo("井盖缺失");
        assertThat(sent.address()).isEqualTo("渝中区民族路 1 号");
        assertThat(sent.photos()).isEmpty();
        assertThat(sent.toString()).doesNotContain("someone@example.cn", "13800138000", "张", "169.254.169.254");

        mvc.perform(postForm("/open311/v2/requests.xml")
                        .param("api_key", KEY)
                        .param("service_code", "manhole_cover")
                        .param("lat", "29.5573")
                        .param("long", "106.5770"))
                .andExpect(status().isOk())
                .andExpect(xpath("/service_requests/request/service_request_id").string("101"))
                .andExpect(xpath("/service_requests/request/token").string(created.token()))
                .andExpect(xpath("/service_requests/request/service_notice")
                        .string("已进入社区网格核实队列，核实期限见 expected_datetime。"))
                // An empty field is an empty element, as docs/OPEN311.md says, never xsi:nil.
                .andExpect(xpath("/service_requests/request/account_id").exists())
                .andExpect(xpath("/service_requests/request/account_id").string(""))
                .andExpect(content().string(containsString("<account_id/>")))
                .andExpect(content().string(not(containsString("nil"))));
    }

    @Test
    void theReportServicesFieldProblemsAre400NamingTheOpen311Parameter() throws Exception {
        when(reports.submit(any(), any()))
                .thenThrow(new InvalidInputException(List.of(
                        org.nuanxin.kernel.FieldProblem.of("description", "grid.open311.error.required", "x"),
                        org.nuanxin.kernel.FieldProblem.of("location", "grid.open311.error.required", "y"))));
        mvc.perform(postForm("/open311/v2/requests.json")
                        .param("api_key", KEY)
                        .param("service_code", "manhole_cover")
                        .param("lat", "1")
                        .param("long", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].code").value(400))
                .andExpect(jsonPath("$[0].description").value(startsWith("description: ")))
                .andExpect(jsonPath("$[1].description").value(startsWith("lat/long: ")));
        mvc.perform(postForm("/open311/v2/requests.xml")
                        .param("api_key", KEY)
                        .param("service_code", "manhole_cover")
                        .param("lat", "1")
                        .param("long", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(xpath("count(/errors/error)").number(2.0))
                .andExpect(xpath("/errors/error[1]/code").string("400"));
    }

    // ---- GET requests ----

    private PublicQuery searched() {
        ArgumentCaptor<PublicQuery> query = ArgumentCaptor.forClass(PublicQuery.class);
        verify(reports, org.mockito.Mockito.atLeastOnce()).search(query.capture());
        org.mockito.Mockito.clearInvocations(reports);
        return query.getValue();
    }

    @Test
    void datesInUtcOrAnyOffsetAreTheSameInstants() throws Exception {
        mvc.perform(get("/open311/v2/requests.json")
                        .param("start_date", "2026-11-01T00:00:00+08:00")
                        .param("end_date", "2026-11-30T23:59:59+08:00"))
                .andExpect(status().isOk());
        PublicQuery shanghai = searched();
        mvc.perform(get("/open311/v2/requests.json")
                        .param("start_date", "2026-10-31T16:00:00Z")
                        .param("end_date", "2026-11-30T15:59:59Z"))
                .andExpect(status().isOk());
        PublicQuery utc = searched();
        mvc.perform(get("/open311/v2/requests.xml")
                        .param("start_date", "2026-10-31T16:00:00+00:00")
                        .param("end_date", "2026-11-30T10:59:59-05:00"))
                .andExpect(status().isOk());
        PublicQuery other = searched();
        assertThat(shanghai.from()).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
        assertThat(shanghai.to()).isEqualTo(Instant.parse("2026-11-30T15:59:59Z"));
        assertThat(utc).isEqualTo(shanghai);
        assertThat(other).isEqualTo(shanghai);
        // A '+' sent unencoded arrives as a space.
        mvc.perform(get("/open311/v2/requests.json?start_date=2026-11-01T00:00:00+08:00"))
                .andExpect(status().isOk());
        assertThat(searched().from()).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
    }

    @Test
    void theDefaultWindowIsTheLast90DaysAndAtMost1000() throws Exception {
        mvc.perform(get("/open311/v2/requests.json")).andExpect(status().isOk());
        PublicQuery q = searched();
        assertThat(q.to()).isEqualTo(NOW);
        assertThat(q.from()).isEqualTo(NOW.minus(Duration.ofDays(90)));
        assertThat(q.limit()).isEqualTo(1000);
        assertThat(q.open()).isNull();
        assertThat(q.categories()).isEmpty();
        mvc.perform(get("/open311/v2/requests.json").param("start_date", "2026-01-01T00:00:00+08:00"))
                .andExpect(status().isOk());
        q = searched();
        assertThat(q.to()).isEqualTo(q.from().plus(Duration.ofDays(90)));
    }

    @Test
    void badDatesAre400() throws Exception {
        for (String[] bad : List.of(
                new String[] {"start_date", "2026-11-01"},
                new String[] {"start_date", "2026-11-01T08:00:00"},
                new String[] {"end_date", "yesterday"},
                new String[] {"end_date", "2026-13-01T00:00:00Z"})) {
            mvc.perform(get("/open311/v2/requests.json").param(bad[0], bad[1]))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$[0].code").value(400))
                    .andExpect(jsonPath("$[0].description").value(containsString(bad[0])));
        }
        mvc.perform(get("/open311/v2/requests.xml")
                        .param("start_date", "2026-11-30T00:00:00Z")
                        .param("end_date", "2026-11-01T00:00:00Z"))
                .andExpect(status().isBadRequest())
                .andExpect(xpath("/errors/error/code").string("400"));
        mvc.perform(get("/open311/v2/requests.json")
                        .param("start_date", "2026-01-01T00:00:00Z")
                        .param("end_date", "2026-11-01T00:00:00Z"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value(containsString("90")));
        verify(reports, never()).search(any());
    }

    @Test
    void statusFilter() throws Exception {
        mvc.perform(get("/open311/v2/requests.json?status=open")).andExpect(status().isOk());
        assertThat(searched().open()).isTrue();
        mvc.perform(get("/open311/v2/requests.json?status=closed")).andExpect(status().isOk());
        assertThat(searched().open()).isFalse();
        mvc.perform(get("/open311/v2/requests.json?status=open,closed")).andExpect(status().isOk());
        assertThat(searched().open()).isNull();
        mvc.perform(get("/open311/v2/requests.json?status=pending"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value(containsString("pending")));
        mvc.perform(get("/open311/v2/requests.xml?status=open,fixed"))
                .andExpect(status().isBadRequest())
                .andExpect(xpath("/errors/error/code").string("400"));
    }

    @Test
    void serviceCodeFilterRefusesUnknownCodes() throws Exception {
        mvc.perform(get("/open311/v2/requests.json?service_code=road_surface,street_light"))
                .andExpect(status().isOk());
        assertThat(searched().categories()).isEqualTo(Set.of(HazardCategory.ROAD_SURFACE, HazardCategory.STREET_LIGHT));
        mvc.perform(get("/open311/v2/requests.json?service_code=road_surface,graffiti"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value(containsString("graffiti")));
        mvc.perform(get("/open311/v2/requests.xml?service_code=graffiti"))
                .andExpect(status().isBadRequest())
                .andExpect(xpath("/errors/error/code").string("400"));
    }

    @Test
    void requestIdsOverrideTheOtherFilters() throws Exception {
        mvc.perform(get("/open311/v2/requests.json?service_request_id=3,1,3&status=open&service_code=other"))
                .andExpect(status().isOk());
        PublicQuery q = searched();
        assertThat(q.ids()).containsExactly(3L, 1L);
        assertThat(q.open()).isNull();
        assertThat(q.from()).isNull();
        assertThat(q.categories()).isEmpty();
        mvc.perform(get("/open311/v2/requests.json?service_request_id=1,x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value(containsString("x")));
    }

    @Test
    void aRequestInJsonAndXml() throws Exception {
        Report submitted = report(7, ReportState.SUBMITTED, null);
        when(reports.findPublic(7)).thenReturn(Optional.of(submitted));
        when(reports.photos(7))
                .thenReturn(List.of(new StoredPhoto(
                        "a1b2c3d4-0000-4000-8000-000000000001", 7, "REPORT", "image/jpeg", 10, 10, 100)));
        mvc.perform(get("/open311/v2/requests/7.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].service_request_id").value(7))
                .andExpect(jsonPath("$[0].status").value("open"))
                .andExpect(jsonPath("$[0].status_notes").value("已受理，等待社区核实"))
                .andExpect(jsonPath("$[0].service_code").value("manhole_cover"))
                .andExpect(jsonPath("$[0].description").value("井盖缺失 <b>危险</b>"))
                .andExpect(jsonPath("$[0].agency_responsible").value("渝中区总工会"))
                .andExpect(jsonPath("$[0].requested_datetime").value("2026-11-30T09:30:00+08:00"))
                .andExpect(jsonPath("$[0].updated_datetime").value("2026-11-30T09:35:00+08:00"))
                .andExpect(jsonPath("$[0].expected_datetime").value("2026-12-01T09:30:00+08:00"))
                .andExpect(jsonPath("$[0].service_notice").value("已进入社区网格核实队列，核实期限见 expected_datetime。"))
                .andExpect(jsonPath("$[0].address").value("渝中区民族路 1 号"))
                .andExpect(jsonPath("$[0].lat").value(29.5573))
                .andExpect(jsonPath("$[0].long").value(106.5770))
                .andExpect(jsonPath("$[0].media_url")
                        .value("http://localhost/m/reports/photos/a1b2c3d4-0000-4000-8000-000000000001"))
                .andExpect(content().string(not(containsString("138****0000"))))
                .andExpect(content().string(not(containsString("lookup-key"))));
        mvc.perform(get("/open311/v2/requests/7.xml"))
                .andExpect(status().isOk())
                .andExpect(content().string(startsWith("<?xml")))
                .andExpect(xpath("/service_requests/request/service_request_id").string("7"))
                .andExpect(xpath("/service_requests/request/status").string("open"))
                .andExpect(xpath("/service_requests/request/long").string("106.577"))
                // Escaped as text, never markup.
                .andExpect(xpath("/service_requests/request/description").string("井盖缺失 <b>危险</b>"))
                .andExpect(xpath("/service_requests/request/requested_datetime").string("2026-11-30T09:30:00+08:00"))
                .andExpect(content().string(not(containsString("138****0000"))));
        // Without an extension: JSON.
        mvc.perform(get("/open311/v2/requests/7"))
                .andExpect(jsonPath("$[0].service_request_id").value(7));
    }

    @Test
    void aForwardedOrClosedRequestSaysSoAndHasNoExpectedTime() throws Exception {
        when(reports.findPublic(8)).thenReturn(Optional.of(report(8, ReportState.FORWARDED, "渝中区城市管理局")));
        when(reports.findPublic(9)).thenReturn(Optional.of(report(9, ReportState.FIXED, "渝中区城市管理局")));
        mvc.perform(get("/open311/v2/requests/8.json"))
                .andExpect(jsonPath("$[0].status").value("open"))
                .andExpect(jsonPath("$[0].status_notes").value("已转交责任单位（责任单位：渝中区城市管理局）"))
                .andExpect(jsonPath("$[0].agency_responsible").value("渝中区城市管理局"))
                .andExpect(jsonPath("$[0].expected_datetime").isEmpty())
                .andExpect(jsonPath("$[0].service_notice").value("已核实，正在处置。"))
                .andExpect(jsonPath("$[0].media_url").isEmpty());
        mvc.perform(get("/open311/v2/requests/8.xml"))
                .andExpect(xpath("/service_requests/request/service_notice").string("已核实，正在处置。"))
                .andExpect(content().string(containsString("<expected_datetime/>")))
                .andExpect(content().string(not(containsString("xsi:nil"))));
        mvc.perform(get("/open311/v2/requests/9.xml"))
                .andExpect(xpath("/service_requests/request/status").string("closed"))
                .andExpect(xpath("/service_requests/request/status_notes").string(containsString("已修复")))
                .andExpect(xpath("/service_requests/request/expected_datetime").string(""))
                .andExpect(xpath("/service_requests/request/service_notice").string(""))
                .andExpect(content().string(containsString("<service_notice/>")))
                .andExpect(content().string(not(containsString("xsi:nil"))));
        mvc.perform(get("/open311/v2/requests/9.json"))
                .andExpect(jsonPath("$[0].service_notice").isEmpty());
        // In English, by the language cookie.
        mvc.perform(get("/open311/v2/requests/8.json").cookie(new jakarta.servlet.http.Cookie("nuanxin-lang", "en")))
                .andExpect(jsonPath("$[0].service_notice").value("Verified; being dealt with."));
    }

    @Test
    void unknownRequestsAndTokensAre404() throws Exception {
        mvc.perform(get("/open311/v2/requests/999.json"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404))
                .andExpect(jsonPath("$[0].description").value(containsString("999")));
        mvc.perform(get("/open311/v2/requests/abc.xml"))
                .andExpect(status().isNotFound())
                .andExpect(xpath("/errors/error/code").string("404"));
        mvc.perform(get("/open311/v2/tokens/no-such-token.json"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404));
        // "abc" is no id: the service is not asked.
        verify(reports).findPublic(eq(999L));
        verify(reports, org.mockito.Mockito.times(1)).findPublic(anyLong());
    }

    @Test
    void aTokenInJsonAndXml() throws Exception {
        Report r = report(12, ReportState.VERIFIED, null);
        when(reports.findByToken(r.token())).thenReturn(Optional.of(r));
        mvc.perform(get("/open311/v2/tokens/" + r.token() + ".json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].service_request_id").value(12))
                .andExpect(jsonPath("$[0].token").value(r.token()));
        mvc.perform(get("/open311/v2/tokens/" + r.token() + ".xml"))
                .andExpect(status().isOk())
                .andExpect(xpath("/service_requests/request/service_request_id").string("12"))
                .andExpect(xpath("/service_requests/request/token").string(r.token()));
    }

    @Test
    void aListInXmlHasOneRequestElementEach() throws Exception {
        when(reports.search(any()))
                .thenReturn(List.of(report(2, ReportState.VERIFIED, null), report(1, ReportState.REJECTED, null)));
        mvc.perform(get("/open311/v2/requests.xml"))
                .andExpect(status().isOk())
                .andExpect(xpath("count(/service_requests/request)").number(2.0))
                .andExpect(xpath("/service_requests/request[1]/status_notes").string("已核实"))
                .andExpect(xpath("/service_requests/request[2]/status").string("closed"));
        when(reports.search(any())).thenReturn(List.of());
        mvc.perform(get("/open311/v2/requests.xml"))
                .andExpect(status().isOk())
                .andExpect(xpath("/service_requests").exists())
                .andExpect(xpath("count(/service_requests/request)").number(0.0));
        mvc.perform(get("/open311/v2/requests.json")).andExpect(content().json("[]"));
    }
}
