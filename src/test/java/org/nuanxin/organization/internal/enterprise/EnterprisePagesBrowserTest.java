package org.nuanxin.organization.internal.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.nuanxin.support.Browser;
import org.nuanxin.support.NuanxinTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registry and campaign pages in a real Chromium at a phone's width (390 px), with the head-enterprise
 * demo data: they read without horizontal overflow of the page itself (tables scroll inside their box), the
 * progress bar shows without script, and the screenshots are in {@code target/screenshots/}.
 */
@NuanxinTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nuanxin.station.demo-data=true")
class EnterprisePagesBrowserTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    Browser browser = Browser.ofSize(390, 844);

    @Autowired
    EnterpriseDemoData demo;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void demoData() {
        if (jdbc.sql("SELECT COUNT(*) FROM campaign WHERE name = ?")
                        .param(EnterpriseDemoData.CAMPAIGN)
                        .query(Long.class)
                        .single()
                == 0) {
            jdbc.sql("DELETE FROM campaign_target").update();
            jdbc.sql("DELETE FROM campaign").update();
            jdbc.sql("DELETE FROM enterprise").update();
            demo.load();
        }
    }

    private void signIn() {
        browser.open("http://localhost:" + port + "/login");
        browser.driver().findElement(By.id("username")).sendKeys("admin");
        browser.driver().findElement(By.id("password")).sendKeys("test-admin-password-1");
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitForPresent(By.cssSelector(".nx-username"), java.time.Duration.ofSeconds(10));
    }

    private long pageOverflow() {
        return (Long) ((JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    }

    @Test
    void registryAndCampaignAtPhoneWidth() throws Exception {
        signIn();
        browser.open("http://localhost:" + port + "/console/enterprises?flag=HEAD");
        assertThat(browser.waitFor(By.id("enterprise-count")).getText()).isEqualTo("共 15 家企业");
        assertThat(pageOverflow()).as("the list page does not scroll sideways").isLessThanOrEqualTo(0);
        Path list = browser.screenshot("enterprises-390");
        assertThat(Files.size(list)).isGreaterThan(10_000);

        browser.open(browser.driver().findElement(By.linkText("顺丰速运")).getAttribute("href"));
        assertThat(browser.waitFor(By.id("creditCode")).getAttribute("value")).isEqualTo("91500112MA6D00018A");
        assertThat(pageOverflow()).isLessThanOrEqualTo(0);
        browser.screenshot("enterprise-edit-390");

        browser.open("http://localhost:" + port + "/console/campaigns");
        browser.open(browser.driver()
                .findElement(By.linkText(EnterpriseDemoData.CAMPAIGN))
                .getAttribute("href"));
        assertThat(browser.waitFor(By.id("campaign-progress-text")).getText()).isEqualTo("已建会 15 / 15 家（100%）");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#campaign-progress progress"))
                        .getAttribute("value"))
                .isEqualTo("100");
        assertThat(browser.driver().findElements(By.cssSelector("#campaign-targets tbody tr")))
                .hasSize(15);
        browser.screenshot("campaign-390");
        assertThat(pageOverflow())
                .as("overflowing: %s", ((JavascriptExecutor) browser.driver()).executeScript("""
                        return Array.from(document.querySelectorAll('body *'))
                          .filter(e => !e.closest('.table-responsive'))
                          .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                          .slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + e.id).join(' | ');"""))
                .isLessThanOrEqualTo(0);

        browser.open("http://localhost:" + port + "/console/enterprises/import");
        browser.waitFor(By.id("import-form"));
        assertThat(pageOverflow()).isLessThanOrEqualTo(0);
        browser.screenshot("enterprise-import-390");
    }
}
