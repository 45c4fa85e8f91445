package org.nuanxin.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for page tests, driven by Selenium with the system's {@code /usr/bin/chromium}
 * and {@code /usr/bin/chromedriver} (nothing is downloaded). The browser starts on first use, with
 * a fresh profile, and is closed after each test when registered as a JUnit extension:
 *
 * <pre>{@code
 * @NuanxinTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
 * class FinderPageTest {
 *     @LocalServerPort int port;
 *     @RegisterExtension Browser browser = Browser.phone();          // 360x740; Browser.desktop() 1440x900
 *
 *     @Test void showsNearest() {
 *         browser.geolocation(29.563, 106.551);                       // before the page asks for it
 *         browser.open("http://localhost:" + port + "/m/stations");
 *         browser.waitFor(By.cssSelector(".station"));
 *         browser.screenshot("finder-phone");                          // target/screenshots/finder-phone.png
 *     }
 * }
 * }</pre>
 *
 * Look at the screenshots: they are the check that a page reads well on a phone.
 */
public final class Browser implements AutoCloseable, AfterEachCallback, AfterAllCallback {

    /** Where {@link #screenshot(String)} writes (relative to the Maven module). */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final int width;
    private final int height;
    private final boolean javaScript;
    private ChromeDriver driver;
    private ChromeDriverService service;
    private Path profile;

    private Browser(int width, int height) {
        this(width, height, true);
    }

    private Browser(int width, int height, boolean javaScript) {
        this.width = width;
        this.height = height;
        this.javaScript = javaScript;
    }

    /**
     * A browser of this size with JavaScript switched off in its profile (Chromium's content setting
     * {@code profile.managed_default_content_settings.javascript = 2}, as a user or an administrator would), for
     * pages that must work without it. Selenium's own commands still work.
     */
    public static Browser withoutJavaScript(int width, int height) {
        return new Browser(width, height, false);
    }

    /** A phone-sized viewport, 360×740 CSS pixels, emulating a touch device. */
    public static Browser phone() {
        return new Browser(360, 740);
    }

    /** A staff desk viewport, 1440×900. */
    public static Browser desktop() {
        return new Browser(1440, 900);
    }

    /** Any viewport size in CSS pixels; below 600 px wide the page is told it is on a mobile device. */
    public static Browser ofSize(int width, int height) {
        return new Browser(width, height);
    }

    /** The Selenium driver, starting Chromium if needed. */
    public synchronized ChromeDriver driver() {
        if (driver == null) {
            start();
        }
        return driver;
    }

    /** Navigates to an absolute URL and returns this browser. */
    public Browser open(String url) {
        driver().get(url);
        return this;
    }

    /** Waits up to 10 s for an element to be visible and returns it. */
    public WebElement waitFor(By locator) {
        return waitFor(locator, WAIT);
    }

    /** Waits up to {@code timeout} for an element to be visible and returns it. */
    public WebElement waitFor(By locator, Duration timeout) {
        return poll("visible " + locator, timeout).until(() -> driver().findElement(locator), WebElement::isDisplayed);
    }

    /** Waits up to {@code timeout} for an element to be in the page, visible or not (an SVG path, say). */
    public WebElement waitForPresent(By locator, Duration timeout) {
        return poll("present " + locator, timeout).until(() -> driver().findElement(locator), e -> true);
    }

    /** Waits up to {@code timeout} for an element to be visible and enabled and returns it. */
    public WebElement waitForClickable(By locator, Duration timeout) {
        return poll("clickable " + locator, timeout)
                .until(() -> driver().findElement(locator), e -> e.isDisplayed() && e.isEnabled());
    }

    /** Waits up to {@code timeout} until the element's visible text contains {@code text}. */
    public void waitForText(By locator, String text, Duration timeout) {
        poll("\"" + text + "\" in " + locator, timeout)
                .until(() -> driver().findElement(locator).getText(), t -> t.contains(text));
    }

    /** Waits up to 10 s until the element has been removed from the page (replaced by a new one). */
    public void waitUntilGone(WebElement element) {
        poll("removal of " + element, WAIT).until(() -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            }
        });
    }

    /** Waits up to 10 s until the current URL contains the text. */
    public void waitForUrlContaining(String fragment) {
        poll("URL containing " + fragment, WAIT).until(() -> driver().getCurrentUrl(), url -> url.contains(fragment));
    }

    private static ConditionFactory poll(String what, Duration timeout) {
        // A missing element is the normal state while waiting; a stale one was replaced between find and check.
        return Awaitility.await(what)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsMatching(Browser::replacedWhileRead);
    }

    /**
     * True for the errors of an element the page replaced between find and read: chromedriver reports a page that
     * reloaded itself (a refresh, a form post) as "stale element", or, when the reload lands inside the read, as an
     * unknown error "Node with given id does not belong to the document".
     */
    private static boolean replacedWhileRead(Throwable e) {
        return e instanceof NoSuchElementException
                || e instanceof StaleElementReferenceException
                || (e instanceof WebDriverException
                        && e.getMessage() != null
                        && e.getMessage().contains("does not belong to the document"));
    }

    /**
     * Pretends the device is at this WGS-84 position and grants the geolocation permission to
     * every origin, so {@code navigator.geolocation} answers without a prompt.
     */
    public Browser geolocation(double latitude, double longitude) {
        driver().executeCdpCommand("Browser.grantPermissions", Map.of("permissions", List.of("geolocation")));
        driver().executeCdpCommand(
                        "Emulation.setGeolocationOverride",
                        Map.of("latitude", latitude, "longitude", longitude, "accuracy", 20));
        return this;
    }

    /** Saves a PNG of the viewport as {@code target/screenshots/<name>.png} and returns its path. */
    public Path screenshot(String name) {
        return screenshot(Path.of(name.endsWith(".png") ? name : name + ".png"));
    }

    /** Saves a PNG of the viewport; a relative path is resolved under {@code target/screenshots/}. */
    public Path screenshot(Path file) {
        Path target = file.isAbsolute() ? file : SCREENSHOTS.resolve(file);
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.write(target, driver().getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    private void start() {
        boolean installed =
                new File("/usr/bin/chromium").canExecute() && new File("/usr/bin/chromedriver").canExecute();
        if (!installed) {
            String why = "Chromium is not installed (/usr/bin/chromium, /usr/bin/chromedriver): run scripts/setup.sh";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(why + "; CI must run the browser tests");
            }
            System.err.println("SKIPPED browser test: " + why);
            org.junit.jupiter.api.Assumptions.abort(why);
        }
        try {
            profile = Files.createTempDirectory("nuanxin-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height,
                "--lang=zh-CN");
        if (!javaScript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        // The window size includes no browser chrome in headless mode, but pin the CSS viewport exactly.
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
        // Bootstrap scrolls smoothly unless the user prefers reduced motion; a smooth scroll still running makes a
        // click land where the element was, so tests ask for reduced motion (as many riders' phones do).
        driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** Quits Chromium and deletes its profile; the next use starts a new one. */
    @Override
    public synchronized void close() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (service != null) {
                service.stop();
                service = null;
            }
            deleteProfile();
        }
    }

    private void deleteProfile() {
        if (profile == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
        profile = null;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }
}
