package org.nuanxin.grid.open311;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.grid.HazardCategory;
import org.nuanxin.grid.ReportState;
import org.nuanxin.grid.internal.NewReport;
import org.nuanxin.grid.internal.PublicQuery;
import org.nuanxin.grid.internal.Report;
import org.nuanxin.grid.internal.ReportService;
import org.nuanxin.grid.internal.Reporter;
import org.nuanxin.grid.internal.StoredPhoto;
import org.nuanxin.identity.DataScopes;
import org.nuanxin.identity.OrganizationTree;
import org.nuanxin.kernel.CityTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 under {@code /open311/v2} (http://wiki.open311.org/GeoReport_v2): discovery, services and
 * their definitions, posting a request with an API key, reading requests by filter, by id and by token. Every answer
 * is JSON or XML as the path's extension asks ({@code .json}, {@code .xml}; none: JSON); every error is the
 * standard's list of {@code code} and {@code description} with the matching HTTP status ({@link Open311Errors}).
 * Reads are public; a posted request goes through {@link ReportService#submit} and so enters the same triage queue as
 * a rider's. The decisions where the standard leaves a choice are in docs/OPEN311.md.
 */
@RestController
class Open311Controller {

    /** The GeoReport v2 specification, as discovery names it. */
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    /** When this endpoint last changed (discovery's {@code changeset}). */
    static final String CHANGESET = "2026-11-30T00:00:00+08:00";
    /** The standard's default and largest window of {@code GET requests}. */
    static final Duration WINDOW = Duration.ofDays(90);
    /** The most requests one {@code GET requests} answers (the standard's 1,000). */
    static final int MAX_REQUESTS = 1000;

    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final ReportService reports;
    private final ApiKeys keys;
    private final Open311Writer writer;
    private final Open311Links links;
    private final Open311Properties properties;
    private final MessageSource messages;
    private final CityTime time;
    private final DataScopes scopes;

    Open311Controller(
            ReportService reports,
            ApiKeys keys,
            Open311Writer writer,
            Open311Links links,
            Open311Properties properties,
            MessageSource messages,
            CityTime time,
            DataScopes scopes) {
        this.reports = reports;
        this.keys = keys;
        this.writer = writer;
        this.links = links;
        this.properties = properties;
        this.messages = messages;
        this.time = time;
        this.scopes = scopes;
    }

    @GetMapping({"/open311/v2/discovery", "/open311/v2/discovery.{format}"})
    ResponseEntity<byte[]> discovery(@PathVariable(required = false) @Nullable String format) {
        Open311Format f = format(format);
        Open311Wire.Endpoint endpoint = new Open311Wire.Endpoint(
                SPECIFICATION, links.endpoint(), CHANGESET, "production", List.of("text/xml", "application/json"));
        return writer.one(
                f,
                new Open311Wire.Discovery(
                        CHANGESET,
                        properties.contact(),
                        text("grid.open311.keyService", links.keyService()),
                        List.of(endpoint)));
    }

    @GetMapping({"/open311/v2/services", "/open311/v2/services.{format}"})
    ResponseEntity<byte[]> services(
            @PathVariable(required = false) @Nullable String format,
            @RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdiction) {
        Open311Format f = format(format);
        checkJurisdiction(jurisdiction);
        List<Open311Wire.Service> services = Arrays.stream(HazardCategory.values())
                .map(c -> new Open311Wire.Service(
                        c.serviceCode(),
                        serviceName(c),
                        text("grid.open311.service." + c.name()),
                        false,
                        "realtime",
                        text("grid.open311.keywords." + c.name()),
                        c.standardClass()))
                .toList();
        return writer.services(f, services);
    }

    @GetMapping("/open311/v2/services/{file}")
    ResponseEntity<byte[]> definition(
            @PathVariable String file,
            @RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdiction) {
        Open311Format.Named named = Open311Format.split(file);
        checkJurisdiction(jurisdiction);
        HazardCategory category = serviceCode(named.name(), HttpStatus.NOT_FOUND);
        return writer.one(named.format(), new Open311Wire.ServiceDefinition(category.serviceCode(), List.of()));
    }

    /**
     * {@code POST requests}: form fields {@code api_key} (required), {@code service_code}, {@code lat} and
     * {@code long} (WGS-84 degrees; required: {@code address_string} alone is not geocoded), {@code description},
     * {@code address_string}, {@code jurisdiction_id}. The personal fields ({@code email}, {@code first_name},
     * {@code last_name}, {@code phone}, {@code device_id}, {@code account_id}) and {@code media_url} are accepted and
     * dropped: nothing personal of an API client's user is kept, and a remote URL is never fetched.
     */
    @PostMapping({"/open311/v2/requests", "/open311/v2/requests.{format}"})
    ResponseEntity<byte[]> create(@PathVariable(required = false) @Nullable String format, HttpServletRequest request) {
        Open311Format f = format(format);
        if (!isForm(request.getContentType())) {
            throw new Open311Exception(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "grid.open311.error.contentType");
        }
        long keyId = keys.resolve(request.getParameter("api_key"))
                .orElseThrow(() -> new Open311Exception(HttpStatus.FORBIDDEN, "grid.open311.error.apiKey"));
        checkJurisdiction(request.getParameter("jurisdiction_id"));
        String code = request.getParameter("service_code");
        if (code == null || code.isBlank()) {
            throw Open311Exception.badRequest("grid.open311.error.required", "service_code");
        }
        HazardCategory category = serviceCode(code, HttpStatus.NOT_FOUND);
        Double lat = coordinate(request.getParameter("lat"), "lat");
        Double lng = coordinate(request.getParameter("long"), "long");
        if (lat == null || lng == null) {
            throw Open311Exception.badRequest("grid.open311.error.location");
        }
        NewReport input = new NewReport(
                category,
                orEmpty(request.getParameter("description")),
                lng,
                lat,
                CoordinateSystem.WGS84,
                orEmpty(request.getParameter("address_string")),
                List.of(),
                null);
        Report report = reports.submit(new Reporter.ApiClient(keyId), input).report();
        return writer.requests(
                f, List.of(new Open311Wire.Created(report.id(), report.token(), notice(report.state()), null)));
    }

    /**
     * {@code GET requests}: {@code service_request_id} (comma-separated; overrides the other filters),
     * {@code service_code} (comma-separated), {@code start_date}, {@code end_date} (W3C date and time with an offset;
     * at most 90 days apart; without them the last 90 days), {@code status} ({@code open}, {@code closed},
     * comma-separated), {@code jurisdiction_id}; newest first, at most 1,000.
     */
    @GetMapping({"/open311/v2/requests", "/open311/v2/requests.{format}"})
    ResponseEntity<byte[]> search(
            @PathVariable(required = false) @Nullable String format,
            @RequestParam(name = "service_request_id", required = false) @Nullable String ids,
            @RequestParam(name = "service_code", required = false) @Nullable String codes,
            @RequestParam(name = "start_date", required = false) @Nullable String start,
            @RequestParam(name = "end_date", required = false) @Nullable String end,
            @RequestParam(name = "status", required = false) @Nullable String status,
            @RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdiction) {
        Open311Format f = format(format);
        checkJurisdiction(jurisdiction);
        PublicQuery query = ids != null && !ids.isBlank()
                ? new PublicQuery(ids(ids), Set.of(), null, null, null, MAX_REQUESTS)
                : filters(codes, start, end, status);
        return writer.requests(f, reports.search(query).stream().map(this::wire).toList());
    }

    @GetMapping("/open311/v2/requests/{file}")
    ResponseEntity<byte[]> one(
            @PathVariable String file,
            @RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdiction) {
        Open311Format.Named named = Open311Format.split(file);
        checkJurisdiction(jurisdiction);
        Report report = parseId(named.name())
                .flatMap(reports::findPublic)
                .orElseThrow(() -> Open311Exception.notFound(
                        "grid.open311.error.requestNotFound", Open311Exception.shorten(named.name())));
        return writer.requests(named.format(), List.of(wire(report)));
    }

    @GetMapping("/open311/v2/tokens/{file}")
    ResponseEntity<byte[]> token(
            @PathVariable String file,
            @RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdiction) {
        Open311Format.Named named = Open311Format.split(file);
        checkJurisdiction(jurisdiction);
        Report report = (named.name().length() <= 36
                        ? reports.findByToken(named.name())
                        : java.util.Optional.<Report>empty())
                .orElseThrow(() -> Open311Exception.notFound(
                        "grid.open311.error.tokenNotFound", Open311Exception.shorten(named.name())));
        return writer.requests(named.format(), List.of(new Open311Wire.Token(report.id(), report.token())));
    }

    // ---- reading the parameters ----

    private static Open311Format format(@Nullable String extension) {
        return extension == null
                ? Open311Format.JSON
                : Open311Format.ofExtension(extension).orElseThrow(() -> Open311Exception.badFormat(extension));
    }

    private void checkJurisdiction(@Nullable String jurisdiction) {
        if (jurisdiction != null
                && !jurisdiction.isBlank()
                && !jurisdiction.strip().equals(properties.jurisdictionId())) {
            throw Open311Exception.notFound("grid.open311.error.jurisdiction", Open311Exception.shorten(jurisdiction));
        }
    }

    private static HazardCategory serviceCode(String code, HttpStatus unknown) {
        String c = code.strip();
        // Exactly the service codes (as services lists them), not the enum names HazardCategory.parse also reads.
        return Arrays.stream(HazardCategory.values())
                .filter(h -> h.serviceCode().equals(c))
                .findFirst()
                .orElseThrow(() ->
                        new Open311Exception(unknown, "grid.open311.error.serviceCode", Open311Exception.shorten(c)));
    }

    private static @Nullable Double coordinate(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(value.strip());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw Open311Exception.badRequest("grid.open311.error.number", field, Open311Exception.shorten(value));
    }

    private static List<Long> ids(String ids) {
        List<Long> parsed = new ArrayList<>();
        for (String part : ids.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            parsed.add(parseId(part.strip())
                    .orElseThrow(() -> Open311Exception.badRequest(
                            "grid.open311.error.requestId", Open311Exception.shorten(part.strip()))));
        }
        if (parsed.size() > MAX_REQUESTS) {
            throw Open311Exception.badRequest("grid.open311.error.tooManyIds", MAX_REQUESTS);
        }
        return List.copyOf(new LinkedHashSet<>(parsed));
    }

    private static java.util.Optional<Long> parseId(String text) {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Long.parseLong(text));
    }

    private PublicQuery filters(
            @Nullable String codes, @Nullable String start, @Nullable String end, @Nullable String status) {
        Set<HazardCategory> categories = EnumSet.noneOf(HazardCategory.class);
        if (codes != null) {
            for (String code : codes.split(",")) {
                if (!code.isBlank()) {
                    // A filter value that names no service is the client's mistake (400), never "no filter".
                    categories.add(serviceCode(code, HttpStatus.BAD_REQUEST));
                }
            }
        }
        Instant from = date(start, "start_date");
        Instant to = date(end, "end_date");
        if (from != null && to != null && to.isBefore(from)) {
            throw Open311Exception.badRequest("grid.open311.error.dateOrder");
        }
        if (from != null && to != null && Duration.between(from, to).compareTo(WINDOW) > 0) {
            throw Open311Exception.badRequest("grid.open311.error.dateSpan", WINDOW.toDays());
        }
        if (from == null && to == null) {
            to = time.now();
            from = to.minus(WINDOW);
        } else if (from == null) {
            from = to.minus(WINDOW);
        } else if (to == null) {
            to = from.plus(WINDOW);
        }
        return new PublicQuery(List.of(), categories, from, to, open(status), MAX_REQUESTS);
    }

    /**
     * A W3C date and time with an offset, as an instant: {@code 2026-11-30T00:00:00Z} and
     * {@code 2026-11-30T08:00:00+08:00} are the same. A {@code +} sent unencoded in a query string arrives as a space
     * and is read back as {@code +}.
     */
    static @Nullable Instant date(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > 19 && text.charAt(text.length() - 6) == ' ') {
            text = text.substring(0, text.length() - 6) + "+" + text.substring(text.length() - 5);
        }
        try {
            return OffsetDateTime.parse(text, W3C).toInstant();
        } catch (DateTimeParseException e) {
            throw Open311Exception.badRequest("grid.open311.error.date", field, Open311Exception.shorten(value));
        }
    }

    private static @Nullable Boolean open(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        boolean open = false;
        boolean closed = false;
        for (String s : status.split(",")) {
            switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "open" -> open = true;
                case "closed" -> closed = true;
                case "" -> {}
                default -> throw Open311Exception.badRequest("grid.open311.error.status", Open311Exception.shorten(s));
            }
        }
        return open == closed ? null : open;
    }

    private static boolean isForm(@Nullable String contentType) {
        if (contentType == null) {
            // No body at all (every field in the query string) is a form too.
            return true;
        }
        try {
            return MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(MediaType.parseMediaType(contentType));
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return false;
        }
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    // ---- writing a request ----

    private Open311Wire.Request wire(Report report) {
        ReportState state = report.state();
        return new Open311Wire.Request(
                report.id(),
                state.isOpen() ? "open" : "closed",
                statusNotes(report),
                serviceName(report.category()),
                report.category().serviceCode(),
                report.description(),
                agency(report),
                notice(state),
                w3c(report.submittedAt()),
                w3c(report.updatedAt()),
                state == ReportState.SUBMITTED ? w3c(report.verifyDueAt()) : null,
                report.address(),
                null,
                null,
                report.latitude(),
                report.longitude(),
                mediaUrl(report));
    }

    /**
     * @return {@code service_notice}: waiting in the verification queue (SUBMITTED, whose {@code expected_datetime} is
     *     the deadline), verified and being handled (the other open states), none once closed
     */
    private @Nullable String notice(ReportState state) {
        if (state == ReportState.SUBMITTED) {
            return text("grid.open311.notice");
        }
        return state.isOpen() ? text("grid.open311.notice.handling") : null;
    }

    private String statusNotes(Report report) {
        String notes = text("grid.open311.status." + report.state().name());
        if (report.responsibleUnit() != null && !report.responsibleUnit().isBlank()) {
            notes = text("grid.open311.status.withUnit", notes, report.responsibleUnit());
        }
        if (report.state() == ReportState.MERGED && report.duplicateOf() != null) {
            notes = text("grid.open311.status.mergedInto", notes, Long.toString(report.duplicateOf()));
        }
        return notes;
    }

    private String agency(Report report) {
        if (report.responsibleUnit() != null && !report.responsibleUnit().isBlank()) {
            return report.responsibleUnit();
        }
        return scopes.tree()
                .find(report.organizationId())
                .map(OrganizationTree.Node::name)
                .orElse("");
    }

    private @Nullable String mediaUrl(Report report) {
        List<StoredPhoto> photos = reports.photos(report.id());
        return photos.stream()
                .filter(p -> p.role().equals("REPORT"))
                .findFirst()
                .map(p -> links.photo(p.key()))
                .orElse(null);
    }

    private String w3c(Instant instant) {
        return W3C.format(time.local(instant).truncatedTo(ChronoUnit.SECONDS).toOffsetDateTime());
    }

    private String serviceName(HazardCategory category) {
        // The category's interface name; its GB/T 30428 class until the names are in the bundles.
        return messages.getMessage(category.messageKey(), null, category.standardClass(), locale());
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
