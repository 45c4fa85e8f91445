package org.nuanxin.station.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.Division;
import org.nuanxin.geo.Divisions;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.kernel.DemoDataSetting;
import org.nuanxin.spreadsheet.ColumnSpec;
import org.nuanxin.spreadsheet.ParsedSheet;
import org.nuanxin.spreadsheet.SheetRow;
import org.nuanxin.spreadsheet.SheetSchema;
import org.nuanxin.spreadsheet.SpreadsheetReader;
import org.nuanxin.station.Amenity;
import org.nuanxin.station.HostType;
import org.nuanxin.station.StationInput;
import org.nuanxin.station.StationsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty embedded database with demonstration data: the 38-station sample roster (real
 * Chongqing places, fictitious contacts), then synthetic stations marked {@code synthetic}, spread
 * over the districts in proportion to their 2020 census population and placed uniformly inside each
 * district's boundary, up to Chongqing's real total of 5,444. Seeded, so every start is the same.
 */
@Component
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final String[] HOURS = {
        "08:00-22:00", "09:00-21:00", "全天24小时", "08:30-18:00", "09:00-17:00", "07:00-21:00", "09:00-12:00,14:00-18:00"
    };
    private static final HostType[] HOSTS = HostType.values();

    private final StationProperties properties;
    private final DataSource dataSource;
    private final StationRepository repository;
    private final StationValidator validator;
    private final StationCodes codes;
    private final Divisions divisions;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** The application's one reader, so its configured limits stay in force (they are process-wide in POI). */
    private final SpreadsheetReader reader;

    private final StationOwnership ownership;

    DemoDataLoader(
            StationProperties properties,
            DataSource dataSource,
            StationRepository repository,
            StationValidator validator,
            StationCodes codes,
            Divisions divisions,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock,
            SpreadsheetReader reader,
            StationOwnership ownership) {
        this.ownership = ownership;
        this.properties = properties;
        this.dataSource = dataSource;
        this.repository = repository;
        this.validator = validator;
        this.codes = codes;
        this.divisions = divisions;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.reader = reader;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled() || repository.countAll() > 0) {
            return;
        }
        // The event is published inside the loading transaction, so the outbox records it with the rows.
        int count = transactions.execute(tx -> {
            int loaded = load();
            events.publishEvent(new StationsChanged(Set.of(), true));
            return loaded;
        });
        log.info("Demo data: {} stations loaded (38 from the sample roster, the rest synthetic)", count);
    }

    private boolean enabled() {
        return DemoDataSetting.enabled(properties.demoData(), dataSource);
    }

    private int load() {
        var now = clock.instant();
        StationCodes.Allocator allocator = codes.allocator();
        StationOwnership.Owner owner = ownership.territorial();
        int count = 0;
        for (StationInput input : sampleRoster(reader)) {
            StationValidator.Result r = validator.validate(input, null, false, owner);
            if (!r.valid()) {
                throw new IllegalStateException("sample roster row " + input.name() + " is invalid: " + r.problems());
            }
            repository.insert(r.record().withCode(allocator.next(r.record().districtCode())), now);
            count++;
        }
        Map<String, Long> population = population(reader);
        long totalPopulation =
                population.values().stream().mapToLong(Long::longValue).sum();
        int synthetic = Math.max(0, properties.demoTargetTotal() - count);
        SplittableRandom random = new SplittableRandom(20240917L);
        List<Map.Entry<String, Long>> entries = new ArrayList<>(population.entrySet());
        int assigned = 0;
        for (int i = 0; i < entries.size(); i++) {
            String district = entries.get(i).getKey();
            int share = i == entries.size() - 1
                    ? synthetic - assigned
                    : (int) Math.round((double) synthetic * entries.get(i).getValue() / totalPopulation);
            assigned += share;
            Division d = divisions.byCode(district).orElseThrow();
            for (int n = 1; n <= share; n++) {
                GeoPoint p = divisions.randomPointIn(district, random);
                StationInput input = syntheticStation(d, n, p, random);
                StationValidator.Result r = validator.validate(input, CoordinateSystem.WGS84, true, owner);
                if (r.valid()) {
                    repository.insert(r.record().withCode(allocator.next(district)), now);
                    count++;
                }
            }
        }
        return count;
    }

    private static StationInput syntheticStation(Division d, int n, GeoPoint p, SplittableRandom random) {
        List<String> amenities =
                new ArrayList<>(List.of(Amenity.WATER.label(), Amenity.CHARGING.label(), Amenity.REST.label()));
        for (Amenity a : new Amenity[] {
            Amenity.TOILET,
            Amenity.MICROWAVE,
            Amenity.AIR_CONDITIONING,
            Amenity.FIRST_AID,
            Amenity.BOOKS,
            Amenity.HEALTH_KIOSK
        }) {
            if (random.nextInt(100) < 35) {
                amenities.add(a.label());
            }
        }
        String phone = "1380000%04d".formatted(random.nextInt(10_000));
        return new StationInput(
                null,
                "%s模拟驿站%04d".formatted(d.name(), n),
                HOSTS[random.nextInt(HOSTS.length - 1)].label(),
                d.code(),
                d.name() + "（模拟地址）",
                Double.toString(p.longitude()),
                Double.toString(p.latitude()),
                "WGS84",
                "模拟联系人",
                phone,
                HOURS[random.nextInt(HOURS.length)],
                String.join(",", amenities),
                "开放");
    }

    /** The sample roster shipped in resources, read exactly as a staff import reads it. */
    static List<StationInput> sampleRoster(SpreadsheetReader reader) {
        return read(reader, "station/station-roster-sample.csv", RosterImportService.SCHEMA).rows().stream()
                .map(RosterImportService::input)
                .toList();
    }

    private static final SheetSchema POPULATION = SheetSchema.of(
            ColumnSpec.required("code", "code"), ColumnSpec.required("population", "resident_population_2020"));

    /**
     * Resident population by district (7th census, 2020). Four districts are missing from the public
     * tables; they share the known remainder (2,646,033) equally.
     */
    static Map<String, Long> population(SpreadsheetReader reader) {
        Map<String, Long> byDistrict = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        long cityTotal = 0;
        for (SheetRow row : read(reader, "station/chongqing-2020-resident-population.csv", POPULATION)
                .rows()) {
            String code = row.value("code").orElseThrow();
            Optional<Long> people = row.value("population").map(Long::parseLong);
            if (code.equals("500000")) {
                cityTotal = people.orElseThrow();
            } else if (people.isEmpty()) {
                unknown.add(code);
            } else {
                byDistrict.put(code, people.get());
            }
        }
        long known = byDistrict.values().stream().mapToLong(Long::longValue).sum();
        for (String code : unknown) {
            byDistrict.put(code, (cityTotal - known) / unknown.size());
        }
        return byDistrict;
    }

    private static ParsedSheet read(SpreadsheetReader reader, String resource, SheetSchema schema) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return reader.read(resource, in, schema, Locale.SIMPLIFIED_CHINESE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
