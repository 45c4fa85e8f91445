package org.nuanxin.organization.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.nuanxin.audit.AuditLog;
import org.nuanxin.identity.DataScope;
import org.nuanxin.identity.DataScopes;
import org.nuanxin.identity.PhoneNumbers;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.organization.Organization;
import org.nuanxin.organization.OrganizationChanged;
import org.nuanxin.organization.OrganizationChangedConcurrentlyException;
import org.nuanxin.organization.OrganizationKind;
import org.nuanxin.organization.OrganizationPermissions;
import org.nuanxin.organization.OrganizationPermissions.Action;
import org.nuanxin.organization.OrganizationUsage;
import org.nuanxin.organization.UnifiedSocialCreditCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the organisation tree by the signed-in staff member: create, edit, move, dissolve. Each method asks
 * {@link OrganizationPermissions} (so no entry point skips it), finds every id it is given in the user's data scope
 * (an id outside it is {@link NoSuchElementException}: "not found", nothing changed), writes an audit entry
 * ({@code organization.create/update/move/dissolve}) and publishes {@link OrganizationChanged} through the outbox,
 * both in the transaction of the change.
 *
 * <p>Rules of the tree's shape: the root (the municipal federation) is the only {@link
 * OrganizationKind#MUNICIPAL_FEDERATION}; district federations sit directly under it and township unions directly
 * under a district federation (the territorial tree of V151); other kinds sit anywhere. A territorial organisation
 * has the division code of its level (6 or 9 digits), and no two active ones share a code. A unified social credit
 * code belongs to one organisation. Active siblings have different names.
 *
 * <p>Dissolution is refused while the organisation has active children, or records that other modules count
 * through {@link OrganizationUsage}: stations (station module) and enabled staff accounts (asked of identity by
 * {@code AccountOrganizationUsage}).
 */
@Service
class OrganizationService {

    static final int NAME_MAX = 100;
    static final int CONTACT_NAME_MAX = 50;
    static final int REASON_MAX = 500;

    private final OrganizationRepository repository;
    private final OrganizationPermissions permissions;
    private final DataScopes scopes;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CityTime time;
    private final List<OrganizationUsage> usages;

    OrganizationService(
            OrganizationRepository repository,
            OrganizationPermissions permissions,
            DataScopes scopes,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock,
            CityTime time,
            List<OrganizationUsage> usages) {
        this.repository = repository;
        this.permissions = permissions;
        this.scopes = scopes;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.time = time;
        this.usages = List.copyOf(usages);
    }

    /**
     * Creates an organisation under {@code parentId}.
     *
     * @throws NoSuchElementException        when the parent is not in the user's scope
     * @throws org.springframework.security.access.AccessDeniedException when the user may not create there
     * @throws InvalidInputException          naming each wrong field
     */
    @Transactional
    public Organization create(long parentId, OrganizationInput input) {
        permissions.check(Action.CREATE);
        repository.lockTree();
        Organization parent = inScope(parentId);
        permissions.check(Action.CREATE, parent);
        OrganizationRepository.Fields fields = valid(input, parent, 0);
        long id = repository.insert(parent.id(), fields, clock.instant());
        events.publishEvent(new OrganizationChanged(id, OrganizationChanged.Change.CREATED, parent.id(), null));
        audit.record("organization.create", "organization", Long.toString(id), null, "parent=" + parent.id());
        return repository.find(id).orElseThrow();
    }

