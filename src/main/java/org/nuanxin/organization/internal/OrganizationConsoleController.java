package org.nuanxin.organization.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;
import org.nuanxin.identity.DataScope;
import org.nuanxin.identity.DataScopes;
import org.nuanxin.identity.PhoneNumbers;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.kernel.Paging;
import org.nuanxin.kernel.ProblemMessages;
import org.nuanxin.organization.Organization;
import org.nuanxin.organization.OrganizationChangedConcurrentlyException;
import org.nuanxin.organization.OrganizationKind;
import org.nuanxin.organization.OrganizationPermissions;
import org.nuanxin.organization.OrganizationPermissions.Action;
import org.nuanxin.organization.Organizations;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff console's organisation tree: the tree opened level by level (never all 1,000+ nodes at once: the top of
 * the user's scope, its children, and the children of each organisation on the path to the one opened with
 * {@code ?open=}, each level bounded), search ({@code ?q=}), an organisation's page (breadcrumbs, details, children
 * paged) and the forms to create a child, edit, move and dissolve. Pages work without JavaScript. An id outside the
 * user's data scope, in the path or in a form, is 404 and changes nothing; an action the user may not do is 403.
 */
@Controller
@RequestMapping("/console/organizations")
class OrganizationConsoleController {

    static final int PAGE_SIZE = 50;
    /** Children shown per level of the tree; a level with more links to its organisation's paged list. */
    static final int LEVEL_SIZE = 100;

    static final int CANDIDATES = 30;

    private static final Sort UNSORTED = Sort.unsorted();

    private final Organizations organizations;
    private final OrganizationRepository repository;
    private final OrganizationService service;
    private final OrganizationPermissions permissions;
    private final DataScopes scopes;
    private final ProblemMessages problems;

    OrganizationConsoleController(
            Organizations organizations,
            OrganizationRepository repository,
            OrganizationService service,
            OrganizationPermissions permissions,
            DataScopes scopes,
            ProblemMessages problems) {
        this.organizations = organizations;
        this.repository = repository;
        this.service = service;
        this.permissions = permissions;
        this.scopes = scopes;
        this.problems = problems;
    }

    /**
     * One opened level of the tree.
     *
     * @param node     the organisation whose children are shown
     * @param children its first {@link #LEVEL_SIZE} children in the scope
     */
    record Level(Organization node, Page<Organization> children) {}

    @GetMapping
    String tree(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Long open,
            @RequestParam(required = false) @Nullable String page,
            Model model) {
        permissions.check(Action.VIEW);
        DataScope scope = scopes.current();
        model.addAttribute("q", q == null ? "" : q.strip());
        if (q != null && !q.isBlank()) {
            Page<Organization> results = organizations.search(q, scope, Paging.of(page, PAGE_SIZE, UNSORTED));
            model.addAttribute("results", results);
            model.addAttribute("counts", organizations.countActiveChildren(ids(results.getContent())));
            return "organization/tree";
        }
        List<Organization> path =
                open == null ? List.of(node(scope.rootId(), scope)) : organizations.ancestors(open, scope);
        if (path.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<Level> levels = new ArrayList<>();
        List<Long> shown = new ArrayList<>();
        for (Organization node : path) {
            Page<Organization> children = organizations.children(node.id(), scope, PageRequest.of(0, LEVEL_SIZE));
            levels.add(new Level(node, children));
            shown.addAll(ids(children.getContent()));
        }
        model.addAttribute("top", path.get(0));
        model.addAttribute("levels", levels);
        model.addAttribute("openIds", ids(path));
        model.addAttribute("counts", organizations.countActiveChildren(shown));
        return "organization/tree";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) @Nullable String page, Model model) {
        permissions.check(Action.VIEW);
        DataScope scope = scopes.current();
        Organization node = node(id, scope);
        Page<Organization> children = organizations.children(id, scope, Paging.of(page, PAGE_SIZE, UNSORTED));
        model.addAttribute("node", node);
        model.addAttribute("phone", node.contactPhone() == null ? null : PhoneNumbers.display(node.contactPhone()));
        model.addAttribute("path", organizations.ancestors(id, scope));
        model.addAttribute("children", children);
        model.addAttribute("counts", organizations.countActiveChildren(ids(children.getContent())));
        model.addAttribute("activeChildren", organizations.countActiveChildren(id));
        Map<String, Boolean> may = new HashMap<>();
        for (Action action : Action.values()) {
            may.put(action.name(), permissions.current(action, node));
        }
        model.addAttribute("may", may);
        return "organization/show";
    }

    // ---- create a child ----

    @GetMapping("/{id}/new")
    String createForm(@PathVariable long id, Model model) {
        Organization parent = node(id, scopes.current());
        permissions.check(Action.CREATE, parent);
        return form(model, parent, null, new OrganizationInput(null, null, null, null, null, null, null), null);
    }

