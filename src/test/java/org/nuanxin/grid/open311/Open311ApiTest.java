package org.nuanxin.grid.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nuanxin.grid.HazardCategory;
import org.nuanxin.grid.ReportState;
import org.nuanxin.grid.internal.Report;
import org.nuanxin.grid.internal.ReportFilter;
import org.nuanxin.grid.internal.ReportService;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.support.AsStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Open311 through the whole application (security filters, the real report service and database): a posted request
 * is stored as an OPEN311 report, enters the triage queue and reads back by id and token in both formats; the date
 * filter selects the same reports whatever offset the dates are written in; a revoked key is refused; the API needs
 * no session and no CSRF token, bounds its body, stays out of the OpenAPI document, and its XML support does not make
 * the JSON API answer XML. Run on H2 and PostgreSQL.
 */
abstract class Open311ApiTest {

    /** A WGS-84 point in 渝中区 (解放碑). */
    static final String LAT = "29.5580";

    static final String LNG = "106.5735";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiKeys keys;

    @Autowired
    ReportService reports;

    @Autowired
    CityTime time;

    private ApiKeys.IssuedKey key;

    @BeforeEach
    void issueKey() {
        key = AsAdmin.call(() -> keys.issue("Open311 测试对接系统"));
    }

    private MvcResult postRequest(String path, String code, String description) throws Exception {
        return mvc.perform(post(path)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("api_key", key.key())
                        .param("jurisdiction_id", "")
                        .param("service_code", code)
                        .param("lat", LAT)
                        .param("long", LNG)
                        .param("address_string", "渝中区民族路 1 号")
                        .param("description", description)
                        .param("email", "reporter@example.cn")
                        .param("phone", "13800138000"))
                .andReturn();
    }

    private long postedId(String description) throws Exception {
        MockHttpServletResponse response = postRequest("/open311/v2/requests.json", "manhole_cover", description)
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return ((Number) JsonPath.read(response.getContentAsString(), "$[0].service_request_id")).longValue();
    }

    @Test
    void aPostedRequestIsStoredEntersTheTriageQueueAndReadsBackInBothFormats() throws Exception {
        MvcResult posted = postRequest("/open311/v2/requests.xml", "manhole_cover", "民族路井盖缺失，夜间危险");
        assertThat(posted.getResponse().getStatus())
                .as(posted.getResponse().getContentAsString())
                .isEqualTo(200);
        // Stateless: no session for an API client.
        assertThat(posted.getRequest().getSession(false)).isNull();
        String body = posted.getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll("(?s).*<service_request_id>(\\d+)</service_request_id>.*", "$1"));
        String token = body.replaceAll("(?s).*<token>([^<]+)</token>.*", "$1");

        Report stored = reports.findPublic(id).orElseThrow();
        assertThat(stored.channel()).isEqualTo(Report.OPEN311);
        assertThat(stored.apiKeyId()).isEqualTo(key.apiKey().id());
        assertThat(stored.category()).isEqualTo(HazardCategory.MANHOLE_COVER);
        assertThat(stored.state()).isEqualTo(ReportState.SUBMITTED);
        assertThat(stored.districtCode()).isEqualTo("500103");
        assertThat(stored.latitude()).isEqualTo(Double.parseDouble(LAT));
        assertThat(stored.token()).isEqualTo(token);
        assertThat(stored.reporterKey()).isNull();
        assertThat(stored.reporterMasked()).isNull();

        // The same triage queue as a rider's report.
        List<Long> queue = AsStaff.call(() -> reports.queue(
                        new ReportFilter(Set.of(HazardCategory.MANHOLE_COVER), Set.of(), null, null, false, null),
                        PageRequest.of(0, 1000))
                .map(Report::id)
                .getContent());
        assertThat(queue).contains(id);

