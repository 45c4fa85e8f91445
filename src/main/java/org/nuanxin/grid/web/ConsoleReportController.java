package org.nuanxin.grid.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;
import org.nuanxin.audit.AuditLog;
import org.nuanxin.grid.GridPermissions;
import org.nuanxin.grid.GridPermissions.Action;
import org.nuanxin.grid.HazardCategory;
import org.nuanxin.grid.PhotoIntake;
import org.nuanxin.grid.ReportAction;
import org.nuanxin.grid.ReportState;
import org.nuanxin.grid.SanitizedPhoto;
import org.nuanxin.grid.internal.Block;
import org.nuanxin.grid.internal.BlockService;
import org.nuanxin.grid.internal.Report;
import org.nuanxin.grid.internal.ReportChangedConcurrentlyException;
import org.nuanxin.grid.internal.ReportFilter;
import org.nuanxin.grid.internal.ReportService;
import org.nuanxin.grid.internal.ResponsibleUnits;
import org.nuanxin.grid.internal.TimelineEntry;
import org.nuanxin.identity.CurrentUser;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.kernel.Paging;
import org.nuanxin.kernel.ProblemMessages;
import org.nuanxin.spreadsheet.XlsxExport;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff console's hazard reports (issue 10): the triage queue with filters and the SLA clock, one report with
 * its location, photos, timeline and the actions its state allows, the map of reports with its GeoJSON layer, and
 * the xlsx export. Everything is within the user's data scope; a report outside it is 404. Filters are read by the
 * one {@link ReportFilterParser}.
 */
@Controller
class ConsoleReportController {

    static final int PAGE_SIZE = 50;
    /** Most reports on the map (and in its list without JavaScript). */
    static final int MAP_LIMIT = 5_000;
    /** Rows listed under the map (the page without JavaScript). */
    static final int MAP_LIST_LIMIT = 200;
    /** Most rows in one export. */
    static final int EXPORT_LIMIT = 100_000;

    private final ReportService reports;
    private final BlockService blocks;
    private final ResponsibleUnits units;
    private final PhotoIntake photos;
    private final GridPermissions permissions;
    private final ReportFilterParser parser;
    private final ConsoleViews views;
    private final ProblemMessages problems;
    private final XlsxExport export;
    private final AuditLog audit;

    ConsoleReportController(
            ReportService reports,
            BlockService blocks,
            ResponsibleUnits units,
            PhotoIntake photos,
            GridPermissions permissions,
            ReportFilterParser parser,
            ConsoleViews views,
            ProblemMessages problems,
            XlsxExport export,
            AuditLog audit) {
        this.reports = reports;
        this.blocks = blocks;
        this.units = units;
        this.photos = photos;
        this.permissions = permissions;
        this.parser = parser;
        this.views = views;
        this.problems = problems;
        this.export = export;
        this.audit = audit;
    }

    /**
     * One row of the queue, the map's list or the export, ready to print.
     *
     * @param overdue  SUBMITTED past its verification time (highlighted with a class and a word)
     * @param sla      the SLA clock: time left to verify, overdue by how long, or stopped
     * @param excerpt  the description's first characters (printed as text)
     */
    record Row(
            long id,
            String path,
            HazardCategory category,
            ReportState state,
            String submitted,
            String district,
            String block,
            String excerpt,
            boolean overdue,
            String sla) {}

    private Row row(Report r, ConsoleViews.Names names, java.time.Instant now, Locale locale) {
        String d = r.description();
        String excerpt = d.codePointCount(0, d.length()) > 60 ? d.substring(0, d.offsetByCodePoints(0, 60)) + "…" : d;
        return new Row(
                r.id(),
                "/console/grid/reports/" + r.id(),
                r.category(),
                r.state(),
                views.local(r.submittedAt()),
                views.district(r.districtCode()),
                names.block(r.blockId()),
                excerpt,
                r.overdue(now),
                views.sla(r, now, locale));
    }

    @ModelAttribute
    void reference(Model model) {
        model.addAttribute("categories", HazardCategory.values());
        model.addAttribute("states", ReportState.values());
        model.addAttribute("ages", ReportFilterParser.AGE_CHOICES);
        model.addAttribute("mayExport", permissions.current(Action.EXPORT));
    }

