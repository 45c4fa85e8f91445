package org.nuanxin.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What a 403 or 404 looks like to each kind of client, over real HTTP (the container's error dispatch does not run
 * under MockMvc): a person's page (console, rider pages) is the HTML error page whatever {@code Accept} says — curl
 * sends {@code *}{@code /*}, some clients nothing — unless the client asks for JSON; the API stays JSON.
 */
@NuanxinTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nuanxin.station.demo-data=true")
class ErrorPagesHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    private static boolean signedIn;

    private static final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @BeforeEach
    void signInAsStaff() throws Exception {
        if (signedIn) {
            return;
        }
        StaffAccounts.ensureStaff(jdbc, encoder);
        String login = send("/login", "text/html").body();
        Matcher m = Pattern.compile("name=\"_csrf\" *value=\"([^\"]+)\"").matcher(login);
        assertThat(m.find()).isTrue();
        String form = "username=" + StaffAccounts.STAFF + "&password=" + StaffAccounts.STAFF_PASSWORD + "&_csrf="
                + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        signedIn = true;
    }

    private HttpResponse<String> send(String path, @Nullable String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0} with Accept [{1}] -> {2} {3}")
    @CsvSource(
            nullValues = "none",
            value = {
                // staff may not open the account list (administrators only): the 403 page
                "/console/accounts, */*, 403, html",
                "/console/accounts, none, 403, html",
                "/console/accounts, text/html, 403, html",
                "/console/accounts, application/json, 403, json",
                // a station code that does not exist: the 404 page
                "/console/stations/NO-SUCH-CODE, */*, 404, html",
                "/console/stations/NO-SUCH-CODE, none, 404, html",
                "/console/stations/NO-SUCH-CODE, application/json, 404, json",
                "/m/no-such-page, */*, 404, html",
                // the API answers programs: JSON whatever is asked
                "/api/v1/stations/NO-SUCH-CODE, */*, 404, json",
                "/api/v1/stations/NO-SUCH-CODE, text/html, 404, json",
                "/api/v1/no-such-thing, */*, 403, json" // denied by default, before any look-up
            })
    void peopleGetPagesAndProgramsGetJson(String path, @Nullable String accept, int status, String kind)
            throws Exception {
        HttpResponse<String> response = send(path, accept);
        assertThat(response.statusCode()).isEqualTo(status);
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (kind.equals("html")) {
            assertThat(type).startsWith("text/html");
            assertThat(response.body())
                    .contains("<html")
                    .contains(status == 403 ? "没有权限" : "404")
                    .doesNotContain("\"status\":");
        } else {
            assertThat(type).containsIgnoringCase("json");
            assertThat(response.body()).contains("\"status\":" + status).doesNotContain("<html");
        }
    }
}
