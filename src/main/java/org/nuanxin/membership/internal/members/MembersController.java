package org.nuanxin.membership.internal.members;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;
import org.nuanxin.identity.DataScope;
import org.nuanxin.identity.DataScopes;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.kernel.Paging;
import org.nuanxin.kernel.ProblemMessages;
import org.nuanxin.membership.EnrollmentRoute;
import org.nuanxin.membership.MemberPermissions;
import org.nuanxin.membership.MemberPermissions.Action;
import org.nuanxin.membership.MembershipState;
import org.nuanxin.membership.Occupation;
import org.nuanxin.membership.internal.ScopeUnions;
import org.nuanxin.organization.EnterpriseDirectory;
import org.nuanxin.organization.Organization;
import org.nuanxin.organization.Organizations;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The members list of the console ({@code /console/members}): filters read by {@link MemberFilterParser} (the list
 * and the export alike; the union is chosen among the top of the user's scope and the unions directly under it, the
 * platform enterprise among the registry's platforms), one member with their history, unmasking with a reason
 * (POST, answered with no-store, so clear numbers are never in a URL or a cache), and the xlsx export, masked or,
 * with a reason, in clear. A wrong filter or a missing reason, on the list or an export, answers the list page with
 * the problem beside its field and the filters kept.
 */
@Controller
@RequestMapping("/console/members")
class MembersController {

    private static final int PAGE_SIZE = 50;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final MemberList members;
    private final MemberFilterParser parser;
    private final MemberPermissions permissions;
    private final DataScopes scopes;
    private final ProblemMessages problemMessages;
    private final Organizations organizations;
    private final EnterpriseDirectory enterprises;

    MembersController(
            MemberList members,
            MemberFilterParser parser,
            MemberPermissions permissions,
            DataScopes scopes,
            ProblemMessages problemMessages,
            Organizations organizations,
            EnterpriseDirectory enterprises) {
        this.members = members;
        this.parser = parser;
        this.permissions = permissions;
        this.scopes = scopes;
        this.problemMessages = problemMessages;
        this.organizations = organizations;
        this.enterprises = enterprises;
    }

    /** The filters as they arrive in the query string, kept as typed so the form shows them again. */
    public record Filters(
            @Nullable String organization,
            @Nullable String occupation,
            @Nullable String route,
            @Nullable String state,
            @Nullable String joinedFrom,
            @Nullable String joinedTo,
            @Nullable String enterprise,
            @Nullable String page) {

        MemberFilter parse(MemberFilterParser parser, DataScope scope) {
            return parser.parse(organization, occupation, route, state, joinedFrom, joinedTo, enterprise, scope);
        }

        /** The query string of these filters (no page), encoded, for the export link and the pages. */
        public String query() {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("organization", organization);
            params.put("occupation", occupation);
            params.put("route", route);
            params.put("state", state);
            params.put("joinedFrom", joinedFrom);
            params.put("joinedTo", joinedTo);
            params.put("enterprise", enterprise);
            UriComponentsBuilder url = UriComponentsBuilder.newInstance();
            params.forEach((name, value) -> {
                if (value != null && !value.isBlank()) {
                    url.queryParam(name, value);
                }
            });
            String q = url.encode().build().getQuery();
            return q == null ? "" : q;
        }
    }

    @GetMapping
    String list(Filters filters, Model model, Locale locale, HttpServletResponse response) {
        permissions.check(Action.VIEW);
        return list(filters, List.of(), model, locale, response);
    }

    /**
     * The list page; a wrong filter answers 400 with an empty list, {@code otherProblems} (the clear export's
     * reason) 422 with the list. Each problem is shown beside its field.
     */
    private String list(
            Filters filters,
            List<FieldProblem> otherProblems,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        DataScope scope = scopes.current();
        model.addAttribute("filters", filters);
        model.addAttribute("unions", unionChoices(filters.organization(), scope));
        List<EnterpriseDirectory.Entry> platforms = enterprises.platforms();
        model.addAttribute("platforms", platforms);
        // An enterprise named otherwise (a credit code, a name, not a platform: an edited or old link) stays chosen.
        String enterprise =
                filters.enterprise() == null ? "" : filters.enterprise().strip();
        model.addAttribute(
                "otherEnterprise",
                enterprise.isEmpty()
                                || platforms.stream()
                                        .anyMatch(e -> String.valueOf(e.id()).equals(enterprise))
                        ? null
                        : enterprise);
        model.addAttribute("occupations", Occupation.values());
        model.addAttribute("routes", EnrollmentRoute.values());
        model.addAttribute("states", MembershipState.values());
        model.addAttribute("mayExport", permissions.current(Action.EXPORT));
        model.addAttribute("mayUnmask", permissions.current(Action.UNMASK));
        model.addAttribute("mayImport", permissions.current(Action.IMPORT));
        List<FieldProblem> problems = new ArrayList<>();
        try {
            MemberFilter filter = filters.parse(parser, scope);
            model.addAttribute("members", members.page(filter, Paging.of(filters.page(), PAGE_SIZE, Sort.unsorted())));
            if (!otherProblems.isEmpty()) {
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            }
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("members", Page.empty());
            problems.addAll(e.errors());
        }
        problems.addAll(otherProblems);
        model.addAttribute("errors", problemMessages.byField(problems, locale));
        return "membership/members";
    }

    /**
     * The unions offered by the filter: the top of the user's scope and the active unions directly under it (for
     * the city, its 38 district federations; for a district, its townships), plus the chosen one when it lies deeper
     * in the scope. A filter covers the union and every union under it.
     */
    private List<Organization> unionChoices(@Nullable String chosen, DataScope scope) {
        List<Organization> unions = new ArrayList<>(ScopeUnions.topAndChildren(organizations, scope));
        if (chosen != null && chosen.strip().matches("\\d{1,18}")) {
            long id = Long.parseLong(chosen.strip());
            if (unions.stream().noneMatch(o -> o.id() == id)) {
                organizations.find(id, scope).ifPresent(o -> unions.add(Math.min(1, unions.size()), o));
            }
        }
        return unions;
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, Model model) {
        permissions.check(Action.VIEW);
        long memberId = id(id);
        try {
            model.addAttribute("member", members.find(memberId));
            model.addAttribute("periods", members.periods(memberId));
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("mayUnmask", permissions.current(Action.UNMASK));
        model.addAttribute("disclosed", null);
        model.addAttribute("errors", List.of());
        return "membership/console-member";
    }

    @PostMapping("/{id}/unmask")
    String unmask(
            @PathVariable String id,
            @RequestParam(name = "reason", required = false) String reason,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        permissions.check(Action.UNMASK);
        long memberId = id(id);
        response.setHeader("Cache-Control", "no-store");
        try {
            model.addAttribute("member", members.find(memberId));
            model.addAttribute("periods", members.periods(memberId));
            model.addAttribute("mayUnmask", true);
            try {
                model.addAttribute("disclosed", members.unmask(memberId, reason));
                model.addAttribute("errors", List.of());
            } catch (InvalidInputException e) {
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
                model.addAttribute("disclosed", null);
                model.addAttribute("errors", problemMessages.texts(e.errors(), locale));
            }
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "membership/console-member";
    }

    /** The filtered list, masked; a wrong filter answers the list page naming it. */
    @GetMapping("/export.xlsx")
    @Nullable
    String export(Filters filters, Model model, Locale locale, HttpServletResponse response) throws IOException {
        permissions.check(Action.EXPORT);
        return write(filters, false, null, model, locale, response);
    }

    /**
     * The filtered list in clear, with a reason (UNMASK); a wrong filter or reason answers the list page naming it
     * beside its field.
     */
    @PostMapping("/export.xlsx")
    @Nullable
    String exportUnmasked(
            Filters filters,
            @RequestParam(name = "reason", required = false) String reason,
            Model model,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        permissions.check(Action.EXPORT);
        permissions.check(Action.UNMASK);
        return write(filters, true, reason, model, locale, response);
    }

    /** @return null when the file was written, else the list page's view */
    private @Nullable String write(
            Filters filters,
            boolean unmask,
            @Nullable String reason,
            Model model,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        MemberFilter filter;
        try {
            filter = filters.parse(parser, scopes.current());
        } catch (InvalidInputException e) {
            // The list names the wrong filter (it reads the filters again).
            return list(filters, List.of(), model, locale, response);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            members.export(filter, unmask, reason, out, locale);
        } catch (InvalidInputException e) {
            model.addAttribute("reason", reason);
            return list(filters, e.errors(), model, locale, response);
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(XLSX);
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"members.xlsx\"; filename*=UTF-8''%E4%BC%9A%E5%91%98%E5%90%8D%E5%86%8C.xlsx");
        out.writeTo(response.getOutputStream());
        return null;
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
