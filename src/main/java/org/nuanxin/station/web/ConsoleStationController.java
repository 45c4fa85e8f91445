package org.nuanxin.station.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.nuanxin.audit.AuditLog;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.Division;
import org.nuanxin.geo.Divisions;
import org.nuanxin.identity.PhoneNumbers;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.kernel.Paging;
import org.nuanxin.kernel.ProblemMessages;
import org.nuanxin.spreadsheet.XlsxExport;
import org.nuanxin.station.Amenity;
import org.nuanxin.station.HostType;
import org.nuanxin.station.MapBounds;
import org.nuanxin.station.Station;
import org.nuanxin.station.StationCatalog;
import org.nuanxin.station.StationChangedConcurrentlyException;
import org.nuanxin.station.StationFilter;
import org.nuanxin.station.StationInput;
import org.nuanxin.station.StationMapLayer;
import org.nuanxin.station.StationPermissions;
import org.nuanxin.station.StationStatus;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The staff console's station roster: list with filters, map, create and edit, export to xlsx. */
@Controller
@RequestMapping("/console/stations")
class ConsoleStationController {

    private static final int PAGE_SIZE = 50;

    private final StationCatalog catalog;
    private final Divisions divisions;
    private final XlsxExport export;
    private final StationFilterParser filterParser;
    private final ProblemMessages problems;
    private final CityTime time;
    private final StationPermissions permissions;
    private final AuditLog audit;
    private final StationMapLayer mapLayer;
    private final MessageSource messages;

    ConsoleStationController(
            StationCatalog catalog,
            Divisions divisions,
            XlsxExport export,
            StationFilterParser filterParser,
            ProblemMessages problems,
            CityTime time,
            StationPermissions permissions,
            AuditLog audit,
            StationMapLayer mapLayer,
            MessageSource messages) {
        this.mapLayer = mapLayer;
        this.messages = messages;
        this.catalog = catalog;
        this.divisions = divisions;
        this.export = export;
        this.filterParser = filterParser;
        this.problems = problems;
        this.time = time;
        this.permissions = permissions;
        this.audit = audit;
    }

    /**
     * The list's filters as they arrive in the query string, kept as typed so the form shows them again;
     * blank means "any". Read by {@link StationFilterParser}, like the export and the map layer.
     */
    record Filters(String district, String amenity, String status, String q, String sort, String page) {

        StationFilter toFilter(StationFilterParser parser) {
            return parser.parse(district, amenity == null ? List.of() : List.of(amenity), status, q);
        }

        /** @return the list's URL with these filters (and no page), encoded */
        String listUrl() {
            UriComponentsBuilder url = UriComponentsBuilder.fromPath("/console/stations");
            Map<String, String> params = new LinkedHashMap<>();
            params.put("district", district);
            params.put("amenity", amenity);
            params.put("status", status);
            params.put("q", q);
            params.put("sort", sort);
            params.forEach((name, value) -> {
                if (value != null && !value.isBlank()) {
                    url.queryParam(name, value);
                }
            });
            return url.encode().build().toUriString();
        }

        /** The order chosen in the form (编码, 名称, 区县, 最近修改); anything else is by code. */
        Sort toSort() {
            String chosen = sort == null ? "" : sort.strip().toUpperCase(Locale.ROOT);
            return switch (chosen) {
                case "NAME" -> Sort.by("name");
                case "DISTRICT" -> Sort.by("districtCode");
                case "UPDATED" -> Sort.by(Sort.Direction.DESC, "updatedAt");
                default -> Sort.by("code");
            };
        }

        /** @return the filter for the audit log, e.g. {@code district=500103 status=OPEN}; "all" when none */
        String describe() {
            StringBuilder sb = new StringBuilder();
            append(sb, "district", district);
            append(sb, "amenity", amenity);
            append(sb, "status", status);
            append(sb, "q", q);
            return sb.isEmpty() ? "all" : sb.toString();
        }