    /** Blocks of the scope for the filter's select (the first 500 by name). */
    private List<Block> blockChoices() {
        return blocks.list(PageRequest.of(0, 500)).getContent();
    }

    private void filterForm(ReportFilters filters, Model model) {
        model.addAttribute("filters", filters);
        model.addAttribute("chosenCategories", filters.chosenCategories());
        model.addAttribute("chosenStates", filters.chosenStates());
        model.addAttribute("blockChoices", blockChoices());
        model.addAttribute("mapUrl", filters.url("/console/grid/map"));
        model.addAttribute("queueUrl", filters.url("/console/grid/reports"));
        model.addAttribute("exportUrl", filters.url("/console/grid/reports.xlsx"));
        model.addAttribute("layerUrl", filters.url("/console/grid/reports.geojson"));
        if (!model.containsAttribute("filterErrors")) {
            model.addAttribute("filterErrors", Map.of());
        }
    }

    @GetMapping("/console/grid/reports")
    String queue(ReportFilters filters, Model model, Locale locale, HttpServletResponse response) {
        permissions.check(Action.VIEW);
        filterForm(filters, model);
        Pageable pageable = Paging.of(filters.page(), PAGE_SIZE, Sort.unsorted());
        Page<Report> page;
        try {
            page = reports.queue(filters.toFilter(parser), pageable);
        } catch (InvalidInputException e) {
            // A misspelt filter lists nothing and says why, beside the field.
            model.addAttribute("filterErrors", problems.byField(e.errors(), locale));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            page = Page.empty(pageable);
        }
        ConsoleViews.Names names = views.names();
        java.time.Instant now = views.now();
        model.addAttribute("page", page);
        model.addAttribute(
                "rows",
                page.getContent().stream().map(r -> row(r, names, now, locale)).toList());
        model.addAttribute(
                "previousUrl", page.hasPrevious() ? filters.url("/console/grid/reports", page.getNumber() - 1) : null);
        model.addAttribute(
                "nextUrl", page.hasNext() ? filters.url("/console/grid/reports", page.getNumber() + 1) : null);
        return "grid/console-reports";
    }

    @GetMapping("/console/grid/map")
    String map(ReportFilters filters, Model model, Locale locale, HttpServletResponse response) {
        permissions.check(Action.VIEW);
        filterForm(filters, model);
        List<Report> list;
        try {
            list = reports.list(filters.toFilter(parser), MAP_LIST_LIMIT);
        } catch (InvalidInputException e) {
            model.addAttribute("filterErrors", problems.byField(e.errors(), locale));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            list = List.of();
        }
        ConsoleViews.Names names = views.names();
        java.time.Instant now = views.now();
        model.addAttribute(
                "rows", list.stream().map(r -> row(r, names, now, locale)).toList());
        model.addAttribute("listLimit", MAP_LIST_LIMIT);
        return "grid/console-map";
    }

    /**
     * The map's layer: a GeoJSON FeatureCollection of points (WGS-84) with {@code id}, {@code category},
     * {@code state} (names), their labels, {@code overdue} and {@code url} (the report page); at most
     * {@link #MAP_LIMIT}, newest first. A filter not understood: 400 with {@code errors[{field, code, message}]}.
     */
    @GetMapping(
            value = "/console/grid/reports.geojson",
            produces = {"application/geo+json", "application/json"})
    @ResponseBody
    ResponseEntity<Map<String, Object>> layer(ReportFilters filters, Locale locale) {
        permissions.check(Action.VIEW);
        ReportFilter filter;
        try {
            filter = filters.toFilter(parser);
        } catch (InvalidInputException e) {
            List<Map<String, Object>> errors = new ArrayList<>();
            e.errors()
                    .forEach(p -> errors.add(
                            Map.of("field", p.field(), "code", p.code(), "message", problems.text(p, locale))));
            return ResponseEntity.badRequest()
                    .cacheControl(CacheControl.noStore())
                    .body(Map.of("errors", errors));
        }
        java.time.Instant now = views.now();
        List<Map<String, Object>> features = new ArrayList<>();
        for (Report r : reports.list(filter, MAP_LIMIT)) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("id", r.id());
            properties.put("category", r.category().name());
            properties.put("categoryLabel", views.text(r.category().messageKey(), locale));
            properties.put("state", r.state().name());
            properties.put("stateLabel", views.text(r.state().messageKey(), locale));
            properties.put("overdue", r.overdue(now));
            properties.put("submitted", views.local(r.submittedAt()));
            properties.put("url", "/console/grid/reports/" + r.id());
            features.add(Map.of(
                    "type",
                    "Feature",
                    "geometry",
                    Map.of("type", "Point", "coordinates", List.of(round(r.longitude()), round(r.latitude()))),
                    "properties",
                    properties));
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(Map.of("type", "FeatureCollection", "features", features));
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }

