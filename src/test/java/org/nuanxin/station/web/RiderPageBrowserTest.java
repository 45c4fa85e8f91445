package org.nuanxin.station.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.nuanxin.geo.Divisions;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.station.NearbyStation;
import org.nuanxin.station.StationCatalog;
import org.nuanxin.station.StationFinder;
import org.nuanxin.station.StationInput;
import org.nuanxin.support.Browser;
import org.nuanxin.support.NuanxinTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The rider page in a real Chromium at 390×844: without JavaScript (no status line, no map, a district replaces a
 * shared position), the search point moved on the map, and two stations at one spot both reachable.
 */
@NuanxinTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nuanxin.station.demo-data=true")
class RiderPageBrowserTest {

    static final double LAT = 29.5603;

    static final double LNG = 106.5734;

    @LocalServerPort
    int port;

    @Autowired
    StationFinder finder;

    @Autowired
    StationCatalog catalog;

    @Autowired
    Divisions divisions;

    @RegisterExtension
    Browser noScript = Browser.withoutJavaScript(390, 844);

    @RegisterExtension
    Browser phone = Browser.ofSize(390, 844);

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static List<String> names(Browser b) {
        return b.driver().findElements(By.cssSelector(".nx-station-name")).stream()
                .map(WebElement::getText)
                .toList();
    }

