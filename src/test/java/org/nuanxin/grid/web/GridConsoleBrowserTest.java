package org.nuanxin.grid.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.grid.HazardCategory;
import org.nuanxin.grid.internal.NewReport;
import org.nuanxin.grid.internal.Report;
import org.nuanxin.grid.internal.ReportService;
import org.nuanxin.grid.internal.Reporter;
import org.nuanxin.membership.People;
import org.nuanxin.support.Browser;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.StaffAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The grid console in a real headless Chromium at desk size: the queue, a report's page with its location map (the
 * description with markup stays text), verifying it, the map of reports with its markers, and drawing a block by
 * clicking its corners, which writes GeoJSON into the area field. Screenshots in target/screenshots/grid-*.png.
 */
@NuanxinTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GridConsoleBrowserTest {

    static final String STAFF = "grid-walk-staff";
    static final String PASSWORD = "grid-walk-password-1";
    static final String MARKUP = "<img src=x onerror=\"document.title='pwned'\">井盖不见了";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    ReportService reports;

    @RegisterExtension
    Browser browser = Browser.desktop();

    @Test
    void staffTriageAReportOnItsPageAndSeeItOnTheMapAndDrawABlock() {
        StaffAccounts.ensure(jdbc, encoder, STAFF, PASSWORD, "UNION_STAFF", "500103");
        Report report = reports.submit(
                        new Reporter.Worker(People.mobile()),
                        new NewReport(
                                HazardCategory.MANHOLE_COVER,
                                MARKUP,
                                106.5705,
                                29.5572,
                                CoordinateSystem.WGS84,
                                "民族路",
                                List.of(),
                                null))
                .report();
        signIn();

        browser.open(url("/console/grid/reports?category=manhole_cover"));
        browser.waitFor(By.id("report-" + report.id()));
        browser.screenshot("grid-queue-desk");
        browser.driver()
                .findElement(By.cssSelector("#report-" + report.id() + " a"))
                .click();

        browser.waitFor(By.cssSelector("#report-map .leaflet-marker-icon"));
        assertThat(browser.driver().findElement(By.id("description")).getText()).isEqualTo(MARKUP);
        assertThat(browser.driver().findElements(By.cssSelector("#description img")))
                .isEmpty();
        assertThat(browser.driver().getTitle()).isNotEqualTo("pwned");
        browser.screenshot("grid-report-desk");
        browser.driver().findElement(By.id("do-VERIFY")).click();
        browser.waitFor(By.id("done"));
        assertThat(browser.driver().findElement(By.id("state")).getText()).isEqualTo("已核实");
        assertThat(browser.driver().findElements(By.id("action-FORWARD"))).hasSize(1);

        browser.open(url("/console/grid/map?category=manhole_cover"));
        browser.waitFor(By.cssSelector("#reports-map .nx-report-pin, #reports-map .marker-cluster"));
        browser.screenshot("grid-map-desk");

        browser.open(url("/console/grid/blocks/new"));
        new Select(browser.waitFor(By.id("districtCode"))).selectByValue("500103");
        WebElement map = browser.waitFor(By.cssSelector("#draw-map.leaflet-container"));
        Actions actions = new Actions(browser.driver());
        actions.moveToElement(map, -60, -40).click().perform();
        actions.moveToElement(map, 60, -40).click().perform();
        actions.moveToElement(map, 0, 50).click().perform();
        String area = browser.driver().findElement(By.id("area")).getAttribute("value");
        assertThat(area).startsWith("{\"type\":\"Polygon\",\"coordinates\":[[[");
        browser.driver().findElement(By.id("draw-undo")).click();
        assertThat(browser.driver().findElement(By.id("area")).getAttribute("value"))
                .isEmpty();
        browser.screenshot("grid-block-draw-desk");
    }

    private void signIn() {
        browser.open(url("/login"));
        browser.waitFor(By.id("username")).sendKeys(STAFF);
        browser.driver().findElement(By.id("password")).sendKeys(PASSWORD);
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitForUrlContaining("/console");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
