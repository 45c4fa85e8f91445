package org.nuanxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nuanxin.support.MutableClock;
import org.nuanxin.support.NuanxinTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Over a real socket: uploads from clients that are not signed in are refused before their body is
 * read, a silent client is disconnected, and behind a TLS proxy (X-Forwarded-* from a trusted address)
 * the session cookie is Secure, HSTS is sent, redirects stay relative whatever the Host header says,
 * and the audit log records the forwarded client address.
 */
@NuanxinTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nuanxin.station.demo-data=true")
class RawHttpAbuseTest {

    @org.springframework.beans.factory.annotation.Value("${nuanxin.http.body-deadline}")
    Duration bodyDeadline;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder encoder;

    @Autowired
    Environment environment;

    @Autowired
    MutableClock clock;

    record Answer(String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        List<String> headers(String name) {
            List<String> values = new ArrayList<>();
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    values.add(line.substring(colon + 1).trim());
                }
            }
            return values;
        }

        int status() {
            return Integer.parseInt(head.split(" ")[1]);
        }
    }

    /** Reads one answer (headers, and the body when it has a Content-Length). */
    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                break;
            }
        }
        String headText = head.toString(StandardCharsets.ISO_8859_1);
        Matcher length = Pattern.compile("(?i)content-length:\\s*(\\d+)").matcher(headText);
        // Without a length (chunked), the exchanges here ask for Connection: close: read to the end.
        byte[] body = length.find()
                ? in.readNBytes(Integer.parseInt(length.group(1)))
                : headText.toLowerCase(Locale.ROOT).contains("chunked") ? in.readAllBytes() : new byte[0];
        return new Answer(headText, new String(body, StandardCharsets.UTF_8));
    }

    Answer exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return read(socket.getInputStream());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/m/stations",
                "/login",
                "/api/v1/districts",
                "/api/v1/stations/nearest?lat=29.56&lng=106.55",
                "/css/nuanxin.css",
                "/favicon.ico",
                "/robots.txt",
                "/no-such-page",
                "/error",
                "/console",
                "/console/stations?district=500103",
                "/console/no-rule-here",
                "/actuator/health"
            })
    void anonymousRequestsCreateNoSession(String url) throws Exception {
        Answer answer = exchange("GET " + url + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).as(url).isLessThan(500);
        assertThat(answer.headers("Set-Cookie")).as(url).noneMatch(c -> c.startsWith("JSESSIONID"));
    }

    @Test
    void anUnauthenticatedTwentyMegabyteUploadIsRefusedBeforeItsBodyIsRead() throws Exception {
        long size = 20L * 1024 * 1024;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /console/stations/import HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: " + size + "\r\n\r\n"
                            + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roster.xlsx\"\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            // 256 KB and nothing more: a server that read the body (or drained more than 64 KB of it) would wait.
            out.write(new byte[256 * 1024]);
            out.flush();
            long start = System.nanoTime();
            Answer answer = read(socket.getInputStream());
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(answer.status()).isEqualTo(302);
            assertThat(answer.header("Location")).isEqualTo("/login?expired");
            assertThat(answer.headers("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
            assertThat(millis).as("answered without waiting for the body").isLessThan(3_000);
            // The server closes the connection instead of draining 20 MB.
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void aRefusedSlowUploadIsClosedOnceAnsweredNotAfterTheReadTimeout() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /console/stations/import HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: 100000\r\n\r\n"
                            + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roster.xlsx\"\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush(); // and then silence, as a slow client between two bytes
            socket.setSoTimeout(5_000);
            Answer answer = read(socket.getInputStream());
            assertThat(answer.status()).isEqualTo(302);

            // Tomcat would read (swallow) the rest for up to the 10 s read timeout before closing; it must not wait.
            socket.setSoTimeout(3_000);
            int next;
            try {
                next = socket.getInputStream().read();
            } catch (SocketTimeoutException stillWaiting) {
                next = -2;
            } catch (IOException reset) {
                next = -1;
            }
            assertThat(next)
                    .as("the connection closed once the answer was sent")
                    .isEqualTo(-1);
        }
    }

    @Test
    void aRefusedUploadSentWholeGetsItsWholeAnswerBeforeTheClose() throws Exception {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roster.csv\"\r\n\r\n"
                + "name,district\r\n".repeat(3000) + "\r\n--XyZ--\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream()
                    .write(("POST /console/stations/import HTTP/1.1\r\nHost: localhost\r\n"
                                    + "Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: "
                                    + body.length() + "\r\n\r\n" + body)
                            .getBytes(StandardCharsets.US_ASCII));
            Answer answer = read(socket.getInputStream());
            assertThat(answer.status()).isEqualTo(302);
            assertThat(answer.header("Location")).isEqualTo("/login?expired");
            // The answer is sent whole before the connection closes.
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void aSilentClientIsDisconnected() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream()
                    .write("POST /api/v1/stations HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            int read;
            try {
                InputStream in = socket.getInputStream();
                while ((read = in.read()) != -1) {
                    // a 408 or nothing: either way the connection ends
                }
            } catch (SocketTimeoutException stillOpen) {
                read = -2;
            } catch (IOException reset) {
                read = -1;
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000;
            assertThat(read).as("the server closed the connection").isEqualTo(-1);
            assertThat(seconds)
                    .as("within server.tomcat.connection-timeout (10 s)")
                    .isLessThan(15);
        }
    }

    @Test
    void behindATrustedTlsProxyCookiesAreSecureHstsIsSentAndTheClientAddressIsAudited() throws Exception {
        String proxy = "X-Forwarded-Proto: https\r\nX-Forwarded-Host: nuanxin.example.cn\r\n"
                + "X-Forwarded-For: 203.0.113.45\r\n";
        Answer page = exchange("GET /login HTTP/1.1\r\nHost: localhost\r\n" + proxy + "Connection: close\r\n\r\n");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Strict-Transport-Security")).contains("max-age=");
        String xsrf = page.headers("Set-Cookie").stream()
                .filter(c -> c.startsWith("XSRF-TOKEN="))
                .findFirst()
                .orElseThrow();
        assertThat(xsrf).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
        assertThat(page.headers("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        Matcher token = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();

        String form = "username=admin&password=test-admin-password-1&_csrf=" + token.group(1);
        Answer signIn = exchange("POST /login HTTP/1.1\r\nHost: localhost\r\n" + proxy
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length() + "\r\n"
                + "Cookie: " + xsrf.substring(0, xsrf.indexOf(';')) + "\r\nConnection: close\r\n\r\n" + form);
        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.header("Location")).isEqualTo("/console");
        String session = signIn.headers("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        assertThat(session.toLowerCase(Locale.ROOT))
                .contains("; secure")
                .contains("; httponly")
                .contains("samesite=lax");
        assertThat(jdbc.sql("SELECT client_address FROM audit_log WHERE action = 'identity.sign-in'"
                                + " ORDER BY id DESC LIMIT 1")
                        .query(String.class)
                        .single())
                .isEqualTo("203.0.113.45");
    }

    /** Signs in as admin over plain HTTP; returns the {@code JSESSIONID=...} cookie. */
    String signInAsAdmin() throws IOException {
        return signInAs("admin", "test-admin-password-1");
    }

    String signInAs(String username, String password) throws IOException {
        Answer page = exchange("GET /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        String xsrf = page.headers("Set-Cookie").stream()
                .filter(c -> c.startsWith("XSRF-TOKEN="))
                .findFirst()
                .orElseThrow();
        Matcher token = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();
        String form = "username=" + username + "&password=" + password + "&_csrf=" + token.group(1);
        Answer signIn = exchange("POST /login HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length() + "\r\n"
                + "Cookie: " + xsrf.substring(0, xsrf.indexOf(';')) + "\r\nConnection: close\r\n\r\n" + form);
        assertThat(signIn.header("Location")).isEqualTo("/console");
        String session = signIn.headers("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        return session.substring(0, session.indexOf(';'));
    }

    /** Worker threads now reading a request body (through the body-deadline valve's input buffer). */
    static long threadsReadingABody() {
        return Thread.getAllStackTraces().values().stream()
                .filter(stack -> Arrays.stream(stack)
                        .anyMatch(f -> f.getClassName().startsWith("org.nuanxin.web.internal.BodyDeadlineValve")))
                .count();
    }

    @Test
    void aSignedInSlowBodyIsCutAtTheBodyDeadlineAndItsThreadFreed() throws Exception {
        String session = signInAsAdmin();
        Instant start = clock.instant();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(300);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /console/stations/import HTTP/1.1\r\nHost: localhost\r\nCookie: " + session + "\r\n"
                            + "Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: 100000\r\n\r\n"
                            + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roster.csv\"\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            // A slow but steady body within the deadline: the server waits, a thread reads it.
            for (int i = 0; i < 5; i++) {
                out.write('a');
                out.flush();
                assertThat(stillOpen(in))
                        .as("open while the body is within its deadline")
                        .isTrue();
            }
            assertThat(threadsReadingABody()).isGreaterThanOrEqualTo(1);

            // Past nuanxin.http.body-deadline after the headers: the next byte finds the deadline passed.
            clock.advance(bodyDeadline.plusSeconds(1));
            out.write('a');
            out.flush();
            socket.setSoTimeout(5_000);
            int read;
            try {
                read = in.read();
                while (read != -1) {
                    read = in.read();
                }
            } catch (SocketTimeoutException stillOpen) {
                read = -2;
            } catch (IOException reset) {
                read = -1;
            }
            assertThat(read)
                    .as("the server closed the connection without an answer")
                    .isEqualTo(-1);
        } finally {
            clock.set(start);
        }
        await("the worker thread freed").atMost(Duration.ofSeconds(15)).until(() -> threadsReadingABody() == 0);
    }

    @Test
    void oneAccountUploadsAtMostTwoBodiesAtATimeAndAThirdIsRefusedUnread() throws Exception {
        String session = signInAsAdmin();
        String head = "POST /console/stations/import HTTP/1.1\r\nHost: localhost\r\nCookie: " + session + "\r\n"
                + "Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: 100000\r\n\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roster.csv\"\r\n\r\n";
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < UploadLimitFilter.UPLOADS_PER_ACCOUNT; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                socket.setSoTimeout(300);
                socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                slow.add(socket);
                assertThat(stillOpen(socket.getInputStream()))
                        .as("upload %d is being read", i + 1)
                        .isTrue();
            }
            await("both uploads being read").atMost(Duration.ofSeconds(10)).until(() -> threadsReadingABody() >= 2);
            try (Socket third = new Socket("127.0.0.1", port)) {
                third.setSoTimeout(5_000);
                third.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                third.getOutputStream().flush();
                String answer = new String(third.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).startsWith("HTTP/1.1 429");
                // A page that says why, not the generic "请求有误": the previous upload is still on its way.
                assertThat(answer)
                        .contains("上一次提交还在上传")
                        .contains("请稍等片刻")
                        .doesNotContain("请求有误")
                        .doesNotContain("我的上报");
            }
            // A rider's report (a worker page) is told to look under 我的上报 before sending it again; the limit
            // is the account's, whatever the page, and is checked before the page's access rule.
            String report = head.replace("POST /console/stations/import ", "POST /m/report ");
            try (Socket fourth = new Socket("127.0.0.1", port)) {
                fourth.setSoTimeout(5_000);
                fourth.getOutputStream().write(report.getBytes(StandardCharsets.US_ASCII));
                fourth.getOutputStream().flush();
                String answer = new String(fourth.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer)
                        .startsWith("HTTP/1.1 429")
                        .contains("您上一次提交的上报还在上传")
                        .contains("“我的上报”");
            }
            // The limit is each account's: another account's upload meanwhile is read (and here refused by the CSRF
            // filter for want of a token), not counted with the administrator's.
            org.nuanxin.support.StaffAccounts.ensureStaff(jdbc, encoder);
            String other =
                    signInAs(org.nuanxin.support.StaffAccounts.STAFF, org.nuanxin.support.StaffAccounts.STAFF_PASSWORD);
            String small = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.csv\"\r\n\r\na,b\r\n"
                    + "--XyZ--\r\n";
            Answer staff = exchange("POST /console/stations/import HTTP/1.1\r\nHost: localhost\r\nCookie: " + other
                    + "\r\nContent-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: " + small.length()
                    + "\r\nConnection: close\r\n\r\n" + small);
            assertThat(staff.status()).isEqualTo(403);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
        await("the slow uploads' threads freed").atMost(Duration.ofSeconds(15)).until(() -> threadsReadingABody() == 0);
    }

    private static boolean stillOpen(InputStream in) throws IOException {
        try {
            return in.read() != -1;
        } catch (SocketTimeoutException waiting) {
            return true;
        }
    }

    @Test
    void plainHttpHasNoHstsAndAForgedHostIsNeverReflected() throws Exception {
        Answer plain = exchange("GET /console/stations HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(plain.status()).isEqualTo(302);
        assertThat(plain.header("Location")).isEqualTo("/login");
        assertThat(plain.header("Strict-Transport-Security")).isNull();
        Answer forwarded = exchange("GET / HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil2.example\r\n"
                + "X-Forwarded-Proto: https\r\nConnection: close\r\n\r\n");
        assertThat(forwarded.header("Location")).doesNotContain("evil");
    }

    @Test
    void forwardedHeadersAreTrustedFromLoopbackOnlyByDefault() {
        Pattern proxies = Pattern.compile(environment.getProperty("server.tomcat.remoteip.internal-proxies"));
        assertThat(proxies.matcher("127.0.0.1").matches()).isTrue();
        assertThat(proxies.matcher("0:0:0:0:0:0:0:1").matches()).isTrue();
        assertThat(proxies.matcher("10.0.0.1").matches()).isFalse();
        assertThat(proxies.matcher("203.0.113.45").matches()).isFalse();
        assertThat(proxies.matcher("127a0b0c1").matches()).isFalse();
    }

    @Test
    void prometheusScrapesWithItsOwnCredentialOnly() throws Exception {
        assertThat(exchange("GET /actuator/prometheus HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                        .status())
                .isEqualTo(401);
        String good = java.util.Base64.getEncoder()
                .encodeToString("prometheus:test-metrics-password-1".getBytes(StandardCharsets.UTF_8));
        Answer scrape = exchange("GET /actuator/prometheus HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + good
                + "\r\nConnection: close\r\n\r\n");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.headers("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        String staff = java.util.Base64.getEncoder()
                .encodeToString("admin:test-admin-password-1".getBytes(StandardCharsets.UTF_8));
        assertThat(exchange("GET /actuator/prometheus HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + staff
                                + "\r\nConnection: close\r\n\r\n")
                        .status())
                .as("accounts do not sign in with HTTP Basic")
                .isEqualTo(401);
    }
}