    /** The reports as xlsx with the queue's filters; a filter not understood goes back to the queue, which names it. */
    @GetMapping("/console/grid/reports.xlsx")
    void exportXlsx(ReportFilters filters, Locale locale, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        permissions.check(Action.EXPORT);
        ReportFilter filter;
        try {
            filter = filters.toFilter(parser);
        } catch (InvalidInputException e) {
            response.sendRedirect(request.getContextPath() + filters.url("/console/grid/reports"));
            return;
        }
        ConsoleViews.Names names = views.names();
        java.time.Instant now = views.now();
        String yes = views.text("grid.console.yes", locale);
        String no = views.text("grid.console.no", locale);
        List<List<Object>> rows = new ArrayList<>();
        for (Report r : reports.list(filter, EXPORT_LIMIT)) {
            List<Object> row = new ArrayList<>();
            row.add(r.id());
            row.add(views.text(r.category().messageKey(), locale));
            row.add(views.text(r.state().messageKey(), locale));
            row.add(r.submittedAt());
            row.add(r.verifiedAt());
            row.add(r.closedAt());
            row.add(views.district(r.districtCode()));
            row.add(names.block(r.blockId()));
            row.add(names.organization(r.organizationId()));
            // XlsxExport keeps text starting with = + - @ as text (quote-prefixed), never a formula.
            row.add(r.description());
            row.add(r.responsibleUnit());
            row.add(r.overdue(now) ? yes : no);
            rows.add(row);
        }
        // Recorded before the first byte goes out: a disclosure is logged even if the download breaks off.
        audit.record("grid.report.export", "grid_report", null, null, filters.describe() + " rows=" + rows.size());
        String fileName = views.text("grid.export.fileName", locale) + "-"
                + views.local(now).substring(0, 10) + ".xlsx";
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"hazard-reports.xlsx\"; filename*=UTF-8''"
                        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        List<String> headers = new ArrayList<>();
        for (String column : List.of(
                "id",
                "category",
                "state",
                "submitted",
                "verified",
                "closed",
                "district",
                "block",
                "organization",
                "description",
                "unit",
                "overdue")) {
            headers.add(views.text("grid.export.column." + column, locale));
        }
        export.write(response.getOutputStream(), views.text("grid.export.sheet", locale), headers, rows);
    }

    // ---- one report

    /** A timeline step ready to print. */
    record Step(TimelineEntry entry, String at) {}

    /** An open report nearby offered for a merge. */
    record Candidate(long id, String path, String submitted, long metres, String excerpt) {}