    @PostMapping("/{id}/new")
    String create(
            @PathVariable long id, OrganizationInput form, Model model, Locale locale, RedirectAttributes redirect) {
        Organization parent = node(id, scopes.current());
        permissions.check(Action.CREATE, parent);
        try {
            Organization created = service.create(id, form);
            redirect.addFlashAttribute("saved", created.name());
            return "redirect:/console/organizations/" + created.id();
        } catch (InvalidInputException e) {
            return form(model, parent, null, form, problems.byField(e.errors(), locale));
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    // ---- edit ----

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Organization node = node(id, scopes.current());
        permissions.check(Action.UPDATE, node);
        OrganizationInput input = new OrganizationInput(
                node.kind().name(),
                node.name(),
                node.divisionCode(),
                node.creditCode(),
                node.establishedOn() == null ? null : node.establishedOn().toString(),
                node.contactName(),
                node.contactPhone() == null ? null : PhoneNumbers.display(node.contactPhone()));
        model.addAttribute("version", node.version());
        return form(model, parent(node), node, input, null);
    }

    @PostMapping("/{id}/edit")
    String update(
            @PathVariable long id,
            @RequestParam int version,
            OrganizationInput form,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        Organization node = node(id, scopes.current());
        permissions.check(Action.UPDATE, node);
        model.addAttribute("version", version);
        try {
            Organization saved = service.update(id, version, form);
            redirect.addFlashAttribute("saved", saved.name());
            return "redirect:/console/organizations/" + id;
        } catch (InvalidInputException e) {
            return form(model, parent(node), node, form, problems.byField(e.errors(), locale));
        } catch (OrganizationChangedConcurrentlyException e) {
            model.addAttribute("conflict", true);
            return form(model, parent(node), node, form, null);
        }
    }

    private @Nullable Organization parent(Organization node) {
        return node.parentId() == null
                ? null
                : organizations.find(node.parentId()).orElse(null);
    }

    private String form(
            Model model,
            @Nullable Organization parent,
            @Nullable Organization node,
            OrganizationInput input,
            @Nullable Map<String, String> errors) {
        model.addAttribute("parent", parent);
        model.addAttribute("node", node);
        model.addAttribute("form", input);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "kinds",
                parent == null
                        ? List.of(OrganizationKind.MUNICIPAL_FEDERATION)
                        : Arrays.stream(OrganizationKind.values())
                                .filter(k -> OrganizationService.fits(k, parent))
                                .toList());
        return "organization/form";
    }

    // ---- move ----

    @GetMapping("/{id}/move")
    String moveForm(@PathVariable long id, @RequestParam(required = false) @Nullable String q, Model model) {
        DataScope scope = scopes.current();
        Organization node = node(id, scope);
        permissions.check(Action.MOVE, node);
        return moveForm(model, node, node.version(), q, null, null);
    }

    @PostMapping("/{id}/move")
    String move(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam(required = false) @Nullable String parentId,
            @RequestParam(required = false) @Nullable String q,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        Organization node = node(id, scopes.current());
        permissions.check(Action.MOVE, node);
        Long target = parseId(parentId);
        if (target == null) {
            return moveForm(
                    model,
                    node,
                    version,
                    q,
                    parentId,
                    Map.of(
                            "parentId",
                            problems.text(
                                    org.nuanxin.kernel.FieldProblem.of("parentId", "organization.error.parentId"),
                                    locale)));
        }
        try {
            Organization moved = service.move(id, version, target);
            redirect.addFlashAttribute("moved", moved.name());
            return "redirect:/console/organizations/" + id;
        } catch (InvalidInputException e) {
            return moveForm(model, node, version, q, parentId, problems.byField(e.errors(), locale));
        } catch (OrganizationChangedConcurrentlyException e) {
            model.addAttribute("conflict", true);
            return moveForm(model, node, node(id, scopes.current()).version(), q, parentId, null);
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private String moveForm(
            Model model,
            Organization node,
            int version,
            @Nullable String q,
            @Nullable String chosen,
            @Nullable Map<String, String> errors) {
        DataScope scope = scopes.current();
        model.addAttribute("node", node);
        model.addAttribute("version", version);
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("chosen", chosen == null ? "" : chosen.strip());
        model.addAttribute("candidates", repository.moveCandidates(node.id(), q, scope, CANDIDATES));
        model.addAttribute("path", organizations.ancestors(node.id(), scope));
        model.addAttribute("errors", errors);
        return "organization/move";
    }

    private static @Nullable Long parseId(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            // Not a number is not an id of anything the user may see.
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    // ---- dissolve ----

    @GetMapping("/{id}/dissolve")
    String dissolveForm(@PathVariable long id, Model model) {
        Organization node = node(id, scopes.current());
        permissions.check(Action.DISSOLVE, node);
        return dissolveForm(model, node, node.version(), "", null, List.of());
    }

    @PostMapping("/{id}/dissolve")
    String dissolve(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam(required = false) @Nullable String reason,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        Organization node = node(id, scopes.current());
        permissions.check(Action.DISSOLVE, node);
        try {
            Organization done = service.dissolve(id, version, reason);
            redirect.addFlashAttribute("dissolved", done.name());
            return "redirect:/console/organizations/" + id;
        } catch (InvalidInputException e) {
            List<String> blocking = e.errors().stream()
                    .filter(p -> p.field().equals("organization"))
                    .map(p -> problems.text(p, locale))
                    .toList();
            return dissolveForm(model, node, version, reason, problems.byField(e.errors(), locale), blocking);
        } catch (OrganizationChangedConcurrentlyException e) {
            model.addAttribute("conflict", true);
            Organization now = node(id, scopes.current());
            return dissolveForm(model, now, now.version(), reason, null, List.of());
        }
    }

    private String dissolveForm(
            Model model,
            Organization node,
            int version,
            @Nullable String reason,
            @Nullable Map<String, String> errors,
            List<String> blocking) {
        model.addAttribute("node", node);
        model.addAttribute("version", version);
        model.addAttribute("reason", reason == null ? "" : reason);
        model.addAttribute("errors", errors);
        model.addAttribute("blocking", blocking);
        model.addAttribute("path", organizations.ancestors(node.id(), scopes.current()));
        model.addAttribute("activeChildren", organizations.countActiveChildren(node.id()));
        return "organization/dissolve";
    }

    /** @throws ResponseStatusException 404 when the organisation is not in the scope (or does not exist) */
    private Organization node(long id, DataScope scope) {
        return organizations.find(id, scope).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static List<Long> ids(List<Organization> list) {
        return list.stream().map(Organization::id).toList();
    }
}
