package org.nuanxin.membership.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.nuanxin.identity.internal.SecurityConfigurationAccess;
import org.nuanxin.membership.People;
import org.nuanxin.support.Browser;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.SmsInbox;
import org.nuanxin.support.StaffAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.web.context.WebApplicationContext;

/**
 * Joining in a real headless Chromium at 390 px with JavaScript switched off: a worker signs in with the code from
 * their phone, joins (the township step without JavaScript), staff of the township approve in the console, the
 * worker opens the card and follows its check link; the public check creates no session. Screenshots of every page
 * in {@code target/screenshots/membership-*}.
 */
@NuanxinTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nuanxin.station.demo-data=true")
class MembershipBrowserTest {

    static final String STAFF = "browser-jfb-staff";
    static final String PASSWORD = "browser-staff-password-1";

    @LocalServerPort
    int port;

    @Autowired
    SmsInbox inbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    WebApplicationContext application;

    @RegisterExtension
    Browser worker = Browser.withoutJavaScript(390, 844);

    @RegisterExtension
    Browser staff = Browser.withoutJavaScript(390, 844);

    /** Other tests' MockMvc {@code csrf()} makes this shared server keep CSRF tokens in sessions: undone here. */
    @BeforeEach
    void theApplicationsOwnCsrfTokens() {
        WebTestUtils.setCsrfTokenRepository(
                new MockHttpServletRequest(application.getServletContext()), SecurityConfigurationAccess.csrfTokens());
        StaffAccounts.ensure(jdbc, encoder, STAFF, PASSWORD, "UNION_STAFF", "500103003");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private long width(Browser browser) {
        return (Long) browser.driver().executeScript("return document.documentElement.scrollWidth");
    }

    private void look(Browser browser, String name) {
        assertThat(width(browser))
                .as("%s: no horizontal scrolling at 390 px", name)
                .isLessThanOrEqualTo(390);
        browser.screenshot("membership-" + name);
    }

    @Test
    void aWorkerJoinsIsApprovedAndShowsACardAnyoneCanCheck() throws Exception {
        String mobile = People.mobile();
        String id = People.idNumber("500103");

        // Sign in with the code, straight back to the join form.
        worker.open(url("/m/join"));
        worker.waitForUrlContaining("/m/signin?next=");
        worker.driver().findElement(By.id("mobile")).sendKeys(mobile.substring(3));
        worker.driver().findElement(By.id("send-code")).click();
        worker.waitFor(By.id("code")).sendKeys(inbox.lastCode(mobile).orElseThrow());
        worker.driver().findElement(By.id("sign-in")).click();
        worker.waitForUrlContaining("/m/join");
        look(worker, "join");

        worker.waitFor(By.id("name")).sendKeys("张三丰");
        worker.driver().findElement(By.id("residentIdNumber")).sendKeys(id);
        new Select(worker.driver().findElement(By.id("occupation"))).selectByValue("FOOD_DELIVERY_RIDER");
        new Select(worker.driver().findElement(By.id("district"))).selectByValue("500103");
        worker.driver().findElement(By.id("show-townships")).click();
        new Select(worker.waitFor(By.id("township"))).selectByValue("500103003");
        assertThat(worker.driver().findElement(By.id("name")).getAttribute("value"))
                .isEqualTo("张三丰");
        look(worker, "join-townships");
        worker.driver().findElement(By.id("join-submit")).click();
        // Consent not given: said beside the box, nothing sent.
        assertThat(worker.waitFor(By.cssSelector(".nx-problem")).getText()).contains("请更正");
        look(worker, "join-refused");
        // The consent refusal stands on its own line below the box and its label, as wide as the field.
        var consentLabel = worker.driver()
                .findElement(By.cssSelector("label[for=consent]"))
                .getRect();
        var consentError = worker.driver().findElement(By.id("consent-error")).getRect();
        var consentField = worker.driver().findElement(By.id("consent-field")).getRect();
        assertThat(consentError.getY()).isGreaterThanOrEqualTo(consentLabel.getY() + consentLabel.getHeight());
        assertThat(consentError.getWidth()).isEqualTo(consentField.getWidth());
        Files.write(
                Browser.SCREENSHOTS.resolve("membership-join-consent-refused.png"),
                worker.driver().findElement(By.id("consent-field")).getScreenshotAs(OutputType.BYTES));
        worker.driver().findElement(By.id("consent")).click();
        worker.driver().findElement(By.id("join-submit")).click();
        worker.waitForUrlContaining("/m/member");
        assertThat(worker.waitFor(By.id("member-state")).getText()).isEqualTo("待审核");
        look(worker, "member-applied");

        // Staff of the township approve.
        staff.open(url("/login"));
        staff.waitFor(By.id("username")).sendKeys(STAFF);
        staff.driver().findElement(By.id("password")).sendKeys(PASSWORD);
        staff.driver().findElement(By.cssSelector("button[type=submit]")).click();
        staff.waitForUrlContaining("/console");
        staff.open(url("/console/membership/applications"));
        look(staff, "console-queue");
        long memberId = jdbc.sql("SELECT id FROM member WHERE mobile_masked = ? ORDER BY id DESC LIMIT 1")
                .param(org.nuanxin.identity.Masks.mobile(mobile))
                .query(Long.class)
                .single();
        staff.driver()
                .findElement(By.cssSelector("a[href$='/console/membership/applications/" + memberId + "']"))
                .click();
        staff.waitFor(By.id("approve"));
        look(staff, "console-application");
        staff.driver().findElement(By.id("approve")).click();
        assertThat(staff.waitFor(By.cssSelector(".alert-success")).getText()).contains("CQ");

        // The worker's card and its public check.
        worker.open(url("/m/member"));
        assertThat(worker.waitFor(By.id("member-state")).getText()).isEqualTo("会员");
        look(worker, "member");
        worker.driver().findElement(By.id("show-card")).click();
        worker.waitFor(By.cssSelector("svg.nx-qr"));
        look(worker, "card");
        String check = worker.driver().findElement(By.id("verify-link")).getAttribute("href");
        worker.driver().findElement(By.id("verify-link")).click();
        assertThat(worker.waitFor(By.id("verdict")).getText()).contains("有效会员");
        look(worker, "verify");
        worker.open(url("/m/member/transfer"));
        look(worker, "transfer");
        worker.open(url("/m/me/data"));
        look(worker, "data");

        // Scanned by someone else: no cookie, no session, decided now.
        HttpResponse<String> scanned = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(check)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(scanned.statusCode()).isEqualTo(200);
        assertThat(scanned.headers().allValues("Set-Cookie"))
                .as("no session for the public check")
                .noneMatch(c -> c.startsWith("JSESSIONID"));
        assertThat(scanned.body()).contains("有效会员", "张**").doesNotContain("张三丰");
    }
}
