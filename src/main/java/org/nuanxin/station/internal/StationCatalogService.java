package org.nuanxin.station.internal;

import org.nuanxin.audit.AuditLog;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.station.Station;
import org.nuanxin.station.StationCatalog;
import org.nuanxin.station.StationChangedConcurrentlyException;
import org.nuanxin.station.StationFilter;
import org.nuanxin.station.StationInput;
import org.nuanxin.station.StationPage;
import org.nuanxin.station.StationPermissions;
import org.nuanxin.station.StationsChanged;
import org.nuanxin.web.InvalidInputException;
import org.nuanxin.web.InvalidInputException.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

@Service
class StationCatalogService implements StationCatalog {

    private final StationRepository repository;
    private final StationValidator validator;
    private final StationCodes codes;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;
    private final StationPermissions permissions;
    private final AuditLog audit;

    StationCatalogService(StationRepository repository, StationValidator validator, StationCodes codes,
                          ApplicationEventPublisher events, MessageSource messages, Clock clock,
                          StationPermissions permissions, AuditLog audit) {
        this.repository = repository;
        this.validator = validator;
        this.codes = codes;
        this.events = events;
        this.messages = messages;
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
    public StationPage search(StationFilter filter, Sort sort, int page, int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new IllegalArgumentException("page must be >= 0 and size 1..500");
        }
        return new StationPage(repository.search(filter, sort, page, size), repository.count(filter), page, size);
    }

    @Override
    @Transactional(readOnly = true)
    public void forEach(StationFilter filter, Consumer<Station> action) {
        repository.forEach(filter, action);
    }

    @Override
    @Transactional(readOnly = true)
    public long count(StationFilter filter) {
        return repository.count(filter);
    }

    @Override
    public List<FieldProblem> check(StationInput input, CoordinateSystem defaultCrs, Locale locale) {
        return validator.validate(input, defaultCrs, false, locale).problems();
    }

    @Override
    @Transactional
    public Station create(StationInput input, Locale locale) {
        permissions.check(StationPermissions.Action.CREATE);
        StationRecord record = valid(input, locale);
        if (record.code() != null && repository.findByCode(record.code()).isPresent()) {
            throw new InvalidInputException("code", message("station.error.codeTaken", locale, record.code()));
        }
        if (repository.findByDistrictAndName(record.districtCode(), record.name()).isPresent()) {
            throw new InvalidInputException("name", message("station.error.nameTaken", locale, record.name()));
        }
        if (record.code() == null) {
            record = record.withCode(codes.next(record.districtCode()));
        }
        long id;
        try {
            id = repository.insert(record, clock.instant());
        } catch (DuplicateKeyException e) {
            // A double-submitted form, or two staff adding the same station at once: the constraint decides.
            throw new InvalidInputException("name", message("station.error.nameTaken", locale, record.name()));
        }
        events.publishEvent(new StationsChanged(Set.of(id), false));
        audit.record("station.create", "station", record.code(), null);
        return repository.findById(id).orElseThrow();
    }

    @Override
    @Transactional
    public Station update(String code, int expectedVersion, StationInput input, Locale locale) {
        Station existing = repository.findByCode(code).orElseThrow(() -> new NoSuchElementException(code));
        permissions.check(StationPermissions.Action.UPDATE, existing);
        StationRecord record = valid(input, locale);
        if (record.code() == null) {
            record = record.withCode(existing.code());
        } else if (!record.code().equals(existing.code()) && repository.findByCode(record.code()).isPresent()) {
            throw new InvalidInputException("code", message("station.error.codeTaken", locale, record.code()));
        }
        Optional<Station> sameName = repository.findByDistrictAndName(record.districtCode(), record.name());
        if (sameName.isPresent() && sameName.get().id() != existing.id()) {
            throw new InvalidInputException("name", message("station.error.nameTaken", locale, record.name()));
        }
        if (!repository.update(existing.id(), expectedVersion, record, clock.instant())) {
            throw new StationChangedConcurrentlyException(code);
        }
        events.publishEvent(new StationsChanged(Set.of(existing.id()), false));
        audit.record("station.update", "station", record.code(), null,
                record.code().equals(existing.code()) ? null : "code was " + existing.code());
        return repository.findById(existing.id()).orElseThrow();
    }

    private StationRecord valid(StationInput input, Locale locale) {
        StationValidator.Result result = validator.validate(input, null, false, locale);
        if (!result.valid()) {
            throw new InvalidInputException(result.problems());
        }
        return result.record();
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
