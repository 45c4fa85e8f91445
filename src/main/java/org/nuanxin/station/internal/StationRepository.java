package org.nuanxin.station.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.kernel.SqlCondition;
import org.nuanxin.station.Amenity;
import org.nuanxin.station.HostType;
import org.nuanxin.station.MapBounds;
import org.nuanxin.station.OpeningHours;
import org.nuanxin.station.Station;
import org.nuanxin.station.StationFilter;
import org.nuanxin.station.StationMapLayer;
import org.nuanxin.station.StationStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code station} and its child table {@code station_amenity} with plain, portable
 * SQL (H2 and PostgreSQL). Stations are read without amenities and completed with one query per
 * 500 stations, or, when streaming, joined and folded per station.
 */
@Repository
class StationRepository {

    private static final String COLUMNS = "id, code, name, host_type, district_code, address, longitude, latitude, "
            + "entered_crs, entered_longitude, entered_latitude, h3_cell, contact_name, contact_phone, opening_hours, "
            + "status, synthetic, organization_id, version, updated_at";
    /** Sortable properties of {@link Station} and their columns; any other sort property is refused. */
    private static final Map<String, String> SORT_COLUMNS =
            Map.of("code", "code", "name", "name", "districtCode", "district_code", "updatedAt", "updated_at");

    private final JdbcClient jdbc;
    /** Roster files repeat a handful of hour texts thousands of times; share one parsed value each. */
    private final Map<String, OpeningHours> hoursCache = new ConcurrentHashMap<>();

    private final RowMapper<Station> mapper = this::map;

    StationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Station> findByCode(String code) {
        return one(jdbc.sql("SELECT " + COLUMNS + " FROM station WHERE code = ?")
                .param(code)
                .query(mapper)
                .list());
    }

    Optional<Station> findByDistrictAndName(String districtCode, String name) {
        return one(jdbc.sql("SELECT " + COLUMNS + " FROM station WHERE district_code = ? AND name = ?")
                .params(districtCode, name)
                .query(mapper)
                .list());
    }

