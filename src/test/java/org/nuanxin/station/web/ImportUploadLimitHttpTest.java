package org.nuanxin.station.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * An upload over the 10 MB limit, over real HTTP with a signed-in session: the user gets the friendly
 * 413 page, whether the CSRF token travels in the header (the page's script) or only in the form (no
 * JavaScript); and a form over the container's form limit (a block's pasted boundary) gets it too.
 */
@NuanxinTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nuanxin.station.demo-data=true")
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class ImportUploadLimitHttpTest {

    static final int ELEVEN_MB = 11 * 1024 * 1024;
    static final String BOUNDARY = "----nuanxin-test-boundary-7MA4YWxkTrZu0gW";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void theConfiguredZipBombGuardSurvivesDemoDataLoading() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM station").query(Long.class).single())
                .as("this context loaded the demo roster")
                .isPositive();
        // One reader in the application, the one the demo data was read with, with the configured ratio
        // (application-test.yaml: 0.005, the default being 0.01): no second construction reset POI's limits.
        var readers = context.getBeansOfType(org.nuanxin.spreadsheet.SpreadsheetReader.class);
        assertThat(readers).hasSize(1);
        Object reader = readers.values().iterator().next();
        assertThat(org.springframework.test.util.ReflectionTestUtils.getField(
                        context.getBean("demoDataLoader"), "reader"))
                .isSameAs(reader);
        var limits = (org.nuanxin.spreadsheet.SpreadsheetLimits)
                org.springframework.test.util.ReflectionTestUtils.getField(reader, "limits");
        assertThat(limits.minInflateRatio()).isEqualTo(0.005);
    }

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String meta(String html, String name) {
        Matcher m = Pattern.compile("<meta name=\"" + name + "\" content=\"([^\"]+)\"")
                .matcher(html);
        assertThat(m.find()).as("meta " + name).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in through the login form; returns the import page after sign-in. */
    private String signIn() throws Exception {
        String token = meta(get("/login").body(), "_csrf");
        // Imports are union staff's work (the administrator may not import).
        StaffAccounts.ensureStaff(jdbc, encoder);
        String form = "username=" + StaffAccounts.STAFF + "&password=" + StaffAccounts.STAFF_PASSWORD + "&_csrf="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/console"));
        HttpResponse<String> page = get("/console/stations/import");
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    /** A multipart body: optionally a {@code _csrf} field first, then the file. */
    private static byte[] multipart(String csrfField, int fileSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(fileSize + 1024);
        if (csrfField != null) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfField
                            + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        byte[] content = new byte[fileSize];
        Arrays.fill(content, (byte) 'a');
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private HttpResponse<String> upload(byte[] body, String headerName, String headerToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/console/stations/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .header("Accept", "text/html")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headerName != null) {
            request.header(headerName, headerToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void tooLargeUploadsGet413NotAResetOrA403WhereverTheTokenIs() throws Exception {
        String page = signIn();
        HttpResponse<String> header =
                upload(multipart(null, ELEVEN_MB), meta(page, "_csrf_header"), meta(page, "_csrf"));
        assertThat(header.statusCode()).isEqualTo(413);
        HttpResponse<String> form = upload(multipart(meta(page, "_csrf"), ELEVEN_MB), null, null);
        assertThat(form.statusCode())
                .as("no-JavaScript upload over the limit: %s", form.body())
                .isEqualTo(413);
    }

    @Test
    void tooLargeUploadWithTheTokenInTheHeaderGetsTheFriendly413() throws Exception {
        String page = signIn();
        HttpResponse<String> response =
                upload(multipart(null, ELEVEN_MB), meta(page, "_csrf_header"), meta(page, "_csrf"));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body())
                .contains("lang=\"zh-CN\"")
                .contains("内容太大")
                .contains("10 MB")
                // Right for both uploads that meet it, a roster and a rider's photo.
                .contains("名册请拆分后分批上传")
                .contains("照片请重新拍摄或截屏后上传");
    }

    @Test
    void tooLargeUploadWithTheTokenOnlyInTheFormGetsTheFriendly413() throws Exception {
        String page = signIn();
        HttpResponse<String> response = upload(multipart(meta(page, "_csrf"), ELEVEN_MB), null, null);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("内容太大").doesNotContain("Apache Tomcat");
    }

    @Test
    void aSmallUploadWithTheTokenOnlyInTheFormIsAccepted() throws Exception {
        String page = signIn();
        HttpResponse<String> response = upload(multipart(meta(page, "_csrf"), 1000), null, null);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/console/stations/import/"));
    }

    /**
     * Over the container's limits (application.yaml: 16 MB a file, 32 MB a request; the connector then reads only
     * 64 KB more of the body): still the friendly localised 413 page, in English too, whether the token is in the
     * header or only in the form, and one WARN line in the log without a stack trace or the user's name; the API
     * gets an RFC 9457 problem.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} bytes, token in the {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "16900000, header", // a file over max-file-size, the request under max-request-size
        "16900000, form",
        "20000000, header", // a larger file over max-file-size
        "20000000, form",
        "40000000, header", // the request over max-request-size: refused before its body is read
        "60000000, form"
    })
    void overTheContainersLimitIsTheFriendly413WithOneLogLine(
            int size, String tokenIn, org.springframework.boot.test.system.CapturedOutput output) throws Exception {
        String page = signIn();
        int start = output.getAll().length();
        HttpResponse<String> response = tokenIn.equals("header")
                ? upload(multipart(null, size), meta(page, "_csrf_header"), meta(page, "_csrf"))
                : upload(multipart(meta(page, "_csrf"), size), null, null);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body())
                .contains("lang=\"zh-CN\"")
                .contains("内容太大")
                .contains("10 MB")
                .doesNotContain("Apache Tomcat");
        String log = output.getAll().substring(start);
        assertThat(log.lines().filter(l -> l.contains("Upload refused with 413")))
                .hasSize(1);
        assertThat(log)
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain(StaffAccounts.STAFF_PASSWORD)
                .doesNotContain("big.csv");
        assertThat(log.lines().filter(l -> l.contains(" ERROR "))).isEmpty();
    }

    /**
     * A form over the container's form limit (application.yaml: server.tomcat.max-http-form-post-size 1 MB), such as a
     * block's boundary pasted as 5.6 MB of WKT into the new or the edit form: the friendly localised 413 page, not
     * Tomcat's English one, and one WARN line without a stack trace or the form's content; whether the length is
     * declared or the form is sent chunked.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}, chunked {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "/console/grid/blocks/new, false",
        "/console/grid/blocks/1/edit, false",
        "/console/grid/blocks/new, true"
    })
    void aFormOverTheContainersFormLimitIsTheFriendly413WithOneLogLine(
            String path, boolean chunked, org.springframework.boot.test.system.CapturedOutput output) throws Exception {
        String page = signIn();
        StringBuilder wkt = new StringBuilder("POLYGON((106.5 29.5");
        for (int i = 0; wkt.length() < 5_600_000; i++) {
            wkt.append(", 106.").append(500_000 + i).append(" 29.").append(500_000 + i);
        }
        wkt.append(", 106.5 29.5))");
        String form = "_csrf=" + URLEncoder.encode(meta(page, "_csrf"), StandardCharsets.UTF_8)
                + "&name=%E8%A7%A3%E6%94%BE%E7%A2%91&districtCode=500103&area="
                + URLEncoder.encode(wkt.toString(), StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher body = chunked
                ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(form))
                : HttpRequest.BodyPublishers.ofString(form);
        int start = output.getAll().length();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .timeout(Duration.ofSeconds(60))
                        .POST(body)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body())
                .contains("lang=\"zh-CN\"")
                .contains("内容太大")
                .contains("粘贴的长文本")
                .doesNotContain("Apache Tomcat")
                .doesNotContain("Payload Too Large");
        String log = output.getAll().substring(start);
        assertThat(log.lines().filter(l -> l.contains("Form refused with 413") && l.contains(" WARN ")))
                .hasSize(1);
        assertThat(log).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("106.500001");
        assertThat(log.lines().filter(l -> l.contains(" ERROR "))).isEmpty();
        // The session is still usable: the next page works.
        assertThat(get("/console/grid/blocks").statusCode()).isEqualTo(200);
    }

    @Test
    void overTheContainersLimitInEnglishAndForCurlAndForTheApi() throws Exception {
        String page = signIn();
        HttpRequest.Builder english = HttpRequest.newBuilder(uri("/console/stations/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .header("Accept", "*/*") // what curl sends: a person's page is still HTML
                .header("Cookie", "nuanxin-lang=en")
                .header(meta(page, "_csrf_header"), meta(page, "_csrf"))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(null, 20_000_000)));
        HttpResponse<String> response = http.send(english.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.body())
                .contains("Too large")
                .contains("10 MB")
                .contains("split a roster")
                .contains("Take a photo again");

        HttpResponse<String> api = http.send(
                HttpRequest.newBuilder(uri("/api/v1/stations"))
                        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                        .header(meta(page, "_csrf_header"), meta(page, "_csrf"))
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(null, 20_000_000)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(413);
        assertThat(api.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(api.body()).contains("\"status\":413").contains("\"title\":\"内容太大\"");
    }
}
