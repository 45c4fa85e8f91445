package org.nuanxin.grid.web;

import java.time.Duration;
import java.util.UUID;
import org.nuanxin.grid.internal.ReportService;
import org.nuanxin.grid.internal.StoredPhoto;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A report's photo by its public key ({@code /m/reports/photos/{key}}, the Open311 {@code media_url} and the staff
 * pages link here). Public: the key is a random UUID, known only to whom a report's page or API answer was shown.
 * Served only as the stored type (image/jpeg, re-encoded without metadata), never sniffed, never as a document
 * (a sandboxing Content-Security-Policy that allows nothing), cacheable for a year (a key's photo never changes);
 * no session is made.
 */
@RestController
class ReportPhotoController {

    /** How long a browser or proxy may keep a photo: a key's photo never changes. */
    static final Duration CACHE = Duration.ofDays(365);

    private final ReportService reports;

    ReportPhotoController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/m/reports/photos/{key}")
    ResponseEntity<byte[]> photo(@PathVariable String key) {
        if (!isUuid(key)) {
            return notFound();
        }
        return reports.photo(key)
                .map(content -> {
                    StoredPhoto p = content.photo();
                    return ResponseEntity.ok()
                            .contentType(MediaType.parseMediaType(p.contentType()))
                            .contentLength(content.bytes().length)
                            .cacheControl(
                                    CacheControl.maxAge(CACHE).cachePublic().immutable())
                            .eTag(p.key())
                            .header(
                                    HttpHeaders.CONTENT_DISPOSITION,
                                    ContentDisposition.inline()
                                            .filename(p.key() + ".jpg")
                                            .build()
                                            .toString())
                            .header("X-Content-Type-Options", "nosniff")
                            .header("Content-Security-Policy", "default-src 'none'; sandbox")
                            .body(content.bytes());
                })
                .orElseGet(ReportPhotoController::notFound);
    }

    private static ResponseEntity<byte[]> notFound() {
        return ResponseEntity.notFound()
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .build();
    }

    private static boolean isUuid(String key) {
        if (key.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(key).toString().equalsIgnoreCase(key);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