    List<Station> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Station> result = new ArrayList<>(ids.size());
        List<Long> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += 500) {
            List<Long> chunk = all.subList(i, Math.min(all.size(), i + 500));
            result.addAll(jdbc.sql("SELECT " + COLUMNS + " FROM station WHERE id IN (:ids)")
                    .param("ids", chunk)
                    .query(mapper)
                    .list());
        }
        return withAmenities(result);
    }

    /**
     * @throws IllegalArgumentException when the page asks to sort by anything but code, name, districtCode
     *                                  or updatedAt
     */
    Page<Station> search(StationFilter filter, SqlCondition scope, Pageable pageable) {
        Where where = where(filter, null, scope);
        List<String> order = new ArrayList<>();
        for (Sort.Order o : pageable.getSort()) {
            String column = SORT_COLUMNS.get(o.getProperty());
            if (column == null) {
                throw new IllegalArgumentException("cannot sort stations by " + o.getProperty());
            }
            order.add(column + (o.isDescending() ? " DESC" : ""));
        }
        order.add("code"); // a total order, so that pages neither repeat nor skip a station
        List<Station> content = withAmenities(jdbc.sql("SELECT " + COLUMNS + " FROM station s" + where.sql
                        + " ORDER BY " + String.join(", ", order)
                        + " LIMIT " + pageable.getPageSize() + " OFFSET " + pageable.getOffset())
                .params(where.params)
                .query(mapper)
                .list());
        return PageableExecutionUtils.getPage(content, pageable, () -> count(filter, scope));
    }

    /** @return the number of stations that pass the filter and lie in the scope */
    long count(StationFilter filter, SqlCondition scope) {
        Where where = where(filter, null, scope);
        return jdbc.sql("SELECT COUNT(*) FROM station s" + where.sql)
                .params(where.params)
                .query(Long.class)
                .single();
    }

    long countAll() {
        return jdbc.sql("SELECT COUNT(*) FROM station").query(Long.class).single();
    }

    /** Streams in code order; one pass over stations joined with their amenities, folded per station. */
    void forEach(StationFilter filter, SqlCondition scope, Consumer<Station> action) {
        Where where = where(filter, null, scope);
        Station[] pending = new Station[1];
        Set<Amenity> amenities = EnumSet.noneOf(Amenity.class);
        try (var stream = jdbc
                .sql("SELECT " + COLUMNS + ", a.amenity FROM station s"
                        + " LEFT JOIN station_amenity a ON a.station_id = s.id" + where.sql
                        + " ORDER BY s.code, a.amenity")
                .params(where.params)
                .withFetchSize(1000)
                .query((rs, n) -> new Object[] {map(rs, n), rs.getString("amenity")})
                .stream()) {
            stream.forEach(row -> {
                Station s = (Station) row[0];
                if (pending[0] != null && pending[0].id() != s.id()) {
                    action.accept(withAmenities(pending[0], amenities));
                    amenities.clear();
                }
                pending[0] = s;
                if (row[1] != null) {
                    amenities.add(Amenity.valueOf((String) row[1]));
                }
            });
        }
        if (pending[0] != null) {
            action.accept(withAmenities(pending[0], amenities));
        }
    }

    /** How many stations match the filter inside the box. */
    long countIn(StationFilter filter, MapBounds box) {
        Where where = where(filter, box);
        return jdbc.sql("SELECT COUNT(*) FROM station s" + where.sql)
                .params(where.params)
                .query(Long.class)
                .single();
    }

    /** The stations matching the filter inside the box, in code order: what a map draws of each. */
    List<StationMapLayer.Point> pointsIn(StationFilter filter, MapBounds box) {
        Where where = where(filter, box);
        return jdbc.sql("SELECT code, name, status, synthetic, longitude, latitude FROM station s" + where.sql
                        + " ORDER BY code")
                .params(where.params)
                .query((rs, n) -> new StationMapLayer.Point(
                        rs.getString("code"),
                        rs.getString("name"),
                        StationStatus.valueOf(rs.getString("status")),
                        rs.getBoolean("synthetic"),
                        rs.getDouble("longitude"),
                        rs.getDouble("latitude")))
                .list();
    }

    /** Feeds the H3 cell and position of every station matching the filter inside the box to the clusters. */
    void clusterIn(StationFilter filter, MapBounds box, MapClusters clusters) {
        Where where = where(filter, box);
        try (var stream = jdbc
                .sql("SELECT h3_cell, longitude, latitude FROM station s" + where.sql)
                .params(where.params)
                .withFetchSize(1000)
                .query((rs, n) -> {
                    clusters.add(rs.getLong(1), rs.getDouble(2), rs.getDouble(3));
                    return Boolean.TRUE;
                })
                .stream()) {
            stream.forEach(ignored -> {});
        }
    }

    /**
     * @return the highest sequence number used in codes of the form {@code <district>-<n>} up to nine
     *     digits (a longer number typed by hand is skipped when drawn, not counted from)
     */
    long maxSequence(String districtCode) {
        long max = 0;
        for (String code : codesOf(districtCode)) {
            String tail = code.substring(districtCode.length() + 1);
            if (!tail.isEmpty() && tail.chars().allMatch(c -> c >= '0' && c <= '9') && tail.length() <= 9) {
                max = Math.max(max, Long.parseLong(tail));
            }
        }
        return max;
    }

    /** @return every code of the form {@code <district>-…} */
    List<String> codesOf(String districtCode) {
        return jdbc.sql("SELECT code FROM station WHERE code LIKE ?")
                .param(districtCode + "-%")
                .query(String.class)
                .list();
    }

    /** @return the new row's id */
    long insert(StationRecord s, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO station (code, name, host_type, district_code, address, longitude, latitude,
                          entered_crs, entered_longitude, entered_latitude, h3_cell, contact_name, contact_phone,
                          opening_hours, status, organization_id, synthetic, version, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(with(columns(s), s.synthetic(), Timestamp.from(now), Timestamp.from(now)))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        insertAmenities(id, s.amenities());
        return id;
    }

    /** @return true when the row was at {@code expectedVersion} and is now updated */
    boolean update(long id, int expectedVersion, StationRecord s, Instant now) {
        boolean updated = jdbc.sql("""
                        UPDATE station SET code = ?, name = ?, host_type = ?, district_code = ?, address = ?,
                          longitude = ?, latitude = ?, entered_crs = ?, entered_longitude = ?, entered_latitude = ?,
                          h3_cell = ?, contact_name = ?, contact_phone = ?, opening_hours = ?,
                          status = ?, organization_id = ?, version = version + 1, updated_at = ?
                        WHERE id = ? AND version = ?""")
                        .params(with(columns(s), Timestamp.from(now), id, expectedVersion))
                        .update()
                == 1;
        if (updated) {
            jdbc.sql("DELETE FROM station_amenity WHERE station_id = ?")
                    .param(id)
                    .update();
            insertAmenities(id, s.amenities());
        }
        return updated;
    }

    /** The station's columns from {@code code} to {@code organization_id}, in the order of INSERT and UPDATE above. */
    private static List<Object> columns(StationRecord s) {
        return List.of(
                s.code(),
                s.name(),
                s.hostType().name(),
                s.districtCode(),
                s.address(),
                s.location().longitude(),
                s.location().latitude(),
                s.enteredCrs().name(),
                s.enteredLocation().longitude(),
                s.enteredLocation().latitude(),
                s.h3Cell(),
                s.contactName(),
                s.contactPhone(),
                s.openingHours().toString(),
                s.status().name(),
                s.organizationId());
    }

    private static List<Object> with(List<Object> columns, Object... more) {
        List<Object> all = new ArrayList<>(columns);
        all.addAll(List.of(more));
        return all;
    }

    private void insertAmenities(long stationId, Set<Amenity> amenities) {
        if (amenities.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>();
        for (Amenity a : amenities) {
            params.add(stationId);
            params.add(a.name());
        }
        jdbc.sql("INSERT INTO station_amenity (station_id, amenity) VALUES "
                        + String.join(", ", java.util.Collections.nCopies(amenities.size(), "(?, ?)")))
                .params(params)
                .update();
    }

    /** Existing stations by code and by district+name, for matching roster rows. */
    Map<String, Station> allByKey(Collection<String> districtCodes) {
        Map<String, Station> byKey = new HashMap<>();
        if (districtCodes.isEmpty()) {
            return byKey;
        }
        withAmenities(jdbc.sql("SELECT " + COLUMNS + " FROM station WHERE district_code IN (:d)")
                        .param("d", List.copyOf(districtCodes))
                        .query(mapper)
                        .list())
                .forEach(s -> {
                    byKey.put("code:" + s.code(), s);
                    byKey.put("name:" + s.districtCode() + ":" + s.name(), s);
                });
        return byKey;
    }

    Optional<Station> findById(long id) {
        return one(jdbc.sql("SELECT " + COLUMNS + " FROM station WHERE id = ?")
                .param(id)
                .query(mapper)
                .list());
    }

    private Optional<Station> one(List<Station> rows) {
        return rows.isEmpty()
                ? Optional.empty()
                : Optional.of(withAmenities(rows).get(0));
    }

    /** Fills in the amenities of stations read without them, with one query per 500 stations. */
    private List<Station> withAmenities(List<Station> stations) {
        if (stations.isEmpty()) {
            return stations;
        }
        Map<Long, Set<Amenity>> byStation = new HashMap<>();
        List<Long> ids = stations.stream().map(Station::id).toList();
        for (int i = 0; i < ids.size(); i += 500) {
            jdbc.sql("SELECT station_id, amenity FROM station_amenity WHERE station_id IN (:ids)")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
                    .query(rs -> {
                        byStation
                                .computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Amenity.class))
                                .add(Amenity.valueOf(rs.getString(2)));
                    });
        }
        return stations.stream()
                .map(s -> withAmenities(s, byStation.getOrDefault(s.id(), Set.of())))
                .toList();
    }

    private static Station withAmenities(Station s, Set<Amenity> amenities) {
        return new Station(
                s.id(),
                s.code(),
                s.name(),
                s.hostType(),
                s.districtCode(),
                s.address(),
                s.location(),
                s.enteredCrs(),
                s.enteredLocation(),
                s.contactName(),
                s.contactPhone(),
                s.openingHours(),
                amenities,
                s.status(),
                s.synthetic(),
                s.h3Cell(),
                s.organizationId(),
                s.version(),
                s.updatedAt());
    }

    /** Maps the station columns; amenities are filled in by {@link #withAmenities}. */
    private Station map(ResultSet rs, int row) throws SQLException {
        GeoPoint location = new GeoPoint(rs.getDouble("longitude"), rs.getDouble("latitude"));
        CoordinateSystem crs = CoordinateSystem.valueOf(rs.getString("entered_crs"));
        GeoPoint entered = crs == CoordinateSystem.WGS84
                ? location
                : new GeoPoint(rs.getDouble("entered_longitude"), rs.getDouble("entered_latitude"));
        return new Station(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                HostType.valueOf(rs.getString("host_type")),
                rs.getString("district_code"),
                rs.getString("address"),
                location,
                crs,
                entered,
                rs.getString("contact_name"),
                rs.getString("contact_phone"),
                hoursCache.computeIfAbsent(rs.getString("opening_hours"), OpeningHours::parse),
                Set.of(),
                StationStatus.valueOf(rs.getString("status")),
                rs.getBoolean("synthetic"),
                rs.getLong("h3_cell"),
                rs.getLong("organization_id"),
                rs.getInt("version"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private record Where(String sql, List<Object> params) {}

    private static Where where(StationFilter f, @Nullable MapBounds box) {
        return where(f, box, SqlCondition.ALWAYS);
    }

    /** The WHERE clause of a filter, a map box and a data scope (a condition on {@code s.organization_id}). */
    private static Where where(StationFilter f, @Nullable MapBounds box, SqlCondition scope) {
        List<String> clauses = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (scope != SqlCondition.ALWAYS) {
            clauses.add(scope.sql());
            params.addAll(scope.parameters());
        }
        if (box != null) {
            clauses.add("longitude BETWEEN ? AND ? AND latitude BETWEEN ? AND ?");
            params.addAll(List.of(box.west(), box.east(), box.south(), box.north()));
        }
        if (f.districtCode() != null) {
            clauses.add("district_code = ?");
            params.add(f.districtCode());
        }
        for (Amenity a : f.amenities()) {
            // Served by the (amenity, station_id) index of station_amenity.
            clauses.add("EXISTS (SELECT 1 FROM station_amenity f WHERE f.station_id = s.id AND f.amenity = ?)");
            params.add(a.name());
        }
        if (f.status() != null) {
            clauses.add("status = ?");
            params.add(f.status().name());
        }
        if (f.synthetic() != null) {
            clauses.add("synthetic = ?");
            params.add(f.synthetic());
        }
        if (f.text() != null && !f.text().isBlank()) {
            String like = "%"
                    + f.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            clauses.add("(name LIKE ? ESCAPE '\\' OR address LIKE ? ESCAPE '\\' OR code LIKE ? ESCAPE '\\')");
            params.add(like);
            params.add(like);
            params.add(like);
        }
        return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params);
    }
}
