package org.nuanxin.station.internal;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.geo.TravelMode;
import org.nuanxin.geo.TravelTimeEstimator;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.kernel.SqlCondition;
import org.nuanxin.station.Amenity;
import org.nuanxin.station.NearbyStation;
import org.nuanxin.station.Station;
import org.nuanxin.station.StationFilter;
import org.nuanxin.station.StationFinder;
import org.nuanxin.station.StationSummary;
import org.nuanxin.station.StationsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * The finder, served from an immutable {@link StationIndex} snapshot held in a volatile field, so that
 * queries never take a lock, never wait for writers and never see half an import.
 *
 * <p>It follows committed changes through the outbox: {@link StationsChanged} is an
 * {@link ApplicationModuleListener}, run after the publishing transaction commits, on a task-executor
 * thread (never the request thread), in its own read-only transaction; a publication whose listener did
 * not complete (failure, or the process stopped first) stays in {@code event_publication} and is delivered
 * again at the next start. A change of a few stations re-reads only those rows and adds them to the
 * snapshot's overlay ({@link StationIndex#apply}); a bulk change ({@code all}) reloads everything.
 */
@Service
class IndexedStationFinder implements StationFinder {

    private static final Logger log = LoggerFactory.getLogger(IndexedStationFinder.class);

    private final StationRepository repository;
    private final TravelTimeEstimator travel;
    /** "Open now" reads the city's wall clock: opening hours are local times ({@code nuanxin.time-zone}). */
    private final CityTime time;

    private final StationProperties properties;
    private volatile StationIndex index;

    IndexedStationFinder(
            StationRepository repository, TravelTimeEstimator travel, CityTime time, StationProperties properties) {
        this.repository = repository;
        this.travel = travel;
        this.time = time;
        this.properties = properties;
    }

    @Override
    public List<NearbyStation> nearest(GeoPoint wgs84, Set<Amenity> amenities, boolean openNow, int limit) {
        if (limit < 1 || limit > properties.finder().maxLimit()) {
            throw new IllegalArgumentException(
                    "limit must be from 1 to " + properties.finder().maxLimit());
        }
        LocalTime now = time.localTime();
        StationIndex.Criteria criteria = new StationIndex.Criteria(StationIndex.bits(amenities), openNow ? now : null);
        return snapshot().nearest(wgs84.longitude(), wgs84.latitude(), criteria, limit).stream()
                .map(h -> new NearbyStation(
                        h.station(),
                        h.distanceMetres(),
                        travel.minutes(h.distanceMetres(), TravelMode.WALKING),
                        travel.minutes(h.distanceMetres(), TravelMode.E_BIKE),
                        h.station().openingHours().isOpenAt(now)))
                .toList();
    }

    @Override
    public int indexedCount() {
        return snapshot().size();
    }

    @Override
    public int defaultLimit() {
        return properties.finder().defaultLimit();
    }

    @Override
    public int maxLimit() {
        return properties.finder().maxLimit();
    }

    StationIndex snapshot() {
        StationIndex current = index;
        if (current == null) {
            synchronized (this) {
                if (index == null) {
                    reloadAll();
                }
                current = index;
            }
        }
        return current;
    }

    /** Loads the index before the first query, unless the demo data loader's change event already did. */
    @EventListener(ApplicationReadyEvent.class)
    synchronized void onReady() {
        if (index == null) {
            reloadAll();
        }
    }

    synchronized void reloadAll() {
        List<StationSummary> all = new ArrayList<>();
        repository.forEach(StationFilter.ALL, SqlCondition.ALWAYS, s -> all.add(s.summary()));
        index = StationIndex.of(all);
        log.info("Station index loaded: {} stations", all.size());
    }

    /**
     * Applies a committed change: re-reads the changed stations only, or everything after a bulk change.
     * Reading and swapping happen under one lock, and a listener runs only after its change committed, so
     * whichever of two listeners for one station runs last reads (and keeps) the newest row. Repeats are
     * harmless: the rows are read again.
     */
    @ApplicationModuleListener(readOnlyTransaction = true)
    public void on(StationsChanged event) {
        apply(event);
    }

    synchronized void apply(StationsChanged event) {
        if (index == null || event.all()) {
            reloadAll();
            return;
        }
        List<StationSummary> changed = new ArrayList<>(event.stationIds().size());
        Set<Long> gone = new HashSet<>(event.stationIds());
        for (Station s : repository.findByIds(event.stationIds())) {
            changed.add(s.summary());
            gone.remove(s.id());
        }
        index = index.apply(changed, gone, properties.finder().overlayLimit());
    }
}