        private static void append(StringBuilder sb, String key, String value) {
            if (!blank(value)) {
                sb.append(sb.isEmpty() ? "" : " ").append(key).append('=').append(value.strip());
            }
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    /** The same for every request (the divisions are reference data loaded once): built once, not per page. */
    private @Nullable Map<String, String> districtNames;

    private Map<String, String> districtNames() {
        Map<String, String> names = districtNames;
        if (names == null) {
            names = Map.copyOf(
                    divisions.districts().stream().collect(Collectors.toMap(Division::code, Division::name)));
            districtNames = names;
        }
        return names;
    }

    @ModelAttribute
    void reference(Model model) {
        model.addAttribute("districts", divisions.districts());
        model.addAttribute("districtNames", districtNames());
        model.addAttribute("amenities", Amenity.values());
        model.addAttribute("statuses", StationStatus.values());
        model.addAttribute("hostTypes", HostType.values());
        model.addAttribute("crsList", CoordinateSystem.values());
        for (StationPermissions.Action action : StationPermissions.Action.values()) {
            model.addAttribute(
                    "may" + action.name().charAt(0) + action.name().substring(1).toLowerCase(Locale.ROOT),
                    permissions.current(action));
        }
    }

    @GetMapping
    String list(Filters filters, Model model, Locale locale) {
        permissions.check(StationPermissions.Action.VIEW);
        model.addAttribute("filters", filters);
        Pageable pageable = Paging.of(filters.page(), PAGE_SIZE, filters.toSort());
        Page<Station> page;
        try {
            page = catalog.search(filters.toFilter(filterParser), pageable);
        } catch (InvalidInputException e) {
            // A misspelt filter in an edited or old link lists nothing and says why, in words.
            model.addAttribute("filterProblems", problems.texts(e.errors(), locale));
            page = Page.empty(pageable);
        }
        model.addAttribute("page", page);
        // Each row printed from plain values: labels resolved once per page (PERFORMANCE.md §5).
        ConsoleStationRow.Labels labels = new ConsoleStationRow.Labels(messages, locale);
        Map<String, String> names = districtNames();
        model.addAttribute(
                "rows",
                page.getContent().stream()
                        .map(s -> ConsoleStationRow.of(s, names, labels))
                        .toList());
        return "station/list";
    }

    @GetMapping("/map")
    String map(Filters filters, Model model) {
        permissions.check(StationPermissions.Action.VIEW);
        model.addAttribute("filters", filters);
        return "station/map";
    }

    /**
     * The console map's layer: like the public {@code GET /api/v1/stations} (same bbox, zoom and filters, same
     * GeoJSON), but with stations of every status, since staff keep suspended and closed ones too; never cached
     * by shared caches.
     */
    @GetMapping(
            value = "/layer",
            produces = {"application/geo+json", "application/json"})
    @ResponseBody
    ResponseEntity<Map<String, Object>> layer(
            @RequestParam(required = false) @Nullable String bbox,
            @RequestParam(required = false) @Nullable String zoom,
            @RequestParam(required = false) @Nullable String district,
            @RequestParam(required = false) @Nullable List<String> amenity,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String q) {
        permissions.check(StationPermissions.Action.VIEW);
        MapBounds bounds = StationApiController.parseBbox(bbox);
        Integer zoomLevel = StationApiController.parseZoom(zoom);
        StationFilter filter = filterParser.parse(district, amenity, status, q);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(StationApiController.geoJsonOf(mapLayer.layer(filter, bounds, zoomLevel)));
    }

    /** The roster as xlsx with the list's filters; a misspelt filter goes back to the list, which names it. */
    @GetMapping("/export.xlsx")
    void exportXlsx(Filters filters, HttpServletRequest request, HttpServletResponse response) throws IOException {
        permissions.check(StationPermissions.Action.EXPORT);
        StationFilter filter;
        try {
            filter = filters.toFilter(filterParser);
        } catch (InvalidInputException e) {
            response.sendRedirect(request.getContextPath() + filters.listUrl());
            return;
        }
        Map<String, String> districtNames = districtNames();
        List<List<Object>> rows = new ArrayList<>();
        catalog.forEach(
                filter,
                s -> rows.add(List.of(
                        s.code(),
                        s.name(),
                        districtNames.getOrDefault(s.districtCode(), s.districtCode()),
                        s.address(),
                        s.enteredLocation().longitude(),
                        s.enteredLocation().latitude(),
                        crsName(s.enteredCrs()),
                        s.hostType().label(),
                        s.contactName(),
                        PhoneNumbers.display(s.contactPhone()),
                        s.openingHours().toString(),
                        s.amenities().stream().sorted().map(Amenity::label).collect(Collectors.joining(",")),
                        s.status().label(),
                        s.synthetic() ? "是" : "否")));
        // Recorded before the first byte goes out: a disclosure is logged even if the download breaks off.
        audit.record("station.export", "station", null, null, filters.describe() + " rows=" + rows.size());
        String fileName = "工会驿站名册-" + time.today() + ".xlsx";
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"stations.xlsx\"; filename*=UTF-8''"
                        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        // The same column names the import reads, so an exported roster can be edited and re-imported.
        export.write(
                response.getOutputStream(),
                "工会驿站",
                List.of(
                        "驿站编码", "驿站名称", "所属区县", "详细地址", "经度", "纬度", "坐标系", "依托场所", "联系人", "联系电话", "开放时间", "服务设施", "状态",
                        "模拟数据"),
                rows);
    }

    private static String crsName(CoordinateSystem crs) {
        return switch (crs) {
            case WGS84 -> "WGS-84";
            case GCJ02 -> "GCJ-02";
            case BD09 -> "BD-09";
        };
    }

    @GetMapping("/new")
    String createForm(Model model) {
        permissions.check(StationPermissions.Action.CREATE);
        model.addAttribute(
                "form",
                new StationInput(
                        null, null, null, null, null, null, null, "GCJ02", null, null, "08:00-22:00", null, "OPEN"));
        model.addAttribute("selectedAmenities", List.of());
        return "station/form";
    }

    @PostMapping("/new")
    String create(
            StationInput form,
            @RequestParam(name = "amenity", required = false) List<String> amenity,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        permissions.check(StationPermissions.Action.CREATE);
        StationInput input = withAmenities(form, amenity);
        try {
            Station created = catalog.create(input);
            redirect.addFlashAttribute("saved", created.name());
            return "redirect:/console/stations/" + created.code();
        } catch (InvalidInputException e) {
            return formWithErrors(input, amenity, e, model, locale);
        }
    }

    @GetMapping("/{code}")
    String edit(@PathVariable String code, Model model) {
        Station s = found(code);
        permissions.check(StationPermissions.Action.VIEW, s);
        model.addAttribute("station", s);
        model.addAttribute("version", s.version());
        model.addAttribute(
                "form",
                new StationInput(
                        s.code(),
                        s.name(),
                        s.hostType().name(),
                        s.districtCode(),
                        s.address(),
                        Double.toString(s.enteredLocation().longitude()),
                        Double.toString(s.enteredLocation().latitude()),
                        s.enteredCrs().name(),
                        s.contactName(),
                        PhoneNumbers.display(s.contactPhone()),
                        s.openingHours().toString(),
                        null,
                        s.status().name()));
        model.addAttribute(
                "selectedAmenities", s.amenities().stream().map(Amenity::name).toList());
        return "station/form";
    }

    @PostMapping("/{code}")
    String update(
            @PathVariable String code,
            @RequestParam int version,
            StationInput form,
            @RequestParam(name = "amenity", required = false) List<String> amenity,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        StationInput input = withAmenities(form, amenity);
        Station existing = found(code);
        permissions.check(StationPermissions.Action.UPDATE, existing);
        model.addAttribute("station", existing);
        model.addAttribute("version", version);
        try {
            Station saved = catalog.update(code, version, input);
            redirect.addFlashAttribute("saved", saved.name());
            return "redirect:/console/stations/" + saved.code();
        } catch (InvalidInputException e) {
            return formWithErrors(input, amenity, e, model, locale);
        } catch (StationChangedConcurrentlyException e) {
            model.addAttribute("form", input);
            model.addAttribute("selectedAmenities", amenity == null ? List.of() : amenity);
            model.addAttribute("conflict", true);
            return "station/form";
        }
    }

    private static StationInput withAmenities(StationInput f, List<String> amenity) {
        String joined = amenity == null ? f.amenities() : String.join(",", amenity);
        return new StationInput(
                f.code(),
                f.name(),
                f.hostType(),
                f.district(),
                f.address(),
                f.longitude(),
                f.latitude(),
                f.crs(),
                f.contactName(),
                f.contactPhone(),
                f.openingHours(),
                joined,
                f.status());
    }

    /** @throws ResponseStatusException 404 (the error page, nothing logged) when no station has this code */
    private Station found(String code) {
        return catalog.findInScope(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String formWithErrors(
            StationInput input, List<String> amenity, InvalidInputException e, Model model, Locale locale) {
        model.addAttribute("form", input);
        model.addAttribute("selectedAmenities", amenity == null ? List.of() : amenity);
        model.addAttribute("errors", problems.byField(e.errors(), locale));
        return "station/form";
    }
}
