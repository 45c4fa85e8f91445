package org.nuanxin.station.web;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.nuanxin.station.Amenity;
import org.nuanxin.station.Station;
import org.springframework.context.MessageSource;
import org.springframework.web.util.UriUtils;

/**
 * One row of the console station list, ready to print: every cell is one plain value, so the template
 * evaluates one simple expression per cell. Labels of host types, amenities and statuses (a handful of
 * keys) are resolved once per page through {@link Labels}, not once per row and cell as
 * {@code #{${...messageKey()}}} did: in the profile of the list under load, the nested amenity loop and the
 * per-cell message look-ups were about half of the template's work (docs/PERFORMANCE.md §5).
 *
 * @param code        the station's code, as shown
 * @param path        the link to the station's page, without the context path, its code encoded as a path segment
 * @param name        the name on the sign
 * @param synthetic   true for generated demo stations (shown with a badge)
 * @param district    the district's name; the code when the district is unknown
 * @param address     street address
 * @param hostType    the host type's label in the page's language
 * @param hours       opening hours as stored (e.g. {@code 08:00-22:00})
 * @param amenities   the amenities' labels in the page's language, joined with the language's list separator
 * @param statusClass the CSS classes of the status label ({@code nx-status-label nx-status-OPEN} ...)
 * @param status      the status's label in the page's language
 */
record ConsoleStationRow(
        String code,
        String path,
        String name,
        boolean synthetic,
        String district,
        String address,
        String hostType,
        String hours,
        String amenities,
        String statusClass,
        String status) {

    static ConsoleStationRow of(Station s, Map<String, String> districtNames, Labels labels) {
        return new ConsoleStationRow(
                s.code(),
                "/console/stations/" + UriUtils.encodePathSegment(s.code(), StandardCharsets.UTF_8),
                s.name(),
                s.synthetic(),
                districtNames.getOrDefault(s.districtCode(), s.districtCode()),
                s.address(),
                labels.get(s.hostType().messageKey()),
                s.openingHours().toString(),
                s.amenities().stream()
                        .map(Amenity::messageKey)
                        .map(labels::get)
                        .collect(Collectors.joining(labels.get("console.list.separator"))),
                "nx-status-label nx-status-" + s.status().name(),
                labels.get(s.status().messageKey()));
    }

    /** Message texts of one page in one language, each key looked up once. Not thread-safe: one per request. */
    static final class Labels {
        private final MessageSource messages;
        private final Locale locale;
        private final Map<String, String> texts = new HashMap<>();

        Labels(MessageSource messages, Locale locale) {
            this.messages = messages;
            this.locale = locale;
        }

        String get(String key) {
            return texts.computeIfAbsent(key, k -> {
                @Nullable String text = messages.getMessage(k, null, k, locale);
                return text == null ? k : text;
            });
        }
    }
}
