package org.nuanxin.organization.internal.enterprise;

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
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.nuanxin.geo.Division;
import org.nuanxin.geo.Divisions;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.kernel.Paging;
import org.nuanxin.kernel.ProblemMessages;
import org.nuanxin.organization.EnterprisePermissions;
import org.nuanxin.organization.EnterprisePermissions.Action;
import org.nuanxin.spreadsheet.XlsxExport;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The console's enterprise registry: list with filters and paging, export to xlsx, create and edit. */
@Controller
@RequestMapping("/console/enterprises")
class EnterpriseConsoleController {

    private static final int PAGE_SIZE = 50;

    private final EnterpriseService service;
    private final EnterpriseFilterParser parser;
    private final Divisions divisions;
    private final XlsxExport xlsx;
    private final ProblemMessages problems;
    private final EnterprisePermissions permissions;
    private final CityTime time;

    EnterpriseConsoleController(
            EnterpriseService service,
            EnterpriseFilterParser parser,
            Divisions divisions,
            XlsxExport xlsx,
            ProblemMessages problems,
            EnterprisePermissions permissions,
            CityTime time) {
        this.service = service;
        this.parser = parser;
        this.divisions = divisions;
        this.xlsx = xlsx;
        this.problems = problems;
        this.permissions = permissions;
        this.time = time;
    }

