package org.nuanxin.station.internal;

import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.station.Amenity;
import org.nuanxin.station.HostType;
import org.nuanxin.station.OpeningHours;
import org.nuanxin.station.Station;
import org.nuanxin.station.StationCatalog;
import org.nuanxin.station.StationFilter;
import org.nuanxin.station.StationStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

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
import java.util.stream.Collectors;

/** Reads and writes the {@code station} table with plain, portable SQL (H2 and PostgreSQL). */
@Repository
class StationRepository {

    private static final String COLUMNS = "id, code, name, host_type, district_code, address, longitude, latitude, "
            + "entered_crs, entered_longitude, entered_latitude, h3_cell, contact_name, contact_phone, opening_hours, "
            + "amenities, status, synthetic, version, updated_at";

    private final JdbcClient jdbc;
    /** Roster files repeat a handful of hour texts thousands of times; share one parsed value each. */
    private final Map<String, OpeningHours> hoursCache = new ConcurrentHashMap<>();
    private final RowMapper<Station> mapper = this::map;

    StationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Station> findByCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM station WHERE code = ?").param(code).query(mapper).optional();
    }

    Optional<Station> findByDistrictAndName(String districtCode, String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM station WHERE district_code = ? AND name = ?")
                .params(districtCode, name).query(mapper).optional();
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
                    .param("ids", chunk).query(mapper).list());
        }
        return result;
    }

    List<Station> search(StationFilter filter, StationCatalog.Sort sort, int page, int size) {
        Where where = where(filter);
        String order = switch (sort) {
            case CODE -> "code";
            case NAME -> "name, code";
            case DISTRICT -> "district_code, code";
            case UPDATED -> "updated_at DESC, code";
        };
        return jdbc.sql("SELECT " + COLUMNS + " FROM station" + where.sql + " ORDER BY " + order
                        + " LIMIT " + size + " OFFSET " + ((long) page * size))
                .params(where.params).query(mapper).list();
    }

    long count(StationFilter filter) {
        Where where = where(filter);
        return jdbc.sql("SELECT COUNT(*) FROM station" + where.sql).params(where.params).query(Long.class).single();
    }

    long countAll() {
        return jdbc.sql("SELECT COUNT(*) FROM station").query(Long.class).single();
    }

    void forEach(StationFilter filter, Consumer<Station> action) {
        Where where = where(filter);
        try (var stream = jdbc.sql("SELECT " + COLUMNS + " FROM station" + where.sql + " ORDER BY code")
                .params(where.params).withFetchSize(1000).query(mapper).stream()) {
            stream.forEach(action);
        }
    }

    /** @return the highest sequence number used in codes of the form {@code <district>-<n>} */
    int maxSequence(String districtCode) {
        List<String> codes = jdbc.sql("SELECT code FROM station WHERE code LIKE ?")
                .param(districtCode + "-%").query(String.class).list();
        int max = 0;
        for (String code : codes) {
            String tail = code.substring(districtCode.length() + 1);
            if (!tail.isEmpty() && tail.chars().allMatch(Character::isDigit) && tail.length() < 9) {
                max = Math.max(max, Integer.parseInt(tail));
            }
        }
        return max;
    }

    /** @return the new row's id */
    long insert(StationRecord s, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO station (code, name, host_type, district_code, address, longitude, latitude,
                          entered_crs, entered_longitude, entered_latitude, h3_cell, contact_name, contact_phone,
                          opening_hours, amenities, status, synthetic, version, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(s.code(), s.name(), s.hostType().name(), s.districtCode(), s.address(),
                        s.location().longitude(), s.location().latitude(), s.enteredCrs().name(),
                        s.enteredLocation().longitude(), s.enteredLocation().latitude(), s.h3Cell(),
                        s.contactName(), s.contactPhone(), s.openingHours().toString(), amenitiesColumn(s.amenities()),
                        s.status().name(), s.synthetic(), Timestamp.from(now), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** @return true when the row was at {@code expectedVersion} and is now updated */
    boolean update(long id, int expectedVersion, StationRecord s, Instant now) {
        return jdbc.sql("""
                        UPDATE station SET code = ?, name = ?, host_type = ?, district_code = ?, address = ?,
                          longitude = ?, latitude = ?, entered_crs = ?, entered_longitude = ?, entered_latitude = ?,
                          h3_cell = ?, contact_name = ?, contact_phone = ?, opening_hours = ?, amenities = ?,
                          status = ?, version = version + 1, updated_at = ?
                        WHERE id = ? AND version = ?""")
                .params(s.code(), s.name(), s.hostType().name(), s.districtCode(), s.address(),
                        s.location().longitude(), s.location().latitude(), s.enteredCrs().name(),
                        s.enteredLocation().longitude(), s.enteredLocation().latitude(), s.h3Cell(),
                        s.contactName(), s.contactPhone(), s.openingHours().toString(), amenitiesColumn(s.amenities()),
                        s.status().name(), Timestamp.from(now), id, expectedVersion)
                .update() == 1;
    }

    /** Existing stations by code and by district+name, for matching roster rows. */
    Map<String, Station> allByKey(Collection<String> districtCodes) {
        Map<String, Station> byKey = new HashMap<>();
        if (districtCodes.isEmpty()) {
            return byKey;
        }
        jdbc.sql("SELECT " + COLUMNS + " FROM station WHERE district_code IN (:d)").param("d", List.copyOf(districtCodes))
                .query(mapper).list().forEach(s -> {
                    byKey.put("code:" + s.code(), s);
                    byKey.put("name:" + s.districtCode() + ":" + s.name(), s);
                });
        return byKey;
    }

    Optional<Station> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM station WHERE id = ?").param(id).query(mapper).optional();
    }

    static String amenitiesColumn(Set<Amenity> amenities) {
        return amenities.stream().sorted().map(Enum::name).collect(Collectors.joining(",", ",", ","));
    }

    private Station map(ResultSet rs, int row) throws SQLException {
        Set<Amenity> amenities = EnumSet.noneOf(Amenity.class);
        for (String a : rs.getString("amenities").split(",")) {
            if (!a.isEmpty()) {
                amenities.add(Amenity.valueOf(a));
            }
        }
        GeoPoint location = new GeoPoint(rs.getDouble("longitude"), rs.getDouble("latitude"));
        CoordinateSystem crs = CoordinateSystem.valueOf(rs.getString("entered_crs"));
        GeoPoint entered = crs == CoordinateSystem.WGS84 ? location
                : new GeoPoint(rs.getDouble("entered_longitude"), rs.getDouble("entered_latitude"));
        return new Station(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                HostType.valueOf(rs.getString("host_type")), rs.getString("district_code"), rs.getString("address"),
                location, crs, entered, rs.getString("contact_name"), rs.getString("contact_phone"),
                hoursCache.computeIfAbsent(rs.getString("opening_hours"), OpeningHours::parse), amenities,
                StationStatus.valueOf(rs.getString("status")), rs.getBoolean("synthetic"), rs.getLong("h3_cell"),
                rs.getInt("version"), rs.getTimestamp("updated_at").toInstant());
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(StationFilter f) {
        List<String> clauses = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (f.districtCode() != null) {
            clauses.add("district_code = ?");
            params.add(f.districtCode());
        }
        if (f.amenity() != null) {
            clauses.add("amenities LIKE ?");
            params.add("%," + f.amenity().name() + ",%");
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
            String like = "%" + f.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            clauses.add("(name LIKE ? ESCAPE '\\' OR address LIKE ? ESCAPE '\\' OR code LIKE ? ESCAPE '\\')");
            params.add(like);
            params.add(like);
            params.add(like);
        }
        return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params);
    }
}
