package org.nuanxin.station.internal;

import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.nuanxin.audit.AuditLog;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.identity.CurrentUser;
import org.nuanxin.identity.DataScope;
import org.nuanxin.identity.DataScopes;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.kernel.SqlCondition;
import org.nuanxin.station.Station;
import org.nuanxin.station.StationCatalog;
import org.nuanxin.station.StationChangedConcurrentlyException;
import org.nuanxin.station.StationFilter;
import org.nuanxin.station.StationInput;
import org.nuanxin.station.StationPermissions;
import org.nuanxin.station.StationsChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class StationCatalogService implements StationCatalog {

    private final StationRepository repository;
    private final StationValidator validator;
    private final StationCodes codes;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final StationPermissions permissions;
    private final AuditLog audit;
    private final DataScopes scopes;
    private final StationOwnership ownership;

    StationCatalogService(
            StationRepository repository,
            StationValidator validator,
            StationCodes codes,
            ApplicationEventPublisher events,
            Clock clock,
            StationPermissions permissions,
            AuditLog audit,
            DataScopes scopes,
            StationOwnership ownership) {
        this.scopes = scopes;
        this.ownership = ownership;
        this.repository = repository;
        this.validator = validator;
        this.codes = codes;
        this.events = events;
        this.clock = clock;
        this.permissions = permissions;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Station> findByCode(String code) {
        return repository.findByCode(code);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Station> findInScope(String code) {
        permissions.check(StationPermissions.Action.VIEW);
        DataScope scope = scopes.current();
        return repository.findByCode(code).filter(s -> scope.includes(s.organizationId()));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Station> search(StationFilter filter, Pageable pageable) {
        if (pageable.getPageSize() > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be at most " + MAX_PAGE_SIZE);
        }
        return repository.search(filter, viewable(), pageable);
    }

    @Override
    @Transactional(readOnly = true)
    public void forEach(StationFilter filter, Consumer<Station> action) {
        repository.forEach(filter, viewable(), action);
    }

    @Override
    @Transactional(readOnly = true)
    public long count(StationFilter filter) {
        return repository.count(filter, viewable());
    }

    /** The current user's data scope as a condition on the station's owner, after the VIEW check. */
    private SqlCondition viewable() {
        permissions.check(StationPermissions.Action.VIEW);
        return scopes.current().on("s.organization_id");
    }

    @Override
    public List<FieldProblem> check(StationInput input, CoordinateSystem defaultCrs) {
        return validator.validate(input, defaultCrs, false, owner()).problems();
    }

    /** Who owns a station the current user keeps; with nobody signed in (a tool's check), the territorial owner. */
    private StationOwnership.Owner owner() {
        return scopes.of(CurrentUser.get()).map(ownership::within).orElseGet(ownership::territorial);
    }

    @Override
    @Transactional
    public Station create(StationInput input) {
        permissions.check(StationPermissions.Action.CREATE);
        StationRecord record = valid(input);
        if (record.code() != null && repository.findByCode(record.code()).isPresent()) {
            throw new InvalidInputException("code", "station.error.codeTaken", record.code());
        }
        if (repository
                .findByDistrictAndName(record.districtCode(), record.name())
                .isPresent()) {
            throw new InvalidInputException("name", "station.error.nameTaken", record.name());
        }
        if (record.code() == null) {
            record = record.withCode(codes.next(record.districtCode()));
        }
        long id;
        try {
            id = repository.insert(record, clock.instant());
        } catch (DuplicateKeyException e) {
            // A double-submitted form, or two staff adding the same station at once: the constraint decides,
            // and the constraint named says which field clashed.
            if (String.valueOf(e.getMessage())
                    .toLowerCase(java.util.Locale.ROOT)
                    .contains("uq_station_code")) {
                throw new InvalidInputException("code", "station.error.codeTaken", record.code());
            }
            throw new InvalidInputException("name", "station.error.nameTaken", record.name());
        }
        events.publishEvent(new StationsChanged(Set.of(id), false));
        audit.record("station.create", "station", record.code(), null);
        return repository.findById(id).orElseThrow();
    }

    @Override
    @Transactional
    public Station update(String code, int expectedVersion, StationInput input) {
        Station existing = findInScope(code).orElseThrow(() -> new NoSuchElementException(code));
        permissions.check(StationPermissions.Action.UPDATE, existing);
        StationRecord record = valid(input);
        if (record.districtCode().equals(existing.districtCode())) {
            record = record.withOrganization(existing.organizationId()); // a move to another owner is not an edit
        }
        if (record.code() == null) {
            record = record.withCode(existing.code());
        } else if (!record.code().equals(existing.code())
                && repository.findByCode(record.code()).isPresent()) {
            throw new InvalidInputException("code", "station.error.codeTaken", record.code());
        }
        Optional<Station> sameName = repository.findByDistrictAndName(record.districtCode(), record.name());
        if (sameName.isPresent() && sameName.get().id() != existing.id()) {
            throw new InvalidInputException("name", "station.error.nameTaken", record.name());
        }
        if (!repository.update(existing.id(), expectedVersion, record, clock.instant())) {
            throw new StationChangedConcurrentlyException(code);
        }
        events.publishEvent(new StationsChanged(Set.of(existing.id()), false));
        audit.record(
                "station.update",
                "station",
                record.code(),
                null,
                record.code().equals(existing.code()) ? null : "code was " + existing.code());
        return repository.findById(existing.id()).orElseThrow();
    }

    private StationRecord valid(StationInput input) {
        StationValidator.Result result = validator.validate(input, null, false, owner());
        if (!result.valid()) {
            throw new InvalidInputException(result.problems());
        }
        return result.record();
    }
}
