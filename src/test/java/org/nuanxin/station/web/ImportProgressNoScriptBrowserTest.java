package org.nuanxin.station.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.nuanxin.support.Browser;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.StaffAccounts;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The import progress page in Chromium with JavaScript off: while the import works the page reloads itself (a
 * refresh inside {@code <noscript>}, so htmx's polling is not doubled when scripts run) and says so with a link;
 * once the import is done it stops reloading.
 */
@NuanxinTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nuanxin.station.demo-data=true")
class ImportProgressNoScriptBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @RegisterExtension
    Browser browser = Browser.withoutJavaScript(1440, 900);

    @Test
    void theProgressPageRefreshesItselfWithoutJavaScriptUntilTheImportIsDone() throws Exception {
        StaffAccounts.ensureStaff(jdbc, encoder);
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO station_import (id, owner_name, file_name, locale_tag, import_state, total, processed,
                                            created_at, updated_at, organization_id)
                VALUES (:id, :owner, 'roster.csv', 'zh-CN', 'CHECKING', 1000, 250, :now, :now,
                        (SELECT id FROM organization WHERE parent_id IS NULL))""")
                .param("id", id)
                .param("owner", StaffAccounts.STAFF)
                .param("now", now)
                .update();
        browser.open("http://localhost:" + port + "/login");
        browser.waitFor(By.id("username")).sendKeys(StaffAccounts.STAFF);
        browser.driver().findElement(By.id("password")).sendKeys(StaffAccounts.STAFF_PASSWORD);
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitForUrlContaining("/console");
        browser.open("http://localhost:" + port + "/console/stations/import/" + id);
        // The page reloads itself every 2 s: read its text only through the waits, which retry a read the reload cut.
        browser.waitForText(By.cssSelector(".nx-state"), "正在检查", Duration.ofSeconds(10));
        assertThat(browser.driver().getPageSource()).contains("http-equiv=\"refresh\"");
        // The <noscript> content is parsed and shown only when scripts are off: this also proves they are.
        browser.waitForText(By.cssSelector(".nx-refresh"), "自动刷新", Duration.ofSeconds(10));
        browser.screenshot("import-progress-noscript");

        // The import moves on; the page shows it by itself (no click, no script).
        jdbc.sql("UPDATE station_import SET import_state = 'READY', processed = 1000, to_create = 1000"
                        + " WHERE id = :id")
                .param("id", id)
                .update();
        browser.waitForText(By.cssSelector(".nx-state"), "检查通过", Duration.ofSeconds(10));
        assertThat(browser.driver().getPageSource()).doesNotContain("http-equiv=\"refresh\"");
        assertThat(browser.driver().findElements(By.cssSelector(".nx-refresh"))).isEmpty();
        browser.screenshot("import-ready-noscript");
    }
}
