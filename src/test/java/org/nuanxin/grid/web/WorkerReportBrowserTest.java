package org.nuanxin.grid.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.nuanxin.geo.Divisions;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.grid.PhotoIntake;
import org.nuanxin.grid.ReportAction;
import org.nuanxin.grid.TestPhotos;
import org.nuanxin.grid.internal.Report;
import org.nuanxin.grid.internal.ReportService;
import org.nuanxin.identity.internal.SecurityConfigurationAccess;
import org.nuanxin.membership.People;
import org.nuanxin.support.AsStaff;
import org.nuanxin.support.Browser;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.SmsInbox;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.web.context.WebApplicationContext;

/**
 * A hazard reported from a phone-sized Chromium (360 px, JavaScript on, the phone's position emulated) through to
 * "fixed": the worker signs in with the code from their phone, picks the category, uses their position, sends a
 * description and a photo; staff verify, forward and fix it with a note (through the service); the worker's page shows
 * it fixed with the fixer's note. Screenshots in {@code target/screenshots/grid-*}.
 */
@NuanxinTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkerReportBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    SmsInbox inbox;

    @Autowired
    ReportService reports;

    @Autowired
    PhotoIntake intake;

    @Autowired
    Divisions divisions;

    @Autowired
    WebApplicationContext application;

    @RegisterExtension
    Browser phone = Browser.phone();

    @RegisterExtension
    Browser noScript = Browser.withoutJavaScript(360, 740);

    /** Other tests' MockMvc {@code csrf()} makes this shared server keep CSRF tokens in sessions: undone here. */
    @BeforeEach
    void theApplicationsOwnCsrfTokens() {
        WebTestUtils.setCsrfTokenRepository(
                new MockHttpServletRequest(application.getServletContext()), SecurityConfigurationAccess.csrfTokens());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void look(String name) {
        look(phone, name);
    }

    private static void look(Browser browser, String name) {
        long width = (Long) browser.driver().executeScript("return document.documentElement.scrollWidth");
        assertThat(width).as("%s: no horizontal scrolling at 360 px", name).isLessThanOrEqualTo(360);
        browser.screenshot("grid-" + name);
    }

    private void signIn(Browser browser, String path, String mobile) {
        browser.open(url(path));
        browser.waitForUrlContaining("/m/signin?next=");
        browser.driver().findElement(By.id("mobile")).sendKeys(mobile.substring(3));
        browser.driver().findElement(By.id("send-code")).click();
        browser.waitFor(By.id("code")).sendKeys(inbox.lastCode(mobile).orElseThrow());
        browser.driver().findElement(By.id("sign-in")).click();
        browser.waitForUrlContaining(path);
    }

    private Report act(long id, ReportAction action, ReportService.ActionInput input) {
        return AsStaff.call(() -> reports.act(id, reports.find(id).orElseThrow().version(), action, input));
    }

    @Test
    void aHazardReportedFromAPhoneIsSeenFixedWithTheFixersNote() throws Exception {
        String mobile = People.mobile();
        GeoPoint here = divisions.randomPointIn("500105", new Random(System.nanoTime()));
        Path photo = Files.createTempFile("hazard", ".jpg");
        Files.write(photo, TestPhotos.encode(TestPhotos.markedCorners(640, 480, 60), "jpeg"));

        // Signs in with the code, straight back to the report form.
        signIn(phone, "/m/report", mobile);
        phone.geolocation(here.latitude(), here.longitude());
        look("report-start");

        phone.driver()
                .findElement(By.xpath("//input[@value='MANHOLE_COVER']/following-sibling::span"))
                .click();
        phone.waitFor(By.id("locate")).click();
        phone.waitForText(By.id("locate-status"), "已定位", Duration.ofSeconds(10));
        // The open reports nearby were looked up in place: none of this kind here.
        phone.waitFor(By.id("nearby-none"));
        assertThat(Double.parseDouble(phone.driver().findElement(By.id("lat")).getAttribute("value")))
                .isCloseTo(here.latitude(), org.assertj.core.data.Offset.offset(1e-6));
        look("report-located");
        phone.driver().findElement(By.id("next")).click();

        phone.waitForUrlContaining("/m/report/new");
        assertThat(phone.waitFor(By.id("chosen-category")).getText()).isEqualTo("井盖缺失或破损");
        phone.driver().findElement(By.id("description")).sendKeys("井盖缺失，直径约60厘米，晚上看不见");
        assertThat(phone.driver().findElement(By.id("description-counter")).getText())
                .isEqualTo("18 / 500 字");
        phone.driver()
                .findElement(By.id("photo1"))
                .sendKeys(photo.toAbsolutePath().toString());
        look("report-details");
        phone.driver().findElement(By.id("submit-report")).click();

        phone.waitForUrlContaining("?sent");
        assertThat(phone.waitFor(By.id("state")).getText()).isEqualTo("待核实");
        look("report-sent");
        String current = phone.driver().getCurrentUrl();
        long id = Long.parseLong(current.substring(current.indexOf("/m/reports/") + 11, current.indexOf('?')));
        Report sent = reports.mine(mobile, id).orElseThrow();
        assertThat(sent.districtCode()).isEqualTo("500105");
        assertThat(reports.photos(id)).hasSize(1);

        // Staff verify, forward and fix it.
        act(id, ReportAction.VERIFY, ReportService.ActionInput.note(""));
        act(id, ReportAction.FORWARD, new ReportService.ActionInput("", "江北区市政设施管理所", null, null));
        act(
                id,
                ReportAction.FIX,
                new ReportService.ActionInput(
                        "已更换新井盖并加装防坠网",
                        null,
                        null,
                        intake.accept(new ByteArrayInputStream(
                                TestPhotos.encode(TestPhotos.markedCorners(320, 240, 30), "jpeg")))));

        phone.open(url("/m/reports"));
        assertThat(phone.waitFor(By.id("unread")).getText()).isEqualTo("3");
        assertThat(phone.driver()
                        .findElement(By.cssSelector("#report-" + id + " .nx-state"))
                        .getText())
                .isEqualTo("已修复");
        look("reports");
        phone.driver().findElement(By.id("report-" + id)).click();
        assertThat(phone.waitFor(By.id("state")).getText()).isEqualTo("已修复");
        assertThat(phone.driver()
                        .findElement(By.cssSelector("#timeline li.nx-step-FIXED .nx-note"))
                        .getText())
                .isEqualTo("已更换新井盖并加装防坠网");
        assertThat(phone.driver()
                        .findElement(By.cssSelector("#timeline li.nx-step-FORWARDED"))
                        .getText())
                .contains("江北区市政设施管理所");
        // The fixer's photo loads (a real image, decoded by the browser).
        assertThat((Long) phone.driver()
                        .executeScript("var i = document.querySelector('#timeline li.nx-step-FIXED img');"
                                + " i.scrollIntoView(); return i.complete ? i.naturalWidth : -1;"))
                .isIn(320L, -1L);
        look("report-fixed");
    }

    /** Without JavaScript: a district instead of the position, a refusal shown beside its field, then sent. */
    @Test
    void withoutJavaScriptADistrictIsTheLocationAndRefusalsAreShownBesideTheField() throws Exception {
        String mobile = People.mobile();
        Path script = Files.createTempFile("not-a-photo", ".jpg");
        Files.writeString(script, "<html><script>alert(1)</script></html>");
        Path photo = Files.createTempFile("hazard", ".jpg");
        Files.write(photo, TestPhotos.encode(TestPhotos.markedCorners(640, 480, 60), "jpeg"));

        signIn(noScript, "/m/report", mobile);
        assertThat(noScript.driver().findElement(By.id("locate")).isDisplayed()).isFalse();
        look(noScript, "nojs-report-start");
        noScript.driver()
                .findElement(By.xpath("//input[@value='STREET_LIGHT']/following-sibling::span"))
                .click();
        new org.openqa.selenium.support.ui.Select(noScript.driver().findElement(By.id("district")))
                .selectByValue("500103");
        noScript.driver().findElement(By.id("next")).click();
        noScript.waitForUrlContaining("/m/report/new");
        assertThat(noScript.waitFor(By.id("chosen-location")).getText()).contains("渝中区");

        noScript.driver().findElement(By.id("description")).sendKeys("解放碑步行街东口路灯不亮");
        noScript.driver().findElement(By.id("address")).sendKeys("民族路与八一路路口");
        noScript.driver()
                .findElement(By.id("photo1"))
                .sendKeys(script.toAbsolutePath().toString());
        noScript.driver().findElement(By.id("submit-report")).click();
        assertThat(noScript.waitFor(By.id("photo-error")).getText()).contains("网页");
        assertThat(noScript.driver().findElement(By.id("photos-again")).getText())
                .contains("重新选择");
        assertThat(noScript.driver().findElement(By.id("description")).getAttribute("value"))
                .isEqualTo("解放碑步行街东口路灯不亮");
        look(noScript, "nojs-photo-refused");

        noScript.driver()
                .findElement(By.id("photo1"))
                .sendKeys(photo.toAbsolutePath().toString());
        noScript.driver().findElement(By.id("submit-report")).click();
        noScript.waitForUrlContaining("?sent");
        assertThat(noScript.waitFor(By.id("state")).getText()).isEqualTo("待核实");
        assertThat(reports.mine(mobile)).singleElement().satisfies(r -> {
            assertThat(r.districtCode()).isEqualTo("500103");
            assertThat(r.address()).isEqualTo("民族路与八一路路口");
        });
        look(noScript, "nojs-report-sent");

        noScript.open(url("/m/grid?district=500103"));
        noScript.waitFor(By.id("enrolment"));
        look(noScript, "nojs-grid");
        noScript.open(url("/m/me"));
        noScript.waitFor(By.id("me-report")).click();
        noScript.waitForUrlContaining("/m/report");
    }

    /**
     * The report form's upload bound, over real HTTP with the worker's session: a body declared over the container's
     * request limit (32 MB: three 10 MB photos and the fields) is answered 413 with the friendly page, and no report
     * is made.
     */
    @Test
    void aReportBodyOverTheRequestLimitIsRefusedWith413() throws Exception {
        String mobile = People.mobile();
        signIn(noScript, "/m/report", mobile);
        noScript.open(url("/m/report/new?category=OTHER&district=500103"));
        String token = noScript.waitForPresent(By.cssSelector("input[name=_csrf]"), Duration.ofSeconds(10))
                .getAttribute("value");
        String cookies = noScript.driver().manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        String boundary = "----nuanxin-grid-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--"
                        + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"big.jpg\"\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = java.util.Arrays.copyOf(head, 33 * 1024 * 1024);

        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/m/report")))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .header("Accept", "text/html")
                                .header("Cookie", cookies)
                                .timeout(Duration.ofSeconds(60))
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("内容太大").contains("照片请重新拍摄或截屏后上传").doesNotContain("请拆分或压缩");
        assertThat(reports.mine(mobile)).isEmpty();
    }

    /**
     * Three photos as a phone takes them (12 megapixels, about 7 MB each, over the 17 MB request ceiling the
     * application had before hazard reports) are taken in one report over real HTTP.
     */
    @Test
    void threePhoneSizedPhotosFitInOneReport() throws Exception {
        String mobile = People.mobile();
        BufferedImage noise = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < 3000; y++) {
            for (int x = 0; x < 4000; x++) {
                noise.setRGB(x, y, random.nextInt());
            }
        }
        byte[] jpeg = TestPhotos.encode(noise, "jpeg");
        assertThat(3L * jpeg.length).as("three photos").isGreaterThan(17L * 1024 * 1024);
        GeoPoint p = divisions.randomPointIn("500103", random);

        signIn(noScript, "/m/report", mobile);
        noScript.open(url("/m/report/new?category=OTHER&lat=" + p.latitude() + "&lng=" + p.longitude()));
        String token = noScript.waitForPresent(By.cssSelector("input[name=_csrf]"), Duration.ofSeconds(10))
                .getAttribute("value");
        String key = noScript.driver().findElement(By.name("key")).getAttribute("value");
        String cookies = noScript.driver().manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        String boundary = "----nuanxin-grid-boundary";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.util.function.BiConsumer<String, String> field = (name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        field.accept("_csrf", token);
        field.accept("category", "OTHER");
        field.accept("lat", Double.toString(p.latitude()));
        field.accept("lng", Double.toString(p.longitude()));
        field.accept("crs", "wgs84");
        field.accept("description", "三张照片");
        field.accept("key", key);
        for (int i = 1; i <= 3; i++) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"IMG_" + i
                            + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.writeBytes(jpeg);
            body.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/m/report")))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .header("Accept", "text/html")
                                .header("Cookie", cookies)
                                .timeout(Duration.ofSeconds(120))
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        assertThat(reports.mine(mobile))
                .singleElement()
                .satisfies(r -> assertThat(reports.photos(r.id()))
                        .hasSize(3)
                        .allSatisfy(ph ->
                                assertThat(Math.max(ph.width(), ph.height())).isEqualTo(2048)));
    }
}
