package org.nuanxin.identity.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.nuanxin.audit.AuditLog;
import org.nuanxin.identity.AccountPermissions;
import org.nuanxin.identity.AccountPermissions.Action;
import org.nuanxin.identity.CurrentUser;
import org.nuanxin.identity.DataScope;
import org.nuanxin.identity.DataScopes;
import org.nuanxin.identity.OrganizationTree;
import org.nuanxin.identity.Role;
import org.nuanxin.identity.StaffAccount;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account management: list, create, change role, move to another organisation, disable/enable, reset
 * and change passwords. Every method asks {@link AccountPermissions} (refusing with {@link
 * AccessDeniedException}), sees only the accounts of the user's data scope (another scope's account is
 * "not found"), and writes the audit entry in the same transaction as the change. A password set by an
 * administrator (a new account's, a reset) is one-time: the user must choose their own at sign-in.
 */
@Service
class AccountService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final AccountPermissions permissions;
    private final AuditLog audit;
    private final Clock clock;
    private final DataScopes scopes;
    private final OrganizationTree tree;

    AccountService(
            AccountRepository accounts,
            PasswordEncoder encoder,
            AccountPermissions permissions,
            AuditLog audit,
            Clock clock,
            DataScopes scopes) {
        this.scopes = scopes;
        this.tree = scopes.tree();
        this.accounts = accounts;
        this.encoder = encoder;
        this.permissions = permissions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The fields of the "new account" form.
     *
     * @param username    login name: 3–64 lower-case letters, digits, dot, dash, underscore
     * @param displayName name shown in the console
     * @param role        role name, one of {@link Role}
     * @param organization the id of the organisation the account belongs to
     * @param password    initial (one-time) password, see {@link Passwords}
     */
    record NewAccount(
            String username,
            String displayName,
            String role,
            @Nullable Long organization,
            String password) {}

    /**
     * The accounts of the current user's data scope, narrowed to the subtree of {@code organization}
     * when given (a filter can narrow the scope, never widen it).
     *
     * @throws AccessDeniedException unless the current user may view accounts
     */
    @Transactional(readOnly = true)
    List<StaffAccount> list(@Nullable Long organization) {
        permissions.check(Action.VIEW);
        DataScope scope = scopes.current();
        if (organization != null) {
            scope = scope.narrowTo(organization);
        }
        return accounts.findAll(scope).stream().map(Account::summary).toList();
    }

    /**
     * @throws AccessDeniedException unless the current user may view accounts
     * @throws NoSuchElementException when there is no such account in the user's data scope
     */
    @Transactional(readOnly = true)
    StaffAccount get(long id) {
        permissions.check(Action.VIEW);
        return find(id).summary();
    }

    /**
     * Creates an enabled account.
     *
     * @throws AccessDeniedException unless the current user may create accounts
     * @throws InvalidInputException naming each wrong field, including a username already taken
     */
    @Transactional
    StaffAccount create(NewAccount form) {
        permissions.check(Action.CREATE);
        List<FieldProblem> problems = new ArrayList<>();
        String username = form.username() == null ? "" : form.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            problems.add(FieldProblem.of("username", "identity.accounts.error.username"));
        } else if (accounts.findByUsername(username).isPresent()) {
            problems.add(FieldProblem.of("username", "identity.accounts.error.usernameTaken", username));
        }
        String displayName =
                form.displayName() == null ? "" : form.displayName().strip();
        if (displayName.isEmpty() || displayName.length() > 100) {
            problems.add(FieldProblem.of("displayName", "identity.accounts.error.displayName"));
        }
        Role role = parseRole(form.role());
        long organization = form.organization() == null ? scopes.current().rootId() : form.organization();
        if (role == null) {
            problems.add(FieldProblem.of("role", "identity.accounts.error.role"));
        } else if (!permissions.mayGrant(CurrentUser.get(), role, organization)) {
            problems.add(FieldProblem.of("role", "identity.accounts.error.roleNotGrantable"));
        }
        if (!scopes.current().includes(organization)) {
            problems.add(FieldProblem.of("organization", "identity.accounts.error.organization"));
        }
        Passwords.problem("password", username, form.password()).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        try {
            accounts.insert(
                    username, encoder.encode(form.password()), displayName, role, organization, true, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("username", "identity.accounts.error.usernameTaken", username);
        }
        StaffAccount created = accounts.findByUsername(username).orElseThrow().summary();
        audit.record(
                "account.create", "account", username, null, "role=" + role.name() + " organization=" + organization);
        return created;
    }

    /**
     * @throws AccessDeniedException unless the current user may change this account's role (never their own)
     * @throws NoSuchElementException when there is no such account
     * @throws InvalidInputException when the role is unknown
     */
    @Transactional
    void changeRole(long id, String roleName) {
        StaffAccount target = find(id).summary();
        permissions.check(Action.CHANGE_ROLE, target);
        Role role = parseRole(roleName);
        if (role == null) {
            throw new InvalidInputException("role", "identity.accounts.error.role");
        }
        if (!permissions.mayGrant(CurrentUser.get(), role, target.organizationId())) {
            throw new AccessDeniedException("account role " + role);
        }
        if (role != target.role()) {
            accounts.updateRole(id, role);
            audit.record(
                    "account.role.change",
                    "account",
                    target.username(),
                    null,
                    target.role().name() + "->" + role.name());
        }
    }

    /**
     * Disables (cannot sign in) or enables an account again.
     *
     * @param reason why, as the administrator wrote it (may be blank)
     * @throws AccessDeniedException unless the current user may disable this account (never their own)
     * @throws NoSuchElementException when there is no such account
     */
    @Transactional
    void setEnabled(long id, boolean enabled, String reason) {
        StaffAccount target = find(id).summary();
        permissions.check(Action.DISABLE, target);
        if (target.enabled() != enabled) {
            accounts.updateEnabled(id, enabled);
            audit.record(
                    enabled ? "account.enable" : "account.disable",
                    "account",
                    target.username(),
                    reason == null || reason.isBlank() ? null : reason.strip());
        }
    }

    /**
     * Sets a new password chosen by the administrator.
     *
     * @throws AccessDeniedException unless the current user may reset this account's password (never their own)
     * @throws NoSuchElementException when there is no such account
     * @throws InvalidInputException when the password is too short or too long
     */
    @Transactional
    void resetPassword(long id, String password) {
        StaffAccount target = find(id).summary();
        permissions.check(Action.RESET_PASSWORD, target);
        Passwords.problem("password", target.username(), password).ifPresent(p -> {
            throw new InvalidInputException(List.of(p));
        });
        accounts.updatePassword(id, encoder.encode(password), true);
        audit.record("account.password.reset", "account", target.username(), null);
    }

    /** @return whether the signed-in user's password is one-time and must be changed before anything else */
    @Transactional(readOnly = true)
    boolean mustChangeOwnPassword() {
        return CurrentUser.get()
                .flatMap(u -> accounts.findByUsername(u.username()))
                .map(Account::mustChangePassword)
                .orElse(false);
    }

    /**
     * Changes the signed-in user's own password.
     *
     * @throws AccessDeniedException when nobody is signed in
     * @throws InvalidInputException when the current password is wrong or the new one too short or too long
     */
    @Transactional
    void changeOwnPassword(String currentPassword, String newPassword) {
        String username = CurrentUser.get()
                .map(CurrentUser::username)
                .orElseThrow(() -> new AccessDeniedException("not signed in"));
        Account own = accounts.findByUsername(username).orElseThrow(() -> new AccessDeniedException("no account"));
        permissions.check(Action.CHANGE_PASSWORD, own.summary());
        List<FieldProblem> problems = new ArrayList<>();
        if (currentPassword == null || !encoder.matches(currentPassword, own.passwordHash())) {
            problems.add(FieldProblem.of("currentPassword", "identity.password.error.current"));
        }
        Passwords.problem("newPassword", username, newPassword).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (encoder.matches(newPassword, own.passwordHash())) {
            throw new InvalidInputException("newPassword", "identity.password.error.same");
        }
        accounts.updatePassword(own.id(), encoder.encode(newPassword), false);
        audit.record("account.password.change", "account", username, null);
    }

    /**
     * Moves an account to another organisation of the administrator's scope.
     *
     * @throws AccessDeniedException unless the current user manages the account and may give its role in
     *     the new organisation
     * @throws NoSuchElementException when there is no such account in the user's data scope
     * @throws InvalidInputException when the organisation is unknown, dissolved or outside the scope
     */
    @Transactional
    void move(long id, long organization) {
        StaffAccount target = find(id).summary();
        permissions.check(Action.UPDATE, target);
        if (tree.find(organization).filter(OrganizationTree.Node::active).isEmpty()
                || !scopes.current().includes(organization)) {
            throw new InvalidInputException("organization", "identity.accounts.error.organization");
        }
        if (!permissions.mayGrant(CurrentUser.get(), target.role(), organization)) {
            throw new AccessDeniedException("account move");
        }
        if (organization != target.organizationId()) {
            accounts.updateOrganization(id, organization);
            audit.record(
                    "account.organization.change",
                    "account",
                    target.username(),
                    null,
                    target.organizationId() + "->" + organization);
        }
    }

    /** The account, when it lies in the current user's data scope (another scope's account is not found). */
    private Account find(long id) {
        return accounts.findById(id)
                .filter(a -> scopes.current().includes(a.organizationId()))
                .orElseThrow(() -> new NoSuchElementException("account " + id));
    }

    private static Role parseRole(String name) {
        for (Role r : Role.values()) {
            if (r.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return r;
            }
        }
        return null;
    }
}