        mvc.perform(get("/open311/v2/requests/" + id + ".json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].service_request_id").value(id))
                .andExpect(jsonPath("$[0].status").value("open"))
                .andExpect(jsonPath("$[0].service_code").value("manhole_cover"))
                .andExpect(jsonPath("$[0].description").value("民族路井盖缺失，夜间危险"))
                .andExpect(jsonPath("$[0].address").value("渝中区民族路 1 号"))
                .andExpect(jsonPath("$[0].requested_datetime").value(containsString("+08:00")))
                .andExpect(jsonPath("$[0].expected_datetime").value(containsString("+08:00")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("13800138000"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("reporter@example.cn"))));
        mvc.perform(get("/open311/v2/requests/" + id + ".xml"))
                .andExpect(status().isOk())
                .andExpect(xpath("/service_requests/request/service_request_id").string(Long.toString(id)))
                .andExpect(xpath("/service_requests/request/status").string("open"));
        mvc.perform(get("/open311/v2/tokens/" + token + ".json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].service_request_id").value(id))
                .andExpect(jsonPath("$[0].token").value(token));
        mvc.perform(get("/open311/v2/requests.json").param("service_request_id", Long.toString(id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].service_request_id").value(id));
    }

    @Test
    void startAndEndDatesInUtcOrPlus8SelectTheSameReports() throws Exception {
        long a = postedId("日期筛选一");
        long b = postedId("日期筛选二");
        Instant now = time.now();
        DateTimeFormatter w3c = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        Instant from = now.minus(Duration.ofHours(1));
        Instant to = now.plus(Duration.ofHours(1));
        List<Long> utc = ids(w3c.format(from.atOffset(ZoneOffset.UTC)), w3c.format(to.atOffset(ZoneOffset.UTC)));
        List<Long> plus8 =
                ids(w3c.format(from.atOffset(ZoneOffset.ofHours(8))), w3c.format(to.atOffset(ZoneOffset.ofHours(8))));
        List<Long> zero = ids(
                from.atOffset(ZoneOffset.UTC).toLocalDateTime() + "+00:00",
                to.atOffset(ZoneOffset.UTC).toLocalDateTime() + "+00:00");
        assertThat(utc).contains(a, b);
        assertThat(plus8).isEqualTo(utc);
        assertThat(zero).isEqualTo(utc);
        // A window that ends before them selects neither, whichever way it is written.
        List<Long> before = ids(
                w3c.format(from.minus(Duration.ofDays(1)).atOffset(ZoneOffset.ofHours(8))),
                w3c.format(from.atOffset(ZoneOffset.ofHours(8))));
        assertThat(before).doesNotContain(a, b);
        // Status and service code narrow it.
        assertThat(ids("/open311/v2/requests.json?status=closed&service_code=manhole_cover"))
                .doesNotContain(a, b);
        assertThat(ids("/open311/v2/requests.json?status=open&service_code=manhole_cover"))
                .contains(a, b);
        assertThat(ids("/open311/v2/requests.json?service_code=street_light")).doesNotContain(a, b);
    }

    private List<Long> ids(String start, String end) throws Exception {
        String json = mvc.perform(get("/open311/v2/requests.json")
                        .param("start_date", start)
                        .param("end_date", end))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.<List<Number>>read(json, "$[*].service_request_id").stream()
                .map(Number::longValue)
                .toList();
    }

    private List<Long> ids(String url) throws Exception {
        String json = mvc.perform(get(url))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.<List<Number>>read(json, "$[*].service_request_id").stream()
                .map(Number::longValue)
                .toList();
    }

    @Test
    void aRevokedKeyIsRefusedWith403() throws Exception {
        AsAdmin.call(() -> keys.revoke(key.apiKey().id()));
        MvcResult refused = postRequest("/open311/v2/requests.json", "road_surface", "吊销后提交");
        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        assertThat(JsonPath.<Integer>read(refused.getResponse().getContentAsString(), "$[0].code"))
                .isEqualTo(403);
        MvcResult xml = postRequest("/open311/v2/requests.xml", "road_surface", "吊销后提交");
        assertThat(xml.getResponse().getStatus()).isEqualTo(403);
        assertThat(xml.getResponse().getContentAsString()).contains("<errors><error><code>403</code>");
    }

    @Test
    void withoutAKeyItIs403EvenForASignedInAdministratorAndNeedsNoCsrfToken() throws Exception {
        mvc.perform(
                        post("/open311/v2/requests.json")
                                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                                .param("service_code", "road_surface")
                                .param("lat", LAT)
                                .param("long", LNG)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user("admin")
                                        .roles("CITY_ADMIN")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$[0].code").value(403));
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        mvc.perform(post("/open311/v2/requests.xml")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("description=" + "x".repeat(70 * 1024)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(xpath("/errors/error/code").string("413"))
                // In the request's language like every other description: Chinese by default (MockMvc's request
                // says Accept-Language en, which the site does not follow), English by the language cookie.
                .andExpect(xpath("/errors/error/description").string("请求体超过 64 KB 的上限"));
        mvc.perform(post("/open311/v2/requests.json")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .cookie(new jakarta.servlet.http.Cookie("nuanxin-lang", "en"))
                        .content("description=" + "x".repeat(70 * 1024)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$[0].description").value(containsString("64 KB")))
                .andExpect(jsonPath("$[0].description").value(org.hamcrest.Matchers.not(containsString("请求体"))));
        mvc.perform(post("/open311/v2/requests.json")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .header("Transfer-Encoding", "chunked"))
                .andExpect(status().isLengthRequired())
                .andExpect(jsonPath("$[0].code").value(411))
                .andExpect(jsonPath("$[0].description").value("请求体须带 Content-Length（上限 64 KB）"));
    }

    @Test
    void open311IsNotInTheOpenApiDocumentAndTheJsonApiStaysJson() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("/open311"))));
        // A browser prefers XML to anything else; the JSON API still answers JSON.
        mvc.perform(get("/api/v1/districts")
                        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
    }
}