    @GetMapping("/console/grid/reports/{id}")
    String report(@PathVariable long id, Model model, Locale locale) {
        Report r = found(id);
        ConsoleViews.Names names = views.names();
        java.time.Instant now = views.now();
        model.addAttribute("r", r);
        model.addAttribute("district", views.district(r.districtCode()));
        model.addAttribute("blockName", names.block(r.blockId()));
        model.addAttribute("organization", names.organization(r.organizationId()));
        model.addAttribute("submitted", views.local(r.submittedAt()));
        model.addAttribute("verified", views.local(r.verifiedAt()));
        model.addAttribute("closed", views.local(r.closedAt()));
        model.addAttribute("dueAt", views.local(r.verifyDueAt()));
        model.addAttribute("overdue", r.overdue(now));
        model.addAttribute("sla", views.sla(r, now, locale));
        // the fixer's photo is shown with its step on the timeline, not among the reporter's
        model.addAttribute(
                "photos",
                reports.photos(id).stream().filter(p -> !p.role().equals("FIX")).toList());
        model.addAttribute(
                "timeline",
                reports.timeline(id).stream()
                        .map(e -> new Step(e, views.local(e.occurredAt())))
                        .toList());
        boolean mayHandle = permissions.allows(CurrentUser.get(), Action.HANDLE, r.organizationId());
        List<ReportAction> actions = mayHandle
                ? java.util.Arrays.stream(ReportAction.values())
                        .filter(a -> a.allowedFrom(r.state()))
                        .toList()
                : List.of();
        model.addAttribute("actions", actions);
        model.addAttribute("mayHandle", mayHandle);
        if (actions.contains(ReportAction.MERGE)) {
            model.addAttribute(
                    "candidates",
                    reports.openNearby(r.category(), r.point()).stream()
                            .filter(n -> n.report().id() != r.id())
                            .map(n -> new Candidate(
                                    n.report().id(),
                                    "/console/grid/reports/" + n.report().id(),
                                    views.local(n.report().submittedAt()),
                                    Math.round(n.metres()),
                                    n.report().description()))
                            .toList());
        } else {
            model.addAttribute("candidates", List.of());
        }
        if (actions.contains(ReportAction.FORWARD) && !model.containsAttribute("forwardTo")) {
            model.addAttribute(
                    "forwardTo", units.unitFor(r.category(), r.districtCode()).unitName());
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "grid/console-report";
    }

    /**
     * Takes a triage action at the version the user saw: POST-redirect-GET with a flash message; problems are shown
     * beside the fields of the action's form; a report changed meanwhile is shown again with a message.
     */
    @PostMapping("/console/grid/reports/{id}/{action}")
    String act(
            @PathVariable long id,
            @PathVariable String action,
            @RequestParam(defaultValue = "-1") int version,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(required = false) @Nullable String forwardTo,
            @RequestParam(required = false) @Nullable String duplicateOf,
            @RequestParam(required = false) @Nullable String suggested,
            @RequestParam(required = false) @Nullable MultipartFile photo,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        ReportAction chosen = parseAction(action);
        Report r = found(id);
        permissions.check(Action.HANDLE, r.organizationId());
        try {
            ReportService.ActionInput input = new ReportService.ActionInput(
                    note,
                    chosen == ReportAction.FORWARD ? forwardTo : null,
                    chosen == ReportAction.MERGE ? duplicateOf(duplicateOf, suggested) : null,
                    chosen == ReportAction.FIX ? photo(photo) : null);
            reports.act(id, version, chosen, input);
            redirect.addFlashAttribute("done", "grid.console.done." + chosen.name());
        } catch (ReportChangedConcurrentlyException e) {
            redirect.addFlashAttribute("concurrent", true);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", problems.byField(e.errors(), locale));
            model.addAttribute("errorAction", chosen);
            model.addAttribute("note", note);
            if (forwardTo != null) {
                model.addAttribute("forwardTo", forwardTo);
            }
            model.addAttribute("duplicateOf", duplicateOf);
            return report(id, model, locale);
        }
        return "redirect:/console/grid/reports/" + id;
    }

    private static ReportAction parseAction(String action) {
        for (ReportAction a : ReportAction.values()) {
            if (a.name().equalsIgnoreCase(action)) {
                return a;
            }
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    /** The other report's id typed, else the suggestion chosen; problems on {@code duplicateOf}. */
    private static Long duplicateOf(@Nullable String typed, @Nullable String suggested) {
        String text = typed != null && !typed.isBlank() ? typed : suggested;
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("duplicateOf", "grid.duplicateOf.required");
        }
        try {
            return Long.parseLong(text.strip().replaceFirst("^#", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("duplicateOf", "grid.duplicateOf.notANumber", text.strip());
        }
    }

    private @Nullable SanitizedPhoto photo(@Nullable MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try (InputStream in = file.getInputStream()) {
            return photos.accept(in);
        } catch (IOException e) {
            throw new InvalidInputException(PhotoIntake.FIELD, "grid.photo.corrupt");
        }
    }

    /** @throws ResponseStatusException 404 when the report does not exist or lies outside the scope */
    private Report found(long id) {
        permissions.check(Action.VIEW);
        return reports.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** A report that vanished from the scope between the look-up and the action: 404, nothing changed. */
    @ExceptionHandler(NoSuchElementException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }
}
