package org.nuanxin.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nuanxin.support.NuanxinTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Page weight over real HTTP (Tomcat, so compression is on the wire): a fingerprinted asset and a versioned WebJar are
 * cached for a year as immutable, the rider page itself is not cached, and text is gzipped. The figures of a whole
 * visit are in docs/PERFORMANCE.md section 9 (scripts/bench/rider-page-weight.sh).
 */
@NuanxinTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nuanxin.station.demo-data=true")
class AssetCachingHttpTest {

    /** Our own files carry a 32-hex-digit content hash in their name. */
    static final Pattern FINGERPRINTED = Pattern.compile("\"(/(?:css|js)/[a-z-]+-[0-9a-f]{32}\\.(?:css|js))\"");

    @LocalServerPort
    int port;

    // No automatic decompression: the test sees what travels.
    final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String path, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    @Test
    void fingerprintedAssetsAreImmutableForAYearThePageIsNotCachedAndTextIsGzipped() throws Exception {
        HttpResponse<byte[]> page = get("/m/stations?district=500103", true);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(header(page, "Content-Encoding")).isEqualTo("gzip");
        assertThat(header(page, "Cache-Control")).contains("no-cache").doesNotContain("max-age=31536000");
        String html = new String(
                new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(page.body())).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page.body().length).isLessThan(html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 3);

        Matcher m = FINGERPRINTED.matcher(html);
        int assets = 0;
        while (m.find()) {
            assets++;
            String path = m.group(1);
            HttpResponse<byte[]> asset = get(path, true);
            assertThat(asset.statusCode()).as(path).isEqualTo(200);
            assertThat(header(asset, "Cache-Control"))
                    .as(path)
                    .contains("max-age=31536000")
                    .contains("public")
                    .contains("immutable");
            if (asset.body().length > 2048 || path.endsWith("stations.css")) {
                assertThat(header(asset, "Content-Encoding")).as(path).isEqualTo("gzip");
            }
        }
        assertThat(assets).as("fingerprinted links on the rider page").isGreaterThanOrEqualTo(4);

        assertThat(html).contains("/webjars/leaflet/1.9.4/dist/leaflet.js");
        HttpResponse<byte[]> leaflet = get("/webjars/leaflet/1.9.4/dist/leaflet.js", true);
        assertThat(header(leaflet, "Cache-Control"))
                .contains("max-age=31536000")
                .contains("immutable");
        assertThat(header(leaflet, "Content-Encoding")).isEqualTo("gzip");
        HttpResponse<byte[]> plain = get("/webjars/leaflet/1.9.4/dist/leaflet.js", false);
        assertThat(header(plain, "Content-Encoding")).isEmpty();
        assertThat(leaflet.body().length).isLessThan(plain.body().length / 2);
    }

    @Test
    void theBoundariesAreCachedForADayAndThenRevalidatedWithoutTheirBody() throws Exception {
        HttpResponse<byte[]> first = get("/api/v1/districts/boundaries?crs=wgs84", true);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(header(first, "Cache-Control")).contains("max-age=86400");
        assertThat(header(first, "Content-Encoding")).isEqualTo("gzip");
        String etag = header(first, "ETag");
        assertThat(etag).isNotEmpty();
        HttpResponse<byte[]> again = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/api/v1/districts/boundaries?crs=wgs84"))
                        .header("If-None-Match", etag)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }
}
