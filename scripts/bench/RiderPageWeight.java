import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Bytes a rider's phone transfers for the rider page, first visit and repeat visit, in a real headless Chromium
 * (390×844, one profile with its HTTP cache): the sum of Network.loadingFinished encodedDataLength (bytes on the wire:
 * headers and body after compression) from the Chrome DevTools protocol's performance log. The page is opened with
 * the position shared (WGS-84 解放碑), so the script runs, the list arrives through htmx and the map draws the
 * district boundaries. The repeat visit is a new navigation (not a reload, which revalidates everything), as when a
 * rider opens the page again from WeChat's history.
 *
 * Usage (scripts/bench/rider-page-weight.sh does this): java -cp <test class path> RiderPageWeight http://127.0.0.1:18082
 */
@SuppressWarnings("unchecked")
public class RiderPageWeight {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String page = base + "/m/stations";
        Path profile = Files.createTempDirectory("rider-weight-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--user-data-dir=" + profile, "--window-size=390,844", "--lang=zh-CN");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
            driver.executeCdpCommand("Browser.grantPermissions", Map.of("permissions", List.of("geolocation")));
            driver.executeCdpCommand("Emulation.setGeolocationOverride",
                    Map.of("latitude", 29.5603, "longitude", 106.5734, "accuracy", 20));
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            driver.get(base + "/favicon.svg"); // the origin, so that permissions apply; not counted
            driver.manage().logs().get(LogType.PERFORMANCE);
            long first = visit(driver, page, "first visit");
            driver.get("about:blank");
            driver.manage().logs().get(LogType.PERFORMANCE);
            long repeat = visit(driver, page, "repeat visit");
            System.out.printf("%nRESULT first visit %,d bytes transferred, repeat visit %,d bytes transferred%n", first, repeat);
        } finally {
            driver.quit();
            service.stop();
        }
    }

    private static long visit(ChromeDriver driver, String url, String label) throws InterruptedException {
        driver.get(url);
        long deadline = System.currentTimeMillis() + 30_000;
        while (driver.findElements(By.cssSelector(".nx-station-name")).isEmpty()
                || driver.findElements(By.cssSelector(".leaflet-overlay-pane path")).isEmpty()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the list or the map did not appear within 30 s");
            }
            Thread.sleep(100);
        }
        // Then wait until the network has been quiet for 1.5 s.
        Map<String, String> urls = new LinkedHashMap<>();
        Map<String, Long> bytes = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        long quietSince = System.currentTimeMillis();
        while (System.currentTimeMillis() - quietSince < 1500) {
            List<LogEntry> entries = driver.manage().logs().get(LogType.PERFORMANCE).getAll();
            if (!entries.isEmpty()) {
                quietSince = System.currentTimeMillis();
            }
            for (LogEntry e : entries) {
                Map<String, Object> message = (Map<String, Object>) ((Map<String, Object>) new Json().toType(e.getMessage(), Map.class)).get("message");
                String method = (String) message.get("method");
                Map<String, Object> params = (Map<String, Object>) message.get("params");
                if ("Network.requestWillBeSent".equals(method)) {
                    urls.put((String) params.get("requestId"), (String) ((Map<String, Object>) params.get("request")).get("url"));
                } else if ("Network.responseReceived".equals(method)) {
                    Map<String, Object> r = (Map<String, Object>) params.get("response");
                    Object fromCache = r.get("fromDiskCache");
                    Map<String, Object> headers = (Map<String, Object>) r.get("headers");
                    notes.put((String) params.get("requestId"), r.get("status") + (Boolean.TRUE.equals(fromCache) ? " disk cache" : "")
                            + " " + headers.getOrDefault("content-encoding", headers.getOrDefault("Content-Encoding", "-")));
                } else if ("Network.loadingFinished".equals(method)) {
                    bytes.put((String) params.get("requestId"), ((Number) params.get("encodedDataLength")).longValue());
                }
            }
            Thread.sleep(250);
        }
        long total = 0;
        System.out.println("== " + label + ": " + url);
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> r : urls.entrySet()) {
            long b = bytes.getOrDefault(r.getKey(), 0L);
            total += b;
            String u = r.getValue().replaceFirst("^https?://[^/]+", "");
            lines.add(String.format("%10d  %-22s %s", b, notes.getOrDefault(r.getKey(), "?"), u.length() > 110 ? u.substring(0, 110) + "…" : u));
        }
        lines.forEach(System.out::println);
        System.out.printf("%10d  total (%d requests)%n", total, urls.size());
        return total;
    }
}
