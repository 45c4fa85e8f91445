package org.nuanxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.nuanxin.support.Browser;
import org.nuanxin.support.NuanxinTest;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The sign-in page in a real headless Chromium at phone size, and a real sign-in. */
@NuanxinTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nuanxin.station.demo-data=true")
class LoginPageBrowserTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    Browser browser = Browser.phone();

    @Test
    void adminSignsInOnAPhone() throws Exception {
        browser.open("http://localhost:" + port + "/login");
        assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("工作人员登录");
        // Stylesheets from WebJars load (no CSP or path problem): Bootstrap sets the form-control class width.
        assertThat(browser.driver().findElement(By.id("username")).getSize().getWidth())
                .isGreaterThan(250);
        Long pageWidth = (Long) browser.driver().executeScript("return document.documentElement.scrollWidth");
        assertThat(pageWidth).as("no horizontal scrolling at 360 px").isLessThanOrEqualTo(360);
        Path shot = browser.screenshot("login-phone");
        assertThat(Files.size(shot)).isGreaterThan(1000);

        browser.driver().findElement(By.id("username")).sendKeys("admin");
        browser.driver().findElement(By.id("password")).sendKeys("test-admin-password-1");
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitForUrlContaining("/console");
        // At phone width the navbar is collapsed: the name is in the page, behind the menu button.
        browser.waitFor(By.tagName("h1"));
        assertThat(browser.driver().findElement(By.cssSelector(".nx-username")).getAttribute("textContent"))
                .isEqualTo("admin");
        browser.screenshot("console-home-phone");

        browser.open("http://localhost:" + port + "/console?lang=en");
        assertThat(browser.waitFor(By.tagName("h1")).getText()).contains("Welcome");
        browser.screenshot("console-home-phone-en");
    }

    @Test
    void unknownPageShowsTheFriendly404() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/m/no-such-page"))
                                .header("Accept", "text/html")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("页面不存在").contains("lang=\"zh-CN\"");

        browser.open("http://localhost:" + port + "/m/no-such-page?lang=en");
        assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Page not found");
        browser.screenshot("error-404-phone-en");
    }

    @Test
    void aRefusedPageSaysNotAllowedInWords() throws Exception {
        // The administrator may view the roster but not create stations: the 403 page says so, not "bad request".
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .build();
        String base = "http://localhost:" + port;
        String login = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        var token = java.util.regex.Pattern.compile(
                        "name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"")
                .matcher(login);
        assertThat(token.find()).as("sign-in form token").isTrue();
        String csrf = token.group(1) != null ? token.group(1) : token.group(2);
        client.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=test-admin-password-1&_csrf="
                                + java.net.URLEncoder.encode(csrf, java.nio.charset.StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> refused = client.send(
                HttpRequest.newBuilder(URI.create(base + "/console/stations/new"))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("没有权限").doesNotContain("请求有误");
    }
}
