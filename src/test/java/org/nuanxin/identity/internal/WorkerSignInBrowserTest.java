package org.nuanxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.nuanxin.support.Browser;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.SmsInbox;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.web.context.WebApplicationContext;

/**
 * A worker signs in on a 390 px phone in a real headless Chromium with JavaScript switched off: opens their page, is
 * sent to the sign-in, types the number (full-width digits), reads the code from the SMS inbox, lands back on their
 * page, signs out. No session cookie exists before the code is right. Screenshots in {@code target/screenshots}.
 */
@NuanxinTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nuanxin.station.demo-data=true")
class WorkerSignInBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    SmsInbox inbox;

    @RegisterExtension
    Browser browser = Browser.withoutJavaScript(390, 844);

    @Autowired
    WebApplicationContext application;

    /** Other tests' MockMvc {@code csrf()} makes this shared server keep CSRF tokens in sessions: undone here. */
    @BeforeEach
    void theApplicationsOwnCsrfTokens() {
        WebTestUtils.setCsrfTokenRepository(
                new MockHttpServletRequest(application.getServletContext()), SecurityConfiguration.csrfTokens());
    }

    @Test
    void aWorkerSignsInWithTheCodeFromTheirPhone() {
        String base = "http://localhost:" + port;
        browser.open(base + "/m/me");
        browser.waitForUrlContaining("/m/signin?next=");
        assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("手机号登录");
        assertThat(browser.driver().findElement(By.id("mobile")).getSize().getWidth())
                .isGreaterThan(300);
        assertThat(width()).as("no horizontal scrolling at 390 px").isLessThanOrEqualTo(390);
        browser.screenshot("worker-signin-390");

        browser.driver().findElement(By.id("mobile")).sendKeys("１３９ ０００２ ００７７");
        browser.driver().findElement(By.id("send-code")).click();
        browser.waitFor(By.id("code"));
        assertThat(browser.driver().findElement(By.id("code-sent")).getText()).contains("139****0077");
        assertThat(sessionCookie()).as("no session before the code").isNull();
        assertThat(width()).isLessThanOrEqualTo(390);
        browser.screenshot("worker-signin-code-390");

        browser.driver().findElement(By.id("code")).sendKeys("000000".equals(code()) ? "111111" : "000000");
        browser.driver().findElement(By.id("sign-in")).click();
        assertThat(browser.waitFor(By.id("code-problem")).getText()).contains("验证码不对或已失效");
        assertThat(sessionCookie()).as("no session after a wrong code").isNull();
        browser.screenshot("worker-signin-wrong-code-390");

        browser.driver().findElement(By.id("code")).sendKeys(code());
        browser.driver().findElement(By.id("sign-in")).click();
        browser.waitForUrlContaining("/m/me");
        assertThat(browser.waitFor(By.id("signed-in-as")).getText()).contains("139****0077");
        assertThat(sessionCookie()).as("the worker's session").isNotNull();
        browser.screenshot("worker-me-390");

        browser.driver().findElement(By.id("sign-out")).click();
        browser.waitFor(By.id("signed-out"));
        browser.open(base + "/m/me");
        browser.waitForUrlContaining("/m/signin?next=");

        browser.open(base + "/m/signin?lang=en");
        assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Sign in with your mobile");
        browser.screenshot("worker-signin-390-en");
    }

    private String code() {
        return inbox.lastCode("+8613900020077").orElseThrow();
    }

    private Cookie sessionCookie() {
        return browser.driver().manage().getCookieNamed("JSESSIONID");
    }

    private long width() {
        return (Long) browser.driver().executeScript("return document.documentElement.scrollWidth");
    }
}