    @Test
    void withoutJavaScriptThePageIsAFormAndADistrictReplacesASharedPosition() {
        noScript.open(url("/m/stations?lat=" + LAT + "&lng=" + LNG));
        var driver = noScript.driver();
        // JavaScript is really off: the <noscript> hint is shown.
        assertThat(noScript.waitFor(By.cssSelector("noscript + *, .nx-where")).isDisplayed())
                .isTrue();
        assertThat(driver.findElement(By.cssSelector(".nx-where")).getText()).contains("请选择区县，然后点“查找”。");
        assertThat(driver.findElement(By.id("locate-status")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("正在获取您的位置");
        assertThat(driver.findElement(By.cssSelector(".nx-map-wrap")).isDisplayed())
                .as("no empty map box")
                .isFalse();
        assertThat(driver.findElement(By.cssSelector(".nx-jump")).isDisplayed()).isFalse();
        List<String> shared = names(noScript);
        assertThat(shared)
                .containsExactlyElementsOf(finder.nearest(new GeoPoint(LNG, LAT), Set.of(), false, 10).stream()
                        .map(n -> n.station().name())
                        .toList());
        noScript.screenshot("m-stations-nojs-shared-position");

        new Select(driver.findElement(By.id("district"))).selectByVisibleText("渝北区");
        driver.findElement(By.cssSelector("#finder button[type=submit]")).click();
        noScript.waitForText(By.cssSelector("#results .nx-status"), "渝北区的 10 个驿站", Duration.ofSeconds(10));
        assertThat(driver.getCurrentUrl()).contains("district=500112");
        assertThat(names(noScript)).doesNotContainAnyElementsOf(shared);
        assertThat(driver.findElements(By.cssSelector(".nx-from-centre")))
                .hasSize(10)
                .allSatisfy(e -> assertThat(e.getText()).startsWith("距区县中心"));
        assertThat(driver.findElement(By.cssSelector(".nx-note")).getText()).contains("未使用您的位置");
        noScript.screenshot("m-stations-nojs-district");

        noScript.open(url("/m/stations?district=500112&lang=en"));
        noScript.waitForText(By.cssSelector("#results .nx-status"), "10 stations in 渝北区 Yubei", Duration.ofSeconds(10));
        assertThat(driver.findElement(By.cssSelector(".nx-where")).getText())
                .contains("Choose a district, then press Search.");
        assertThat(driver.findElement(By.cssSelector(".nx-hours")).getText()).doesNotContainPattern("\\p{IsHan}");
        noScript.screenshot("m-stations-nojs-district-en");
    }

    @Test
    void theRiderMovesTheSearchPointOnTheMapAndTheQueryFollows() {
        phone.geolocation(LAT, LNG);
        phone.open(url("/m/stations"));
        phone.waitFor(By.cssSelector(".nx-station-name"));
        var driver = phone.driver();
        // The form holds the phone's position: written by the script (6 decimals), then possibly replaced by the
        // server's copy of the same number (as few decimals as it needs) when the results are swapped in.
        await().atMost(Duration.ofSeconds(10))
                .ignoreException(NumberFormatException.class) // empty until the position is known
                .untilAsserted(() -> assertThat(Double.parseDouble(
                                driver.findElement(By.id("f-lat")).getAttribute("value")))
                        .isCloseTo(LAT, within(1e-6)));
        assertThat(driver.findElement(By.cssSelector(".nx-map-wrap")).isDisplayed())
                .isTrue();
        WebElement point = phone.waitFor(By.cssSelector(".nx-search-point"));
        assertThat(driver.findElement(By.cssSelector("#result-data")).getDomAttribute("data-mode"))
                .isEqualTo("position");
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", point);
        phone.screenshot("m-stations-search-point");
        List<String> before = names(phone);
        WebElement oldList = driver.findElement(By.cssSelector(".nx-station"));

        // Drag the blue dot 70 px towards the map's middle (it may sit at an edge after fitting the stations in).
        var dot = point.getRect();
        var box = driver.findElement(By.id("map")).getRect();
        int dx = dot.getX() + dot.getWidth() / 2 < box.getX() + box.getWidth() / 2 ? 70 : -70;
        int dy = dot.getY() + dot.getHeight() / 2 < box.getY() + box.getHeight() / 2 ? 50 : -50;
        new Actions(driver)
                .moveToElement(point)
                .clickAndHold()
                .moveByOffset(dx / 2, dy / 2)
                .moveByOffset(dx - dx / 2, dy - dy / 2)
                .release()
                .perform();
        phone.waitUntilGone(oldList);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !driver.findElement(By.id("f-lat"))
                        .getAttribute("value")
                        .equals("29.560300"));
        double lat = Double.parseDouble(driver.findElement(By.id("f-lat")).getAttribute("value"));
        double lng = Double.parseDouble(driver.findElement(By.id("f-lng")).getAttribute("value"));
        // Screen y grows southwards: a drag down lowers the latitude; a drag right raises the longitude.
        assertThat(lat).as("latitude follows the drag").isCloseTo(LAT, org.assertj.core.data.Offset.offset(0.05));
        assertThat(Math.signum(lat - LAT)).isEqualTo(-Math.signum(dy));
        assertThat(Math.signum(lng - LNG)).isEqualTo(Math.signum(dx));
        assertThat(driver.findElement(By.id("f-crs")).getAttribute("value")).isEqualTo("wgs84");
        List<String> expected = finder.nearest(new GeoPoint(lng, lat), Set.of(), false, 10).stream()
                .map(n -> n.station().name())
                .toList();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(names(phone)).containsExactlyElementsOf(expected));
        assertThat(expected).isNotEqualTo(before);
        String dataLat = driver.findElement(By.id("result-data")).getDomAttribute("data-lat");
        assertThat(Double.parseDouble(dataLat)).isCloseTo(lat, org.assertj.core.data.Offset.offset(1e-6));
        phone.screenshot("m-stations-search-point-moved");

        // The same page in English, and a district search with the script (no dot, the centre marked).
        phone.open(url("/m/stations?lang=en"));
        phone.waitFor(By.cssSelector(".nx-station-name"));
        assertThat(driver.findElement(By.cssSelector("#results .nx-status")).getText())
                .contains("stations near");
        phone.screenshot("m-stations-phone-en");
        phone.open(url("/m/stations?district=500103&lang=zh-CN"));
        phone.waitFor(By.cssSelector(".nx-from-centre"));
        assertThat(driver.findElements(By.cssSelector(".nx-search-point"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector(".nx-note")).getText()).contains("允许定位或在地图上点选位置");
        driver.executeScript("document.getElementById('map').scrollIntoView({block: 'center', behavior: 'instant'})");
        phone.screenshot("m-stations-district-map");
    }

    @Test
    void twoStationsAtTheSameSpotShareOneMarkerThatReachesBoth() {
        // A spot in 城口县, far from the city's busy centre; both stations at exactly the same coordinates.
        GeoPoint spot = divisions.labelPoint("500229");
        String lng = String.format(java.util.Locale.ROOT, "%.6f", spot.longitude());
        String lat = String.format(java.util.Locale.ROOT, "%.6f", spot.latitude());
        String a = create("500229-9801", "同址驿站甲", lng, lat);
        String b = create("500229-9802", "同址驿站乙", lng, lat);
        GeoPoint exact = new GeoPoint(Double.parseDouble(lng), Double.parseDouble(lat));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> finder.nearest(exact, Set.of(), false, 2).stream()
                        .map(NearbyStation::station)
                        .map(s -> s.code())
                        .toList()
                        .containsAll(List.of(a, b)));

        phone.geolocation(exact.latitude() + 0.002, exact.longitude());
        phone.open(url("/m/stations"));
        phone.waitFor(By.cssSelector(".nx-station-name"));
        var driver = phone.driver();
        assertThat(names(phone)).contains("同址驿站甲", "同址驿站乙");
        WebElement group = phone.waitFor(By.cssSelector(".nx-pin-group"));
        assertThat(driver.findElements(By.cssSelector(".nx-pin-group"))).hasSize(1);
        assertThat(group.getText()).isEqualTo("1,2");
        assertThat(group.getDomAttribute("title")).contains("同址驿站甲").contains("同址驿站乙");
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", group);
        group.click();
        List<WebElement> links =
                phone.waitFor(By.cssSelector(".leaflet-popup .nx-group-list")).findElements(By.cssSelector("a"));
        assertThat(links).extracting(WebElement::getText).containsExactly("1. 同址驿站甲", "2. 同址驿站乙");
        phone.screenshot("m-stations-same-spot");
        for (String code : List.of(a, b)) {
            WebElement link = driver.findElement(By.cssSelector(".leaflet-popup a[href='#s-" + code + "']"));
            link.click();
            phone.waitForUrlContaining("#s-" + code);
            assertThat(driver.findElement(By.id("s-" + code)).isDisplayed()).isTrue();
            driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", group);
            if (driver.findElements(By.cssSelector(".leaflet-popup")).isEmpty()) {
                group.click();
            }
        }
    }

    private String create(String code, String name, String lng, String lat) {
        if (catalog.findByCode(code).isPresent()) {
            return code;
        }
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("staff", "n/a", "ROLE_UNION_STAFF"));
        try {
            return catalog.create(new StationInput(
                            code,
                            name,
                            "COMMUNITY_SERVICE_STATION",
                            "500229",
                            "城口县同一地址 1 号",
                            lng,
                            lat,
                            "WGS84",
                            "张某",
                            "13800000999",
                            "全天24小时",
                            "WATER",
                            "OPEN"))
                    .code();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
