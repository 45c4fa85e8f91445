package org.nuanxin.station.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.station.Amenity;
import org.nuanxin.station.NearbyStation;
import org.nuanxin.station.StationCatalog;
import org.nuanxin.station.StationFilter;
import org.nuanxin.station.StationFinder;
import org.nuanxin.support.AsStaff;
import org.nuanxin.support.Browser;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.StaffAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The rider's station finder on a phone, and the console's map and import at a desk, in a real Chromium. */
@NuanxinTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nuanxin.station.demo-data=true")
class StationFinderBrowserTest {

    /** Near 解放碑, WGS-84. */
    static final double LAT = 29.5603;

    static final double LNG = 106.5734;

    @LocalServerPort
    int port;

    @Autowired
    StationFinder finder;

    @Autowired
    StationCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @RegisterExtension
    Browser phone = Browser.phone();

    @RegisterExtension
    Browser desk = Browser.desktop();

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }

    @Test
    void riderSeesTheNearestStationsAndCanFilterByCharging() {
        GeoPoint here = new GeoPoint(LNG, LAT);
        List<NearbyStation> expected = finder.nearest(here, Set.of(), false, 10);
        phone.geolocation(LAT, LNG);
        phone.open(url("/m/stations"));

        WebElement first = phone.waitFor(By.cssSelector(".nx-station-name"));
        assertThat(first.getText()).isEqualTo(expected.get(0).station().name());
        var driver = phone.driver();
        assertThat(texts(driver.findElements(By.cssSelector(".nx-station-name"))))
                .containsExactlyElementsOf(
                        expected.stream().map(n -> n.station().name()).toList());
        assertThat(driver.findElement(By.cssSelector(".nx-distance strong")).getText())
                .matches("\\d+(\\.\\d)? (米|公里)");
        WebElement call = driver.findElement(By.cssSelector(".nx-station a[href^='tel:+86']"));
        assertThat(call.getText()).isEqualTo("拨打电话");
        assertThat(call.getAttribute("href"))
                .isEqualTo("tel:" + expected.get(0).station().contactPhone());
        WebElement nav =
                driver.findElement(By.cssSelector(".nx-station a[href^='https://uri.amap.com/navigation?to=']"));
        assertThat(nav.getText()).startsWith("导航");
        Long pageWidth = (Long) driver.executeScript("return document.documentElement.scrollWidth");
        assertThat(pageWidth).as("no horizontal scrolling at 360 px").isLessThanOrEqualTo(360);
        phone.screenshot("m-stations-phone");

        // Tap the 充电 chip: the list is replaced in place with stations that all offer charging.
        List<NearbyStation> charging = finder.nearest(here, Set.of(Amenity.CHARGING), false, 10);
        WebElement chip = driver.findElements(By.cssSelector(".nx-chips .nx-chip")).stream()
                .filter(c -> c.getText().strip().equals("充电"))
                .findFirst()
                .orElseThrow();
        WebElement before = driver.findElement(By.cssSelector(".nx-station"));
        chip.click();
        phone.waitUntilGone(before);
        phone.waitFor(By.cssSelector(".nx-station-name"));
        List<WebElement> cards = driver.findElements(By.cssSelector(".nx-station"));
        assertThat(cards)
                .isNotEmpty()
                .allSatisfy(card -> assertThat(texts(card.findElements(By.cssSelector(".nx-amenities li"))))
                        .contains("充电"));
        assertThat(texts(driver.findElements(By.cssSelector(".nx-station-name"))))
                .containsExactlyElementsOf(
                        charging.stream().map(n -> n.station().name()).toList());
        phone.screenshot("m-stations-phone-charging");
    }

    private void signIn() {
        // The roster (and its import) is union staff's work, not the administrator's.
        StaffAccounts.ensureStaff(jdbc, encoder);
        desk.open(url("/login"));
        desk.waitFor(By.id("username")).sendKeys(StaffAccounts.STAFF);
        desk.driver().findElement(By.id("password")).sendKeys(StaffAccounts.STAFF_PASSWORD);
        desk.driver().findElement(By.cssSelector("button[type=submit]")).click();
        desk.waitForUrlContaining("/console");
    }

    @Test
    void staffSeesEveryStationOnTheConsoleMap() {
        signIn();
        desk.open(url("/console/stations/map"));
        desk.waitFor(By.cssSelector(".marker-cluster, .leaflet-marker-icon"), Duration.ofSeconds(30));
        // Boundaries drawn too (the base layer works offline).
        desk.waitForPresent(By.cssSelector(".leaflet-overlay-pane path"), Duration.ofSeconds(10));
        List<WebElement> clusters = desk.driver().findElements(By.cssSelector(".marker-cluster"));
        int shown = clusters.stream()
                .mapToInt(c -> Integer.parseInt(c.getText().strip()))
                .sum();
        assertThat(shown).as("stations counted by the visible clusters").isGreaterThan(1000);
        desk.screenshot("console-stations-map");
    }

    @Test
    void staffFiltersTheRosterByDistrictAndAmenity() {
        signIn();
        desk.open(url("/console/stations?district=500103&amenity=MICROWAVE"));
        String count = desk.waitFor(By.cssSelector("main p.text-muted")).getText();
        List<WebElement> rows = desk.driver().findElements(By.cssSelector("table tbody tr"));
        assertThat(rows).isNotEmpty().allSatisfy(r -> {
            assertThat(r.getText()).contains("渝中区").contains("微波炉");
        });
        long expected = AsStaff.call(() ->
                catalog.count(new StationFilter("500103", java.util.Set.of(Amenity.MICROWAVE), null, null, null)));
        assertThat(expected).isPositive();
        assertThat(count).isEqualTo("共 " + expected + " 个驿站");
        assertThat(rows).hasSize((int) Math.min(50, expected));
        desk.screenshot("console-stations-list");
    }

    @Test
    void staffImportsTheSampleRosterThroughTheBrowser() throws Exception {
        signIn();
        desk.open(url("/console/stations/import"));
        Path sample = Path.of("src/test/resources/spreadsheet/station-roster-sample.xlsx")
                .toAbsolutePath();
        assertThat(Files.exists(sample)).isTrue();
        desk.waitFor(By.id("file")).sendKeys(sample.toString());
        desk.driver().findElements(By.cssSelector("#import-form button[type=submit]")).stream()
                .filter(b -> b.getText().equals("上传并检查"))
                .findFirst()
                .orElseThrow()
                .click();
        WebElement commit =
                desk.waitForClickable(By.xpath("//button[normalize-space()='确认导入']"), Duration.ofSeconds(30));
        // The demo roster already holds the sample's 38 stations: nothing new, nothing changed.
        assertThat(desk.driver().findElement(By.id("import-status")).getText())
                .contains("共 38 行")
                .contains("无变化 38");
        desk.screenshot("console-import-preview");
        commit.click();
        desk.waitForText(By.id("import-status"), "导入完成", Duration.ofSeconds(30));
        assertThat(desk.driver().findElement(By.id("import-status")).getText()).contains("导入完成：新增 0 个，更新 0 个。");
        desk.screenshot("console-import");
    }
}