    /**
     * Edits an organisation's fields (not its parent: see {@link #move}).
     *
     * @throws NoSuchElementException                      when it is not in the user's scope
     * @throws OrganizationChangedConcurrentlyException when someone else changed it since {@code expectedVersion}
     */
    @Transactional
    public Organization update(long id, int expectedVersion, OrganizationInput input) {
        Organization existing = inScope(id);
        permissions.check(Action.UPDATE, existing);
        OrganizationRepository.Fields fields;
        if (existing.parentId() == null) {
            // The root keeps its kind; everything else of it may be edited.
            fields = validRoot(input, existing);
        } else {
            fields = valid(input, repository.find(existing.parentId()).orElseThrow(), id);
        }
        if (!repository.update(id, expectedVersion, fields, clock.instant())) {
            throw new OrganizationChangedConcurrentlyException(id);
        }
        events.publishEvent(new OrganizationChanged(id, OrganizationChanged.Change.UPDATED, existing.parentId(), null));
        audit.record("organization.update", "organization", Long.toString(id), null, changed(existing, fields));
        return repository.find(id).orElseThrow();
    }

    /**
     * Moves an organisation, with everything under it, under another parent; the closure rows of the subtree are
     * rewritten in the same transaction.
     *
     * @throws NoSuchElementException when the organisation or the new parent is not in the user's scope
     * @throws InvalidInputException   field {@code parentId}: the new parent is the organisation itself or lies under
     *     it (a cycle), is its parent already, is dissolved, or cannot hold its kind
     * @throws OrganizationChangedConcurrentlyException when someone else changed it since {@code expectedVersion}
     */
    @Transactional
    public Organization move(long id, int expectedVersion, long newParentId) {
        permissions.check(Action.MOVE);
        repository.lockTree();
        Organization existing = inScope(id);
        permissions.check(Action.MOVE, existing);
        Organization parent = inScope(newParentId);
        if (repository.inSubtree(id, newParentId)) {
            throw new InvalidInputException("parentId", "organization.error.cycle", parent.name(), existing.name());
        }
        if (Objects.equals(existing.parentId(), newParentId)) {
            throw new InvalidInputException("parentId", "organization.error.sameParent", parent.name());
        }
        if (!parent.active()) {
            throw new InvalidInputException("parentId", "organization.error.parentDissolved", parent.name());
        }
        if (!fits(existing.kind(), parent)) {
            throw new InvalidInputException("parentId", "organization.error.kindUnderParent", parent.name());
        }
        if (repository.siblingNamed(newParentId, existing.name(), id)) {
            throw new InvalidInputException("parentId", "organization.error.nameTakenThere", existing.name());
        }
        long size = repository.subtreeSize(id);
        if (!repository.move(id, expectedVersion, newParentId, clock.instant())) {
            throw new OrganizationChangedConcurrentlyException(id);
        }
        events.publishEvent(
                new OrganizationChanged(id, OrganizationChanged.Change.MOVED, newParentId, existing.parentId()));
        audit.record(
                "organization.move",
                "organization",
                Long.toString(id),
                null,
                "from=" + existing.parentId() + " to=" + newParentId + " subtree=" + size);
        return repository.find(id).orElseThrow();
    }

    /**
     * Dissolves an organisation (kept, marked dissolved, for history).
     *
     * @param reason why, required (at most 500 characters); recorded in the audit log
     * @throws NoSuchElementException when it is not in the user's scope
     * @throws InvalidInputException   field {@code reason} when blank or too long; field {@code organization} (one
     *     problem each) while it has active children or records counted by an {@link OrganizationUsage}, with the
     *     count
     * @throws OrganizationChangedConcurrentlyException when someone else changed it since {@code expectedVersion}
     */
    @Transactional
    public Organization dissolve(long id, int expectedVersion, @Nullable String reason) {
        permissions.check(Action.DISSOLVE);
        repository.lockTree();
        Organization existing = inScope(id);
        permissions.check(Action.DISSOLVE, existing);
        List<FieldProblem> problems = new ArrayList<>();
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            problems.add(FieldProblem.of("reason", "organization.error.required"));
        } else if (why.length() > REASON_MAX) {
            problems.add(FieldProblem.of("reason", "organization.error.tooLong", REASON_MAX));
        }
        long children = repository.countActiveChildren(id);
        if (children > 0) {
            problems.add(FieldProblem.of("organization", "organization.error.activeChildren", children));
        }
        for (OrganizationUsage usage : usages) {
            long count = usage.count(id);
            if (count > 0) {
                problems.add(FieldProblem.of("organization", usage.messageKey(), count));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!repository.dissolve(id, expectedVersion, clock.instant())) {
            throw new OrganizationChangedConcurrentlyException(id);
        }
        events.publishEvent(
                new OrganizationChanged(id, OrganizationChanged.Change.DISSOLVED, existing.parentId(), null));
        audit.record("organization.dissolve", "organization", Long.toString(id), why);
        return repository.find(id).orElseThrow();
    }

