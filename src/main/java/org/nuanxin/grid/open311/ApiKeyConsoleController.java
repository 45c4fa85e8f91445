package org.nuanxin.grid.open311;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;
import org.nuanxin.grid.GridPermissions;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.kernel.ProblemMessages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The city administrator's page of Open311 API keys ({@code /console/grid/api-keys}, MANAGE_API_KEYS): the list,
 * a form to issue a key for a named client system, and revocation after a confirmation page. A new key is shown once,
 * on the answer to the issuing POST (not cached, never in a URL or the session); afterwards only its prefix is shown.
 */
@Controller
class ApiKeyConsoleController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A key as the list shows it: times in the city's zone. */
    record Row(
            ApiKeys.ApiKey key, String createdAt, @Nullable String revokedAt) {}

    private final ApiKeys keys;
    private final GridPermissions permissions;
    private final ProblemMessages problems;
    private final CityTime time;

    ApiKeyConsoleController(ApiKeys keys, GridPermissions permissions, ProblemMessages problems, CityTime time) {
        this.keys = keys;
        this.permissions = permissions;
        this.problems = problems;
        this.time = time;
    }

    @GetMapping("/console/grid/api-keys")
    String list(Model model) {
        permissions.check(GridPermissions.Action.MANAGE_API_KEYS);
        return page(model, "");
    }

    @PostMapping("/console/grid/api-keys")
    String issue(
            @RequestParam(defaultValue = "") String name, Model model, Locale locale, HttpServletResponse response) {
        permissions.check(GridPermissions.Action.MANAGE_API_KEYS);
        try {
            ApiKeys.IssuedKey issued = keys.issue(name);
            // Shown once: nobody's browser or proxy keeps this page.
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            model.addAttribute("issued", issued);
            return "grid/open311-key-issued";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", problems.byField(e.errors(), locale));
            return page(model, name);
        }
    }

    @GetMapping("/console/grid/api-keys/{id}/revoke")
    String confirmRevoke(@PathVariable long id, Model model) {
        permissions.check(GridPermissions.Action.MANAGE_API_KEYS);
        model.addAttribute("row", row(found(id)));
        return "grid/open311-key-revoke";
    }

    @PostMapping("/console/grid/api-keys/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        permissions.check(GridPermissions.Action.MANAGE_API_KEYS);
        try {
            ApiKeys.ApiKey key = keys.revoke(id);
            redirect.addFlashAttribute("revoked", key.name());
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/console/grid/api-keys";
    }

    private String page(Model model, String name) {
        model.addAttribute("rows", keys.list().stream().map(this::row).toList());
        model.addAttribute("name", name);
        model.addAttribute("maxName", ApiKeys.MAX_NAME);
        return "grid/open311-keys";
    }

    private ApiKeys.ApiKey found(long id) {
        return keys.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Row row(ApiKeys.ApiKey key) {
        return new Row(key, format(key.createdAt()), key.revokedAt() == null ? null : format(key.revokedAt()));
    }

    private String format(Instant instant) {
        return TIME.format(time.local(instant));
    }
}
