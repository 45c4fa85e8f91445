package org.nuanxin.identity.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.nuanxin.identity.AccountPermissions;
import org.nuanxin.identity.CurrentUser;
import org.nuanxin.identity.DataScope;
import org.nuanxin.identity.DataScopes;
import org.nuanxin.identity.OrganizationTree;
import org.nuanxin.identity.Role;
import org.nuanxin.identity.StaffAccount;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.kernel.ProblemMessages;
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
 * Account management in the console (city administrator) and every staff member's own password
 * page. Permissions are asked here for the pages and again by {@link AccountService} for each change.
 */
@Controller
class AccountConsoleController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter THROTTLE_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** An account's sign-in throttle as shown: until (city time, HH:mm:ss), wrong passwords, addresses. */
    record ThrottleView(String until, int failures, int addresses) {}

    private final AccountService service;
    private final AccountPermissions permissions;
    private final CityTime time;
    private final ProblemMessages problems;
    private final DataScopes scopes;

    /** At most this many organisations are offered in a form's list (the scope's top and its children). */
    private static final int MAX_CHOICES = 100;

    private final SignInThrottle throttle;

    AccountConsoleController(
            AccountService service,
            AccountPermissions permissions,
            CityTime time,
            ProblemMessages problems,
            DataScopes scopes,
            SignInThrottle throttle) {
        this.scopes = scopes;
        this.throttle = throttle;
        this.service = service;
        this.permissions = permissions;
        this.time = time;
        this.problems = problems;
    }

    @GetMapping("/console/accounts")
    String list(@RequestParam(required = false) @Nullable Long organization, Model model) {
        permissions.check(AccountPermissions.Action.VIEW);
        List<StaffAccount> accounts = service.list(organization);
        model.addAttribute("accounts", accounts);
        model.addAttribute(
                "lastLogins",
                accounts.stream()
                        .filter(a -> a.lastLoginAt() != null)
                        .collect(Collectors.toMap(
                                StaffAccount::username, a -> TIME.format(time.local(a.lastLoginAt())))));
        // Sign-ins being slowed now (the person signing in is told only "wrong username or password").
        Map<String, SignInThrottle.Throttled> throttled = throttle.throttledAccounts();
        Map<String, ThrottleView> throttles = new HashMap<>();
        for (StaffAccount a : accounts) {
            SignInThrottle.Throttled t = throttled.get(a.username());
            if (t != null) {
                throttles.put(
                        a.username(),
                        new ThrottleView(THROTTLE_TIME.format(time.local(t.until())), t.failures(), t.addresses()));
            }
        }
        model.addAttribute("throttles", throttles);
        model.addAttribute("addressesOverBudget", throttle.addressesOverBudget());
        model.addAttribute("roles", grantable());
        List<OrganizationTree.Node> choices = organizationChoices(null);
        model.addAttribute("organizations", choices);
        model.addAttribute(
                "choiceIds", choices.stream().map(OrganizationTree.Node::id).collect(Collectors.toSet()));
        model.addAttribute("organizationNames", names(accounts));
        model.addAttribute("me", CurrentUser.get().map(CurrentUser::username).orElse(""));
        return "identity/accounts";
    }

    @GetMapping("/console/accounts/new")
    String createForm(@RequestParam(required = false) @Nullable Long organization, Model model) {
        permissions.check(AccountPermissions.Action.CREATE);
        model.addAttribute("form", new AccountService.NewAccount("", "", Role.UNION_STAFF.name(), organization, ""));
        model.addAttribute("roles", grantable());
        model.addAttribute("organizations", organizationChoices(organization));
        return "identity/account-new";
    }

    @PostMapping("/console/accounts/new")
    String create(AccountService.NewAccount form, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            StaffAccount created = service.create(form);
            redirect.addFlashAttribute("saved", created.username());
            return "redirect:/console/accounts";
        } catch (InvalidInputException e) {
            // The password is never sent back to the browser.
            model.addAttribute(
                    "form",
                    new AccountService.NewAccount(
                            form.username(), form.displayName(), form.role(), form.organization(), ""));
            model.addAttribute("roles", grantable());
            model.addAttribute("organizations", organizationChoices(form.organization()));
            model.addAttribute("errors", problems.byField(e.errors(), locale));
            return "identity/account-new";
        }
    }

    @PostMapping("/console/accounts/{id}/role")
    String changeRole(@PathVariable long id, @RequestParam String role, Locale locale, RedirectAttributes redirect) {
        StaffAccount target = found(id);
        try {
            service.changeRole(id, role);
        } catch (InvalidInputException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        redirect.addFlashAttribute("saved", target.username());
        return "redirect:/console/accounts";
    }

    @PostMapping("/console/accounts/{id}/organization")
    String move(@PathVariable long id, @RequestParam long organization, RedirectAttributes redirect) {
        StaffAccount target = found(id);
        try {
            service.move(id, organization);
        } catch (InvalidInputException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        redirect.addFlashAttribute("saved", target.username());
        return "redirect:/console/accounts";
    }

    /** The roles the current user may grant, in the order of {@link Role}. */
    private List<Role> grantable() {
        Set<Role> mine = CurrentUser.get().map(u -> u.role().grantable()).orElse(Set.of());
        return Arrays.stream(Role.values()).filter(mine::contains).toList();
    }

    /**
     * The organisations offered in the forms: the top of the user's scope and the organisations directly
     * under it (a bounded list), plus {@code chosen} when it lies deeper in the scope (the organisation
     * console links here with it).
     */
    private List<OrganizationTree.Node> organizationChoices(@Nullable Long chosen) {
        DataScope scope = scopes.current();
        List<OrganizationTree.Node> choices = new ArrayList<>();
        scopes.tree().find(scope.rootId()).ifPresent(choices::add);
        choices.addAll(scopes.tree().children(scope.rootId(), MAX_CHOICES));
        if (chosen != null && choices.stream().noneMatch(n -> n.id() == chosen) && scope.includes(chosen)) {
            scopes.tree().find(chosen).filter(OrganizationTree.Node::active).ifPresent(n -> choices.add(1, n));
        }
        return choices;
    }

    private Map<Long, String> names(List<StaffAccount> accounts) {
        Map<Long, String> names = new HashMap<>();
        for (StaffAccount a : accounts) {
            names.computeIfAbsent(
                    a.organizationId(),
                    id -> scopes.tree()
                            .find(id)
                            .map(OrganizationTree.Node::name)
                            .orElse("—"));
        }
        return names;
    }

    @PostMapping("/console/accounts/{id}/enabled")
    String setEnabled(
            @PathVariable long id,
            @RequestParam boolean enabled,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        StaffAccount target = found(id);
        service.setEnabled(id, enabled, reason);
        redirect.addFlashAttribute("saved", target.username());
        return "redirect:/console/accounts";
    }

    @GetMapping("/console/accounts/{id}/password")
    String resetForm(@PathVariable long id, Model model) {
        StaffAccount target = found(id);
        permissions.check(AccountPermissions.Action.RESET_PASSWORD, target);
        model.addAttribute("account", target);
        return "identity/account-reset";
    }

    @PostMapping("/console/accounts/{id}/password")
    String reset(
            @PathVariable long id,
            @RequestParam(required = false) String password,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        StaffAccount target = found(id);
        try {
            service.resetPassword(id, password);
        } catch (InvalidInputException e) {
            model.addAttribute("account", target);
            model.addAttribute("errors", problems.byField(e.errors(), locale));
            return "identity/account-reset";
        }
        redirect.addFlashAttribute("reset", target.username());
        return "redirect:/console/accounts";
    }

    @GetMapping("/console/account/password")
    String passwordForm(Model model) {
        permissions.check(AccountPermissions.Action.CHANGE_PASSWORD);
        model.addAttribute("mustChange", service.mustChangeOwnPassword());
        return "identity/password";
    }

    @PostMapping("/console/account/password")
    String changePassword(
            @RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String newPassword,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            service.changeOwnPassword(currentPassword, newPassword);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", problems.byField(e.errors(), locale));
            model.addAttribute("mustChange", service.mustChangeOwnPassword());
            return "identity/password";
        }
        redirect.addFlashAttribute("changed", true);
        return "redirect:/console/account/password";
    }

    private StaffAccount found(long id) {
        try {
            return service.get(id);
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
