package org.nuanxin.grid.open311;

import java.util.Locale;
import java.util.Optional;
import org.springframework.http.MediaType;

/**
 * The two response formats of GeoReport v2, chosen by the path's extension ({@code services.xml},
 * {@code requests/17.json}); a path without an extension answers JSON.
 */
enum Open311Format {
    JSON("json", MediaType.parseMediaType("application/json;charset=UTF-8")),
    XML("xml", MediaType.parseMediaType("text/xml;charset=UTF-8"));

    private final String extension;
    private final MediaType mediaType;

    Open311Format(String extension, MediaType mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** @return the format of an extension ({@code json}, {@code xml}, any case), or empty */
    static Optional<Open311Format> ofExtension(String extension) {
        String e = extension.toLowerCase(Locale.ROOT);
        for (Open311Format f : values()) {
            if (f.extension.equals(e)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * A path's last segment split into its name and format: {@code 17.xml} → ({@code 17}, XML), {@code 17} →
     * ({@code 17}, JSON).
     *
     * @throws Open311Exception 400 when the extension is neither {@code json} nor {@code xml} (the error is in JSON)
     */
    static Named split(String segment) {
        int dot = segment.lastIndexOf('.');
        if (dot < 0) {
            return new Named(segment, JSON);
        }
        String name = segment.substring(0, dot);
        String extension = segment.substring(dot + 1);
        return new Named(name, ofExtension(extension).orElseThrow(() -> Open311Exception.badFormat(extension)));
    }

    /** The format to answer an error in, read leniently from a request path: XML only for a {@code .xml} path. */
    static Open311Format forErrorsOf(String path) {
        String segment = path.substring(path.lastIndexOf('/') + 1);
        return segment.toLowerCase(Locale.ROOT).endsWith(".xml") ? XML : JSON;
    }

    /** A path segment without its extension, and the format the extension asks for. */
    record Named(String name, Open311Format format) {}
}