    /**
     * The list's filters as typed in the query string, kept so the form shows them again; read by
     * {@link EnterpriseFilterParser} for the list and the export alike.
     */
    record Filters(
            @Nullable String q,
            @Nullable String district,
            @Nullable String industry,
            @Nullable String union,
            @Nullable List<String> flag,
            @Nullable String organization,
            @Nullable String sort,
            @Nullable String page) {

        EnterpriseFilter parse(EnterpriseFilterParser parser) {
            return parser.parse(q, district, industry, union, flag, organization);
        }

        public List<String> flags() {
            return flag == null ? List.of() : flag;
        }

        Sort toSort() {
            String chosen = sort == null ? "" : sort.strip().toUpperCase(Locale.ROOT);
            return switch (chosen) {
                case "DISTRICT" -> Sort.by("districtCode");
                case "UPDATED" -> Sort.by(Sort.Direction.DESC, "updatedAt");
                case "UNION" -> Sort.by("unionStatus");
                default -> Sort.by("name");
            };
        }

        /** @return the query string of these filters (without page or sort), for links and the export */
        Map<String, Object> params() {
            Map<String, Object> p = new LinkedHashMap<>();
            put(p, "q", q);
            put(p, "district", district);
            put(p, "industry", industry);
            put(p, "union", union);
            if (!flags().isEmpty()) {
                p.put("flag", flags());
            }
            put(p, "organization", organization);
            return p;
        }

        String url(String path) {
            UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
            params().forEach((k, v) -> {
                if (v instanceof List<?> list) {
                    list.forEach(item -> url.queryParam(k, item));
                } else {
                    url.queryParam(k, v);
                }
            });
            return url.encode().build().toUriString();
        }

        /** @return the filter for the audit log, e.g. {@code district=500103 union=NONE}; "all" when none */
        String describe() {
            String d = params().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" "));
            return d.isEmpty() ? "all" : d;
        }

        private static void put(Map<String, Object> p, String key, @Nullable String value) {
            if (value != null && !value.isBlank()) {
                p.put(key, value.strip());
            }
        }
    }

    private Map<String, String> districtNames() {
        return divisions.districts().stream().collect(Collectors.toMap(Division::code, Division::name));
    }

    @ModelAttribute
    void reference(Model model) {
        model.addAttribute("districts", divisions.districts());
        model.addAttribute("districtNames", districtNames());
        model.addAttribute("industries", Industry.values());
        model.addAttribute("sizes", EnterpriseSize.values());
        model.addAttribute("unionStatuses", UnionStatus.values());
        model.addAttribute("flags", EnterpriseFilter.Flag.values());
        model.addAttribute("mayCreate", permissions.current(Action.CREATE));
        model.addAttribute("mayImport", permissions.current(Action.IMPORT));
        model.addAttribute("mayExport", permissions.current(Action.EXPORT));
    }

    @GetMapping
    String list(Filters filters, Model model, Locale locale) {
        permissions.check(Action.VIEW);
        model.addAttribute("filters", filters);
        model.addAttribute("exportUrl", filters.url("/console/enterprises/export.xlsx"));
        Pageable pageable = Paging.of(filters.page(), PAGE_SIZE, filters.toSort());
        try {
            model.addAttribute("page", service.search(filters.parse(parser), pageable));
        } catch (InvalidInputException e) {
            model.addAttribute("filterProblems", problems.texts(e.errors(), locale));
            model.addAttribute("page", Page.empty(pageable));
        }
        return "organization/enterprise-list";
    }

    /** The registry as xlsx with the list's filters and the user's scope; a misspelt filter goes back to the list. */
    @GetMapping("/export.xlsx")
    void export(Filters filters, HttpServletRequest request, HttpServletResponse response) throws IOException {
        permissions.check(Action.EXPORT);
        EnterpriseFilter filter;
        try {
            filter = filters.parse(parser);
        } catch (InvalidInputException e) {
            response.sendRedirect(request.getContextPath() + filters.url("/console/enterprises"));
            return;
        }
        Map<String, String> names = districtNames();
        List<List<Object>> rows = new ArrayList<>();
        // The disclosure is audited (in the read's transaction) before the first byte goes out.
        service.export(filter, filters.describe(), e -> rows.add(EnterpriseSheet.row(e, names)));
        String fileName = "企业名录-" + time.today() + ".xlsx";
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"enterprises.xlsx\"; filename*=UTF-8''"
                        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        xlsx.write(response.getOutputStream(), "企业名录", EnterpriseSheet.headers(), rows);
    }

    @GetMapping("/new")
    String createForm(Model model) {
        permissions.check(Action.CREATE);
        model.addAttribute("form", EnterpriseInput.blank());
        model.addAttribute("parents", service.unionParents(service.defaultOwner()));
        return "organization/enterprise-form";
    }

    @PostMapping("/new")
    String create(EnterpriseInput form, Model model, Locale locale, RedirectAttributes redirect) {
        permissions.check(Action.CREATE);
        try {
            Enterprise created = service.create(form);
            redirect.addFlashAttribute("saved", created.name());
            return "redirect:/console/enterprises/" + created.id();
        } catch (InvalidInputException e) {
            model.addAttribute("form", form);
            model.addAttribute("parents", service.unionParents(service.defaultOwner()));
            model.addAttribute("errors", problems.byField(e.errors(), locale));
            return "organization/enterprise-form";
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable String id, Model model) {
        permissions.check(Action.VIEW);
        Enterprise e = found(id);
        model.addAttribute("enterprise", e);
        model.addAttribute("version", e.version());
        model.addAttribute("form", EnterpriseInput.of(e));
        model.addAttribute(
                "mayUpdate",
                permissions.allows(org.nuanxin.identity.CurrentUser.get(), Action.UPDATE, e.organizationId()));
        model.addAttribute("parents", service.unionParents(e.organizationId()));
        return "organization/enterprise-form";
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable String id,
            @RequestParam(defaultValue = "-1") int version,
            EnterpriseInput form,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        permissions.check(Action.UPDATE);
        Enterprise existing = found(id);
        permissions.check(Action.UPDATE, existing.organizationId());
        model.addAttribute("enterprise", existing);
        model.addAttribute("version", version);
        model.addAttribute("mayUpdate", true);
        model.addAttribute("parents", service.unionParents(existing.organizationId()));
        model.addAttribute("form", form);
        try {
            Enterprise saved = service.update(existing.id(), version, form);
            redirect.addFlashAttribute("saved", saved.name());
            return "redirect:/console/enterprises/" + saved.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", problems.byField(e.errors(), locale));
            return "organization/enterprise-form";
        } catch (EnterpriseChangedConcurrentlyException e) {
            model.addAttribute("conflict", true);
            return "organization/enterprise-form";
        }
    }

    /** @throws ResponseStatusException 404 when there is no such enterprise in the user's scope */
    private Enterprise found(String id) {
        try {
            return service.find(Long.parseLong(id)).orElseThrow();
        } catch (NumberFormatException | NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
