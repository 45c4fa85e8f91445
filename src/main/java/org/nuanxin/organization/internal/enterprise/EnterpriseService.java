package org.nuanxin.organization.internal.enterprise;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.nuanxin.audit.AuditLog;
import org.nuanxin.identity.DataScope;
import org.nuanxin.identity.DataScopes;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.organization.EnterprisePermissions;
import org.nuanxin.organization.EnterprisePermissions.Action;
import org.nuanxin.organization.EnterpriseUnionEstablished;
import org.nuanxin.organization.Organization;
import org.nuanxin.organization.Organizations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enterprise registry's use cases, each asking {@link EnterprisePermissions} and acting within the
 * current user's {@link DataScope}: an enterprise outside the scope is "not found". Changes are audited
 * in their transaction; establishing a union creates the enterprise union in the tree and publishes
 * {@link EnterpriseUnionEstablished} through the outbox in the same transaction.
 */
@Service
class EnterpriseService {

    private final EnterpriseRepository repository;
    private final EnterpriseValidator validator;
    private final EnterpriseUnionNodes unions;
    private final Organizations organizations;
    private final DataScopes scopes;
    private final EnterprisePermissions permissions;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final CityTime time;

    EnterpriseService(
            EnterpriseRepository repository,
            EnterpriseValidator validator,
            EnterpriseUnionNodes unions,
            Organizations organizations,
            DataScopes scopes,
            EnterprisePermissions permissions,
            AuditLog audit,
            ApplicationEventPublisher events,
            CityTime time) {
        this.repository = repository;
        this.validator = validator;
        this.unions = unions;
        this.organizations = organizations;
        this.scopes = scopes;
        this.permissions = permissions;
        this.audit = audit;
        this.events = events;
        this.time = time;
    }

    /** One page of the registry in the user's scope. */
    @Transactional(readOnly = true)
    public Page<Enterprise> search(EnterpriseFilter filter, Pageable pageable) {
        permissions.check(Action.VIEW);
        return repository.search(scopes.current(), filter, pageable);
    }

    /**
     * Streams the registry in the user's scope for an export, and audits the disclosure (its filter and
     * row count) in the same transaction.
     *
     * @return the number of rows
     */
    @Transactional // not read-only: the audit entry is written in it
    public int export(EnterpriseFilter filter, String describedFilter, Consumer<Enterprise> action) {
        permissions.check(Action.EXPORT);
        int[] rows = {0};
        repository.forEach(scopes.current(), filter, e -> {
            rows[0]++;
            action.accept(e);
        });
        audit.record("enterprise.export", "enterprise", null, null, describedFilter + " rows=" + rows[0]);
        return rows[0];
    }

    /** @return the enterprise when it exists and lies in the user's scope */
    @Transactional(readOnly = true)
    public Optional<Enterprise> find(long id) {
        permissions.check(Action.VIEW);
        return repository.find(scopes.current(), id);
    }

    /** @return where the enterprise union of an enterprise owned by {@code ownerId} may be created */
    @Transactional(readOnly = true)
    public List<EnterpriseUnionNodes.Parent> unionParents(long ownerId) {
        return unions.parents(ownerId, scopes.current());
    }

    /** @return the organisations of the tree this user may choose as owner (their scope's root), for the form */
    public long defaultOwner() {
        return scopes.current().rootId();
    }

