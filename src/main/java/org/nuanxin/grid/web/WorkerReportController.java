package org.nuanxin.grid.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.CoordinateTransform;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.grid.HazardCategory;
import org.nuanxin.grid.PhotoIntake;
import org.nuanxin.grid.SanitizedPhoto;
import org.nuanxin.grid.internal.NewReport;
import org.nuanxin.grid.internal.Report;
import org.nuanxin.grid.internal.ReportService;
import org.nuanxin.grid.internal.Reporter;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.kernel.ProblemMessages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * 上报隐患: a signed-in worker reports a hazard in two steps, so that photos are chosen only once the rider knows the
 * hazard is not already reported.
 *
 * <ol>
 *   <li>{@code GET /m/report}: the category and the location (with JavaScript: the phone's position or a point picked
 *       on the map, and the open reports of that category nearby appear as the rider picks; without: a district and,
 *       optionally, typed coordinates).
 *   <li>{@code GET /m/report/new}: "is it this one?" — the open reports of the same category within
 *       {@link ReportService#NEARBY_METRES} metres, each with a button to add to it ({@code /m/report/{id}/follow}) —
 *       and the rest of the form for a new report: description, 1–{@link ReportService#MAX_PHOTOS} photos, an
 *       optional address, and a hidden idempotency key made when the form is rendered.
 *   <li>{@code POST /m/report} (multipart): photos go through {@link PhotoIntake}, the report through
 *       {@link ReportService#submit}; a retry with the same key (a flaky network) is the same report. Both end with a
 *       redirect to the report's page. A refusal shows the form again with what was typed and the problem beside its
 *       field; photos cannot be sent back to the browser and have to be chosen again (the page says so).
 * </ol>
 *
 * The multipart body is bounded by the container ({@code spring.servlet.multipart.*}), checked by the identity
 * module's upload filter before the controller runs: a declared length over the request limit is refused unread.
 */
@Controller
class WorkerReportController {

    private final ReportService reports;
    private final PhotoIntake intake;
    private final WorkerLocations locations;
    private final ReportViews views;
    private final ReportMapProperties map;
    private final ProblemMessages problems;

    WorkerReportController(
            ReportService reports,
            PhotoIntake intake,
            WorkerLocations locations,
            ReportViews views,
            ReportMapProperties map,
            ProblemMessages problems) {
        this.reports = reports;
        this.intake = intake;
        this.locations = locations;
        this.views = views;
        this.map = map;
        this.problems = problems;
    }

    /**
     * What the form sends, as typed (text, so a wrong value is a message on the page, never the 400 page).
     *
     * @param key the idempotency key (UUID) of this report form
     */
    record ReportForm(
            String category,
            String lat,
            String lng,
            String crs,
            String district,
            String description,
            String address,
            String key) {

        ReportForm {
            category = nz(category);
            lat = nz(lat);
            lng = nz(lng);
            crs = nz(crs);
            district = nz(district);
            description = nz(description);
            address = nz(address);
            key = nz(key);
        }

        private static String nz(@Nullable String s) {
            return s == null ? "" : s;
        }
    }

    // ---- step 1: category and location ----

    @GetMapping("/m/report")
    String start(
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String lat,
            @RequestParam(required = false) @Nullable String lng,
            @RequestParam(required = false) @Nullable String crs,
            @RequestParam(required = false) @Nullable String district,
            @RequestHeader(value = "User-Agent", required = false) @Nullable String userAgent,
            Model model,
            Locale locale) {
        Workers.current();
        ReportForm form = new ReportForm(category, lat, lng, crs, district, "", "", "");
        return startPage(model, form, Map.of(), userAgent, locale);
    }

    /** The open reports near a point, swapped into step 1 by its script as the rider picks a location. */
    @GetMapping("/m/report/nearby")
    String nearbyFragment(
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String lat,
            @RequestParam(required = false) @Nullable String lng,
            @RequestParam(required = false) @Nullable String crs,
            @RequestParam(required = false) @Nullable String district,
            Model model,
            Locale locale) {
        Workers.current();
        Optional<HazardCategory> c = HazardCategory.parse(category);
        Optional<WorkerLocations.Located> at = locations.readIfGiven(lat, lng, crs, district);
        model.addAttribute("nearby", c.isPresent() && at.isPresent() ? nearby(c.get(), at.get(), locale) : List.of());
        model.addAttribute("checked", c.isPresent() && at.isPresent());
        model.addAttribute("hereMap", at.map(l -> display(l.wgs84())).orElse(null));
        return "grid/worker-report-nearby :: nearby";
    }

    // ---- step 2: "is it this one?" and the rest of the form ----

    @GetMapping("/m/report/new")
    String details(
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String lat,
            @RequestParam(required = false) @Nullable String lng,
            @RequestParam(required = false) @Nullable String crs,
            @RequestParam(required = false) @Nullable String district,
            @RequestHeader(value = "User-Agent", required = false) @Nullable String userAgent,
            Model model,
            Locale locale) {
        Workers.current();
        ReportForm form = new ReportForm(
                category, lat, lng, crs, district, "", "", UUID.randomUUID().toString());
        List<FieldProblem> found = new ArrayList<>();
        Optional<HazardCategory> c = category(form, found);
        WorkerLocations.Located at = location(form, found);
        if (!found.isEmpty()) {
            return startPage(model, form, problems.byField(found, locale), userAgent, locale);
        }
        return detailsPage(model, form, c.orElseThrow(), at, Map.of(), false, locale);
    }

    @PostMapping("/m/report")
    String submit(
            @RequestParam(defaultValue = "") String category,
            @RequestParam(defaultValue = "") String lat,
            @RequestParam(defaultValue = "") String lng,
            @RequestParam(defaultValue = "") String crs,
            @RequestParam(defaultValue = "") String district,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") String address,
            @RequestParam(defaultValue = "") String key,
            @RequestParam(name = "photo", required = false) @Nullable List<MultipartFile> photo,
            @RequestHeader(value = "User-Agent", required = false) @Nullable String userAgent,
            Model model,
            Locale locale) {
        String mobile = Workers.current().mobile();
        // A form without a key (a hand-made request) gets one now: it is then simply not retry-safe.
        ReportForm form = new ReportForm(category, lat, lng, crs, district, description, address, usableKey(key));
        List<FieldProblem> found = new ArrayList<>();
        Optional<HazardCategory> c = category(form, found);
        WorkerLocations.Located at = location(form, found);
        if (!found.isEmpty()) {
            return startPage(model, form, problems.byField(found, locale), userAgent, locale);
        }
        List<MultipartFile> chosen = chosen(photo);
        boolean photosChosen = !chosen.isEmpty();
        try {
            List<SanitizedPhoto> photos = photos(chosen, true);
            ReportService.Submission done = reports.submit(
                    new Reporter.Worker(mobile),
                    new NewReport(
                            c.orElseThrow(),
                            form.description(),
                            at.longitude(),
                            at.latitude(),
                            at.crs(),
                            form.address(),
                            photos,
                            form.key()));
            // A replay (the same form sent again: a retry on a flaky network, or Back and send) is the report that
            // form made; the page says so, so that a rider who changed the form knows nothing new was sent.
            return "redirect:/m/reports/" + done.report().id() + (done.replay() ? "?again" : "?sent");
        } catch (InvalidInputException e) {
            Map<String, String> errors = problems.byField(e.errors(), locale);
            if (errors.containsKey("category") || errors.containsKey(WorkerLocations.FIELD)) {
                return startPage(model, form, errors, userAgent, locale);
            }
            return detailsPage(model, form, c.orElseThrow(), at, errors, photosChosen, locale);
        }
    }

    /** The form's key, or a new one when it is missing or not one this page made (a UUID). */
    private static String usableKey(String key) {
        String k = key.strip();
        return k.isEmpty() || k.length() > 36 ? UUID.randomUUID().toString() : k;
    }

    // ---- "is it this one?": add to an open report ----

    @GetMapping("/m/report/{id}/follow")
    String followForm(@PathVariable long id, Model model, Locale locale) {
        Workers.current();
        Report report = reports.findPublic(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!report.state().isOpen()) {
            return closedPage(model, report, "", locale);
        }
        return followPage(model, report, "", Map.of(), false, locale);
    }

    @PostMapping("/m/report/{id}/follow")
    String follow(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(name = "photo", required = false) @Nullable List<MultipartFile> photo,
            Model model,
            Locale locale) {
        String mobile = Workers.current().mobile();
        Report report = reports.findPublic(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!report.state().isOpen()) {
            return closedPage(model, report, note, locale);
        }
        List<MultipartFile> chosen = chosen(photo);
        try {
            if (chosen.size() > 1) {
                throw new InvalidInputException(PhotoIntake.FIELD, "grid.m.photoTooMany", 1);
            }
            List<SanitizedPhoto> photos = photos(chosen, false);
            reports.follow(mobile, id, note, photos.isEmpty() ? null : photos.get(0));
            return "redirect:/m/reports/" + id + "?followed";
        } catch (InvalidInputException e) {
            List<FieldProblem> renamed = e.errors().stream()
                    // The service names the follower's words as it names a report's: description.
                    .map(p -> p.field().equals("description") ? new FieldProblem("note", p.code(), p.args()) : p)
                    .toList();
            return followPage(model, report, note, problems.byField(renamed, locale), !chosen.isEmpty(), locale);
        } catch (NoSuchElementException e) {
            // Closed (or merged) between the check and the write.
            return closedPage(model, reports.findPublic(id).orElseThrow(), note, locale);
        }
    }

    /**
     * The report was closed (fixed, rejected, merged) while the rider looked at it: say so, keep what they typed,
     * and offer to report the hazard as new at the same place and category.
     */
    private String closedPage(Model model, Report report, String note, Locale locale) {
        model.addAttribute("row", views.row(report, locale));
        model.addAttribute("note", note);
        model.addAttribute(
                "newReportUrl",
                "/m/report/new?category=" + report.category().serviceCode()
                        + "&lat=" + String.format(Locale.ROOT, "%.6f", report.latitude())
                        + "&lng=" + String.format(Locale.ROOT, "%.6f", report.longitude())
                        + "&crs=wgs84");
        return "grid/worker-follow-closed";
    }

    // ---- pages ----

    private String startPage(
            Model model, ReportForm form, Map<String, String> errors, @Nullable String userAgent, Locale locale) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", List.of(HazardCategory.values()));
        model.addAttribute("districtLabels", locations.districtLabels(locale));
        model.addAttribute("map", map);
        model.addAttribute("positionCrs", WorkerLocations.positionCrs(userAgent));
        Optional<HazardCategory> c = HazardCategory.parse(form.category());
        Optional<WorkerLocations.Located> at =
                locations.readIfGiven(form.lat(), form.lng(), form.crs(), form.district());
        model.addAttribute("hereMap", at.map(l -> display(l.wgs84())).orElse(null));
        model.addAttribute("nearby", c.isPresent() && at.isPresent() ? nearby(c.get(), at.get(), locale) : List.of());
        model.addAttribute("checked", c.isPresent() && at.isPresent());
        return "grid/worker-report";
    }

    private String detailsPage(
            Model model,
            ReportForm form,
            HazardCategory category,
            WorkerLocations.Located at,
            Map<String, String> errors,
            boolean photosAgain,
            Locale locale) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("category", category);
        model.addAttribute("at", at);
        model.addAttribute("districtLabel", locations.districtLabel(at.districtCode(), locale));
        model.addAttribute("nearby", nearby(category, at, locale));
        model.addAttribute("checked", true);
        model.addAttribute("photosAgain", photosAgain);
        model.addAttribute("maxPhotos", ReportService.MAX_PHOTOS);
        model.addAttribute("maxDescription", ReportService.MAX_DESCRIPTION);
        return "grid/worker-report-new";
    }

    private String followPage(
            Model model, Report report, String note, Map<String, String> errors, boolean photosAgain, Locale locale) {
        model.addAttribute("row", views.row(report, locale));
        model.addAttribute("photos", reports.photos(report.id()));
        model.addAttribute("note", note);
        model.addAttribute("errors", errors);
        model.addAttribute("photosAgain", photosAgain);
        model.addAttribute("maxDescription", ReportService.MAX_DESCRIPTION);
        return "grid/worker-follow";
    }

    // ---- reading the form ----

    private static Optional<HazardCategory> category(ReportForm form, List<FieldProblem> found) {
        Optional<HazardCategory> c = HazardCategory.parse(form.category());
        if (c.isEmpty()) {
            found.add(FieldProblem.of("category", "grid.m.categoryMissing"));
        }
        return c;
    }

    private WorkerLocations.@Nullable Located location(ReportForm form, List<FieldProblem> found) {
        try {
            return locations.read(form.lat(), form.lng(), form.crs(), form.district());
        } catch (InvalidInputException e) {
            found.addAll(e.errors());
            return null;
        }
    }

    private List<ViewsNearby> nearby(HazardCategory category, WorkerLocations.Located at, Locale locale) {
        return reports.openNearby(category, at.wgs84()).stream()
                .map(n -> new ViewsNearby(
                        views.nearby(n, locale),
                        firstPhoto(n.report().id()),
                        display(n.report().point())))
                .toList();
    }

    /**
     * An open report offered as "is it this one?".
     *
     * @param photoKey its first photo's key, to show a thumbnail, or null
     * @param mapPoint its point in the map tiles' system
     */
    record ViewsNearby(ReportViews.Row row, @Nullable String photoKey, GeoPoint mapPoint) {}

    /** @return a WGS-84 point in the map tiles' system, where the page's script draws it */
    private GeoPoint display(GeoPoint wgs84) {
        CoordinateSystem tiles = CoordinateSystem.parse(map.tileCrs()).orElse(CoordinateSystem.WGS84);
        return CoordinateTransform.fromWgs84(wgs84, tiles);
    }

    private @Nullable String firstPhoto(long reportId) {
        return reports.photos(reportId).stream()
                .filter(p -> p.role().equals("REPORT"))
                .map(p -> p.key())
                .findFirst()
                .orElse(null);
    }

    /** The file parts the rider filled (a browser sends an empty, nameless part for a file input left empty). */
    private static List<MultipartFile> chosen(@Nullable List<MultipartFile> parts) {
        if (parts == null) {
            return List.of();
        }
        return parts.stream()
                .filter(p -> !p.isEmpty()
                        || (p.getOriginalFilename() != null
                                && !p.getOriginalFilename().isBlank()))
                .toList();
    }

    /**
     * @param required whether at least one photo is needed (a new report: yes; adding to one: no)
     * @return the photos through the intake, in the order chosen
     * @throws InvalidInputException on {@value PhotoIntake#FIELD}: none when required, more than
     *     {@link ReportService#MAX_PHOTOS}, or the intake's refusals (each different text once)
     */
    private List<SanitizedPhoto> photos(List<MultipartFile> chosen, boolean required) {
        if (required && chosen.isEmpty()) {
            throw new InvalidInputException(PhotoIntake.FIELD, "grid.m.photoRequired");
        }
        if (chosen.size() > ReportService.MAX_PHOTOS) {
            throw new InvalidInputException(PhotoIntake.FIELD, "grid.m.photoTooMany", ReportService.MAX_PHOTOS);
        }
        List<SanitizedPhoto> accepted = new ArrayList<>();
        List<FieldProblem> refused = new ArrayList<>();
        for (MultipartFile part : chosen) {
            try (InputStream in = part.getInputStream()) {
                accepted.add(intake.accept(in));
            } catch (InvalidInputException e) {
                refused.addAll(e.errors());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!refused.isEmpty()) {
            throw new InvalidInputException(refused);
        }
        return accepted;
    }
}
