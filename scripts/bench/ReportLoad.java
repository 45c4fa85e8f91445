import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Load generator for hazard reports (issue 10): WORKERS riders sign in through the real worker sign-in (the one-time
 * codes are read from the application's log, profile dev), then each sends reports back to back for DURATION seconds:
 * POST /m/report, multipart, one ~200 KB JPEG photo each, a random point in 渝北区/渝中区/江北区, a fresh idempotency key.
 * A report is acknowledged when the answer is a redirect to /m/reports/{id} (or the result page naming it). Afterwards
 * every acknowledged id is fetched back from the rider's /m/reports/{id}: it must answer 200.
 *
 * Usage (scripts/bench/report-load.sh does this): java scripts/bench/ReportLoad.java BASE APP_LOG WORKERS DURATION_S
 */
public class ReportLoad {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    static final Pattern CODE = Pattern.compile("Text message \\(profile dev, not sent\\):.*?(\\d{6})");
    static final Pattern REPORT_ID = Pattern.compile("/m/reports/(\\d+)");

    record Rider(HttpClient http, String csrf) {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        Path log = Path.of(args[1]);
        int workers = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        byte[] photo = photo(200 * 1024);
        System.out.printf(Locale.ROOT, "photo: %d bytes JPEG; riders: %d; duration: %d s%n", photo.length, workers, seconds);

        List<Rider> riders = new ArrayList<>();
        int firstNumber = 70_000_000 + new Random().nextInt(20_000_000);
        for (int i = 0; i < workers; i++) {
            riders.add(signIn(base, log, "+86139%08d".formatted(firstNumber + i)));
        }

        ConcurrentLinkedQueue<long[]> acknowledged = new ConcurrentLinkedQueue<>(); // {rider, id}
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger replays = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int r = 0; r < riders.size(); r++) {
            int index = r;
            Rider rider = riders.get(r);
            Thread thread = new Thread(() -> {
                Random random = new Random(index);
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> answer = submit(base, rider, photo, random);
                        latencies.add(System.nanoTime() - t0);
                        String where = answer.headers().firstValue("Location").orElse(answer.body());
                        Matcher m = REPORT_ID.matcher(where);
                        if ((answer.statusCode() == 303 || answer.statusCode() == 302 || answer.statusCode() == 200) && m.find()) {
                            acknowledged.add(new long[] {index, Long.parseLong(m.group(1))});
                        } else {
                            errors.incrementAndGet();
                            if (errors.get() <= 3) {
                                System.out.println("unexpected answer " + answer.statusCode() + ": "
                                        + answer.body().substring(0, Math.min(300, answer.body().length())));
                            }
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        System.out.println("error: " + e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        int n = acknowledged.size();
        System.out.printf(Locale.ROOT, "acknowledged: %d reports in %.1f s = %.1f reports/s; errors: %d%n",
                n, elapsed, n / elapsed, errors.get());
        if (!sorted.isEmpty()) {
            System.out.printf(Locale.ROOT, "latency ms: p50 %.0f, p90 %.0f, p99 %.0f, max %.0f%n",
                    sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.9)) / 1e6,
                    sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1e6,
                    sorted.get(sorted.size() - 1) / 1e6);
        }
        int missing = 0;
        java.util.Set<Long> distinct = new java.util.HashSet<>();
        for (long[] a : acknowledged) {
            distinct.add(a[1]);
            HttpResponse<String> back = riders.get((int) a[0]).http().send(
                    HttpRequest.newBuilder(URI.create(base + "/m/reports/" + a[1])).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (back.statusCode() != 200) {
                missing++;
            }
        }
        System.out.printf(Locale.ROOT, "present afterwards: %d of %d acknowledged (distinct ids %d); missing: %d%n",
                n - missing, n, distinct.size(), missing);
        if (errors.get() > 0 || missing > 0 || distinct.size() != n) {
            System.exit(1);
        }
    }

    static HttpResponse<String> submit(String base, Rider rider, byte[] photo, Random random) throws Exception {
        String[][] areas = {{"106.52", "29.60"}, {"106.56", "29.55"}, {"106.58", "29.58"}};
        String[] area = areas[random.nextInt(areas.length)];
        double lng = Double.parseDouble(area[0]) + random.nextDouble() * 0.03;
        double lat = Double.parseDouble(area[1]) + random.nextDouble() * 0.03;
        String boundary = "----nuanxin" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String[] categories = {"ROAD_SURFACE", "MANHOLE_COVER", "STREET_LIGHT", "WATERLOGGING", "OTHER"};
        field(body, boundary, "_csrf", rider.csrf());
        field(body, boundary, "category", categories[random.nextInt(categories.length)]);
        field(body, boundary, "description", "路面塌陷约20厘米，面积约1平方米（压测）");
        field(body, boundary, "lng", String.format(Locale.ROOT, "%.6f", lng));
        field(body, boundary, "lat", String.format(Locale.ROOT, "%.6f", lat));
        field(body, boundary, "crs", "wgs84");
        field(body, boundary, "key", UUID.randomUUID().toString());
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"hazard.jpg\"\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(photo);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return rider.http().send(
                HttpRequest.newBuilder(URI.create(base + "/m/report"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                        + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    static Rider signIn(String base, Path log, String mobile) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        String form = get(http, base + "/m/signin");
        long before = Files.size(log);
        HttpResponse<String> sent =
                post(http, base + "/m/signin/code", "_csrf=" + enc(csrf(form)) + "&mobile=" + enc(mobile));
        String code = null;
        for (int i = 0; i < 100 && code == null; i++) {
            byte[] all = Files.readAllBytes(log); // the log's new bytes (an offset in bytes, not in characters)
            String fresh = new String(all, (int) before, all.length - (int) before, StandardCharsets.UTF_8);
            Matcher m = CODE.matcher(fresh);
            if (m.find()) {
                code = m.group(1);
            } else {
                Thread.sleep(100);
            }
        }
        if (code == null) {
            throw new IllegalStateException("no one-time code in the log (is the profile dev?); the code request"
                    + " answered " + sent.statusCode() + ": "
                    + sent.body().replaceAll("\\s+", " ").replaceAll(".*<main", "<main").substring(0, 300));
        }
        HttpResponse<String> signedIn = post(http, base + "/m/signin",
                "_csrf=" + enc(csrf(form)) + "&mobile=" + enc(mobile) + "&code=" + code);
        if (signedIn.statusCode() != 302 && signedIn.statusCode() != 303) {
            throw new IllegalStateException("sign-in answered " + signedIn.statusCode());
        }
        return new Rider(http, csrf(get(http, base + "/m/report/new?category=OTHER&lat=29.60&lng=106.53&crs=wgs84")));
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in the page");
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    static String get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    static HttpResponse<String> post(HttpClient http, String url, String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A JPEG of about {@code target} bytes: a photo-like noisy gradient, quality chosen to land near the size. */
    static byte[] photo(int target) throws Exception {
        BufferedImage image = new BufferedImage(1280, 960, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int g = (x + y) / 10 % 200 + random.nextInt(40);
                image.setRGB(x, y, new Color(Math.min(255, g), Math.min(255, g + 10), Math.min(255, g / 2)).getRGB());
            }
        }
        byte[] best = null;
        for (float q = 0.95f; q > 0.05f; q -= 0.05f) {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(stream);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(q);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            writer.dispose();
            best = out.toByteArray();
            if (best.length <= target) {
                break;
            }
        }
        return best;
    }
}
