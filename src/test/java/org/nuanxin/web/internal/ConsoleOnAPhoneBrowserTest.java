package org.nuanxin.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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
 * The console's tables on a phone, 390×844 in Chromium: no header cell wraps to more than two lines (they wrapped one
 * character per line), the page itself never scrolls sideways (a wide table scrolls inside its own focusable box),
 * and the first column stays in view while the table scrolls. Screenshots: target/screenshots/console-390-*.png.
 */
@NuanxinTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nuanxin.station.demo-data=true")
class ConsoleOnAPhoneBrowserTest {

    static final int WIDTH = 390;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @RegisterExtension
    Browser staff = Browser.ofSize(WIDTH, 844);

    @RegisterExtension
    Browser admin = Browser.ofSize(WIDTH, 844);

    private void signIn(Browser browser, String user, String password) {
        browser.open("http://localhost:" + port + "/login");
        browser.waitFor(By.id("username")).sendKeys(user);
        browser.driver().findElement(By.id("password")).sendKeys(password);
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitForUrlContaining("/console");
    }

    @SuppressWarnings("unchecked")
    private void checkTables(Browser browser, String path, String shot) {
        browser.open("http://localhost:" + port + path);
        browser.waitFor(By.cssSelector(".nx-table"));
        Map<String, Object> m = (Map<String, Object>) browser.driver().executeScript("""
                const lineHeight = th => parseFloat(getComputedStyle(th).lineHeight) || 1.5 * parseFloat(getComputedStyle(th).fontSize);
                const ths = [...document.querySelectorAll('.nx-table th')].filter(th => th.offsetParent !== null);
                const tallest = Math.max(...ths.map(th => th.getBoundingClientRect().height - parseFloat(getComputedStyle(th).paddingTop) - parseFloat(getComputedStyle(th).paddingBottom) - lineHeight(th) * 2));
                const boxes = [...document.querySelectorAll('.nx-table')].filter(t => t.offsetParent !== null).map(t => t.parentElement);
                const box = boxes[0];
                const first = box.querySelector('tbody tr > :first-child');
                const before = first.getBoundingClientRect().left;
                box.scrollLeft = box.scrollWidth;
                const after = first.getBoundingClientRect().left;
                return {headers: ths.length, overTwoLines: tallest, pageWidth: document.documentElement.scrollWidth,
                        scrolls: box.scrollWidth > box.clientWidth, focusable: boxes.every(b => b.tabIndex === 0 && b.getAttribute('aria-label')),
                        firstMoved: Math.abs(after - before)};
                """);
        browser.screenshot(shot);
        assertThat(((Number) m.get("headers")).intValue()).as(path + " headers").isPositive();
        assertThat(((Number) m.get("overTwoLines")).doubleValue())
                .as(path + ": the tallest header is at most two lines")
                .isLessThanOrEqualTo(1.0);
        assertThat(((Number) m.get("pageWidth")).intValue())
                .as(path + ": the page itself does not scroll sideways")
                .isLessThanOrEqualTo(WIDTH);
        assertThat(m.get("focusable"))
                .as(path + ": scroll boxes are named, focusable regions")
                .isEqualTo(true);
        if (Boolean.TRUE.equals(m.get("scrolls"))) {
            assertThat(((Number) m.get("firstMoved")).doubleValue())
                    .as(path + ": the first column stays in view while the table scrolls")
                    .isLessThan(1.0);
        }
    }

    @Test
    void stationListAndImportPreviewAtPhoneWidth() {
        StaffAccounts.ensureStaff(jdbc, encoder);
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO station_import (id, owner_name, file_name, locale_tag, import_state, total, processed,
                                            problem_count, created_at, updated_at, organization_id)
                VALUES (:id, :owner, 'roster.xlsx', 'zh-CN', 'INVALID', 2, 2, 1, :now, :now,
                        (SELECT id FROM organization WHERE parent_id IS NULL))""")
                .param("id", id)
                .param("owner", StaffAccounts.STAFF)
                .param("now", now)
                .update();
        jdbc.sql("""
                INSERT INTO station_import_problem (import_id, seq, line_no, column_key, column_header, cell_ref, message)
                VALUES (:id, 0, 3, 'contactPhone', '联系电话', 'J3', '不是有效的中国大陆手机或固定电话号码')""").param("id", id).update();
        for (int line = 2; line <= 3; line++) {
            jdbc.sql("""
                    INSERT INTO station_import_row (import_id, line_no, row_action, code, name, district)
                    VALUES (:id, :line, 'CREATE', NULL, '解放碑商圈工会驿站（新）', '渝中区')""").param("id", id).param("line", line).update();
        }
        signIn(staff, StaffAccounts.STAFF, StaffAccounts.STAFF_PASSWORD);
        checkTables(staff, "/console/stations", "console-390-stations");
        checkTables(staff, "/console/stations/import/" + id + "?rows=0", "console-390-import");
    }

    @Test
    void accountsAndAuditLogAtPhoneWidth() {
        signIn(admin, StaffAccounts.ADMIN, StaffAccounts.ADMIN_PASSWORD);
        checkTables(admin, "/console/accounts", "console-390-accounts");
        checkTables(admin, "/console/audit", "console-390-audit");
        assertThat(List.of(admin.driver().getTitle())).isNotEmpty();
    }
}