    /** @throws NoSuchElementException when the organisation is not in the current user's scope (or does not exist) */
    private Organization inScope(long id) {
        DataScope scope = scopes.current();
        return repository.find(id, scope).orElseThrow(() -> new NoSuchElementException("organization " + id));
    }

    /** Whether an organisation of {@code kind} may sit under {@code parent} (see the class comment). */
    static boolean fits(OrganizationKind kind, Organization parent) {
        return switch (kind) {
            case MUNICIPAL_FEDERATION -> false;
            case DISTRICT_FEDERATION -> parent.kind() == OrganizationKind.MUNICIPAL_FEDERATION;
            case TOWNSHIP_UNION -> parent.kind() == OrganizationKind.DISTRICT_FEDERATION;
            default -> true;
        };
    }

    private OrganizationRepository.Fields valid(OrganizationInput in, Organization parent, long selfId) {
        List<FieldProblem> problems = new ArrayList<>();
        OrganizationKind kind = null;
        String kindText = trimmed(in.kind());
        if (kindText == null) {
            problems.add(FieldProblem.of("kind", "organization.error.required"));
        } else {
            try {
                kind = OrganizationKind.valueOf(kindText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of("kind", "organization.error.kind", kindText));
            }
            if (kind != null && !fits(kind, parent)) {
                problems.add(FieldProblem.of("kind", "organization.error.kindUnderParent", parent.name()));
            }
        }
        String name = name(in, problems);
        if (name != null && repository.siblingNamed(parent.id(), name, selfId)) {
            problems.add(FieldProblem.of("name", "organization.error.nameTaken", name));
        }
        String division = division(in, kind, selfId, problems);
        OrganizationRepository.Fields rest = rest(in, selfId, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new OrganizationRepository.Fields(
                Objects.requireNonNull(name),
                Objects.requireNonNull(kind),
                division,
                rest.creditCode(),
                rest.establishedOn(),
                rest.contactName(),
                rest.contactPhone());
    }

    private OrganizationRepository.Fields validRoot(OrganizationInput in, Organization root) {
        List<FieldProblem> problems = new ArrayList<>();
        String kindText = trimmed(in.kind());
        if (kindText != null && !kindText.equalsIgnoreCase(OrganizationKind.MUNICIPAL_FEDERATION.name())) {
            problems.add(FieldProblem.of("kind", "organization.error.rootKind"));
        }
        String name = name(in, problems);
        String division = division(in, OrganizationKind.MUNICIPAL_FEDERATION, root.id(), problems);
        OrganizationRepository.Fields rest = rest(in, root.id(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new OrganizationRepository.Fields(
                Objects.requireNonNull(name),
                OrganizationKind.MUNICIPAL_FEDERATION,
                division,
                rest.creditCode(),
                rest.establishedOn(),
                rest.contactName(),
                rest.contactPhone());
    }

    private static @Nullable String name(OrganizationInput in, List<FieldProblem> problems) {
        String name = trimmed(in.name());
        if (name == null) {
            problems.add(FieldProblem.of("name", "organization.error.required"));
        } else if (name.length() > NAME_MAX) {
            problems.add(FieldProblem.of("name", "organization.error.tooLong", NAME_MAX));
        }
        return name;
    }

    private @Nullable String division(
            OrganizationInput in, @Nullable OrganizationKind kind, long selfId, List<FieldProblem> problems) {
        String code = trimmed(in.divisionCode());
        int required = kind == null
                ? 0
                : switch (kind) {
                    case MUNICIPAL_FEDERATION, DISTRICT_FEDERATION -> 6;
                    case TOWNSHIP_UNION -> 9;
                    default -> 0;
                };
        if (code == null) {
            if (required > 0) {
                problems.add(FieldProblem.of("divisionCode", "organization.error.divisionRequired", required));
            }
            return null;
        }
        if (!code.matches("\\d{6}|\\d{9}|\\d{12}") || (required > 0 && code.length() != required)) {
            problems.add(FieldProblem.of(
                    "divisionCode", "organization.error.divisionCode", code, required == 0 ? "6/9/12" : required));
            return code;
        }
        if (required > 0 && repository.territorialWithCode(code, selfId).isPresent()) {
            problems.add(FieldProblem.of("divisionCode", "organization.error.divisionTaken", code));
        }
        return code;
    }

    private OrganizationRepository.Fields rest(OrganizationInput in, long selfId, List<FieldProblem> problems) {
        String credit = null;
        if (trimmed(in.creditCode()) != null) {
            UnifiedSocialCreditCode.Result result = UnifiedSocialCreditCode.parse(in.creditCode());
            result.problem("creditCode").ifPresent(problems::add);
            if (result.code().isPresent()) {
                credit = result.code().get().value();
                if (repository.creditCodeTaken(credit, selfId)) {
                    problems.add(FieldProblem.of("creditCode", "organization.error.creditTaken", credit));
                }
            }
        }
        LocalDate established = null;
        String date = trimmed(in.establishedOn());
        if (date != null) {
            try {
                established = LocalDate.parse(date);
                if (established.isAfter(time.today())) {
                    problems.add(FieldProblem.of("establishedOn", "organization.error.future", date));
                }
            } catch (DateTimeParseException e) {
                problems.add(FieldProblem.of("establishedOn", "organization.error.date", date));
            }
        }
        String contactName = trimmed(in.contactName());
        if (contactName != null && contactName.length() > CONTACT_NAME_MAX) {
            problems.add(FieldProblem.of("contactName", "organization.error.tooLong", CONTACT_NAME_MAX));
        }
        String phone = null;
        String phoneText = trimmed(in.contactPhone());
        if (phoneText != null) {
            PhoneNumbers.Result result = PhoneNumbers.parseMainland(phoneText);
            if (result.number().isPresent()) {
                phone = result.number().get().e164();
            } else {
                problems.add(FieldProblem.of("contactPhone", "organization.error.phone", phoneText));
            }
        }
        return new OrganizationRepository.Fields(
                "", OrganizationKind.GRASSROOTS_UNION, null, credit, established, contactName, phone);
    }

    /** @return the names of the fields an edit changed, for the audit log (never their values: contacts are personal) */
    private static String changed(Organization before, OrganizationRepository.Fields after) {
        List<String> names = new ArrayList<>();
        if (!before.name().equals(after.name())) {
            names.add("name");
        }
        if (before.kind() != after.kind()) {
            names.add("kind");
        }
        if (!Objects.equals(before.divisionCode(), after.divisionCode())) {
            names.add("divisionCode");
        }
        if (!Objects.equals(before.creditCode(), after.creditCode())) {
            names.add("creditCode");
        }
        if (!Objects.equals(before.establishedOn(), after.establishedOn())) {
            names.add("establishedOn");
        }
        if (!Objects.equals(before.contactName(), after.contactName())) {
            names.add("contactName");
        }
        if (!Objects.equals(before.contactPhone(), after.contactPhone())) {
            names.add("contactPhone");
        }
        return names.isEmpty() ? "fields=none" : "fields=" + String.join(",", names);
    }

    private static @Nullable String trimmed(@Nullable String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