    /**
     * @throws InvalidInputException naming each wrong field (also a duplicate credit code, a district outside
     *     the user's scope, an enterprise union or parent that is not usable)
     */
    @Transactional
    public Enterprise create(EnterpriseInput input) {
        permissions.check(Action.CREATE);
        DataScope scope = scopes.current();
        List<FieldProblem> problems = new ArrayList<>();
        EnterpriseValues values = validator.validate(input, problems);
        Long owner = null;
        if (values != null) {
            repository
                    .findByCreditCode(values.creditCode())
                    .ifPresent(e -> problems.add(
                            FieldProblem.of("creditCode", "enterprise.error.duplicate", values.creditCode())));
            owner = ownerFor(scope, values.districtCode(), problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        permissions.check(Action.CREATE, owner);
        Long union = establishIfNeeded(scope, values, input, null, owner);
        long id;
        try {
            id = repository.insert(values, owner, union, false, time.now());
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("creditCode", "enterprise.error.duplicate", values.creditCode());
        }
        audit.record("enterprise.create", "enterprise", Long.toString(id), null);
        announce(id, values, union, owner);
        return repository.find(scope, id).orElseThrow();
    }

    /**
     * @throws InvalidInputException naming each wrong field
     * @throws EnterpriseChangedConcurrentlyException when {@code version} is no longer the stored one
     * @throws java.util.NoSuchElementException when the enterprise is not in the user's scope
     */
    @Transactional
    public Enterprise update(long id, int version, EnterpriseInput input) {
        permissions.check(Action.UPDATE);
        DataScope scope = scopes.current();
        Enterprise existing = repository.find(scope, id).orElseThrow();
        permissions.check(Action.UPDATE, existing.organizationId());
        List<FieldProblem> problems = new ArrayList<>();
        EnterpriseValues values = validator.validate(input, problems);
        long owner = existing.organizationId();
        if (values != null) {
            repository
                    .findByCreditCode(values.creditCode())
                    .filter(other -> other.id() != id)
                    .ifPresent(other -> problems.add(
                            FieldProblem.of("creditCode", "enterprise.error.duplicate", values.creditCode())));
            if (!values.districtCode().equals(existing.districtCode())) {
                Long moved = ownerFor(scope, values.districtCode(), problems);
                owner = moved == null ? owner : moved;
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Long union = establishIfNeeded(scope, values, input, existing, owner);
        boolean updated;
        try {
            updated = repository.update(id, version, values, union, owner, time.now());
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("creditCode", "enterprise.error.duplicate", values.creditCode());
        }
        if (!updated) {
            throw new EnterpriseChangedConcurrentlyException(id);
        }
        audit.record("enterprise.update", "enterprise", Long.toString(id), null);
        if (existing.unionOrganizationId() == null) {
            announce(id, values, union, owner);
        }
        return repository.find(scope, id).orElseThrow();
    }

    /**
     * The organisation that owns an enterprise of {@code districtCode} entered by a user of {@code scope}:
     * the district's federation when it lies in the scope, else the scope's own root when that lies inside
     * the district (a township union registering an enterprise of its district). Otherwise a problem of
     * the field {@code district}.
     */
    @Nullable
    Long ownerFor(DataScope scope, String districtCode, List<FieldProblem> problems) {
        Optional<Organization> federation = organizations.territorial(districtCode);
        if (federation.isPresent()) {
            long id = federation.get().id();
            if (scope.includes(id)) {
                return id;
            }
            if (scopes.tree().contains(id, scope.rootId())) {
                return scope.rootId();
            }
        }
        problems.add(FieldProblem.of("district", "enterprise.error.districtOutOfScope", districtCode));
        return null;
    }

    /**
     * The enterprise union to store: kept when already established, null when not established, else the
     * linked existing union or a new one created under the chosen parent (default: the owner).
     */
    @Nullable
    Long establishIfNeeded(
            DataScope scope,
            EnterpriseValues values,
            EnterpriseInput input,
            @Nullable Enterprise existing,
            long owner) {
        if (values.unionStatus() != UnionStatus.ESTABLISHED) {
            return null;
        }
        if (existing != null && existing.unionOrganizationId() != null) {
            return existing.unionOrganizationId();
        }
        String linked = input.unionOrganization() == null
                ? ""
                : input.unionOrganization().strip();
        if (!linked.isEmpty()) {
            Long id = parseId(linked);
            if (id == null || !unions.isActiveEnterpriseUnion(id) || !scope.includes(id)) {
                throw new InvalidInputException("unionOrganization", "enterprise.error.unionOrganization", linked);
            }
            audit.record(
                    "enterprise.establish",
                    "enterprise",
                    existing == null ? null : Long.toString(existing.id()),
                    null,
                    "linked=" + id);
            return id;
        }
        String parentText =
                input.unionParent() == null ? "" : input.unionParent().strip();
        long parent = owner;
        if (!parentText.isEmpty()) {
            Long id = parseId(parentText);
            if (id == null || !unions.isActiveParent(id) || !scope.includes(id)) {
                throw new InvalidInputException("unionParent", "enterprise.error.unionParent", parentText);
            }
            parent = id;
        }
        long created = unions.create(values.name(), parent, values.unionEstablishedOn(), time.now());
        audit.record(
                "enterprise.establish",
                "enterprise",
                existing == null ? null : Long.toString(existing.id()),
                null,
                "union=" + created + " parent=" + parent);
        return created;
    }

    /** Publishes the establishment inside the transaction (the outbox stores it with the change). */
    void announce(long id, EnterpriseValues values, @Nullable Long union, long owner) {
        if (union != null && values.unionEstablishedOn() != null) {
            events.publishEvent(
                    new EnterpriseUnionEstablished(id, values.creditCode(), union, owner, values.unionEstablishedOn()));
        }
    }

    private static @Nullable Long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
