package org.nuanxin.grid.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.nuanxin.audit.AuditLog;
import org.nuanxin.geo.Distances;
import org.nuanxin.geo.Division;
import org.nuanxin.geo.Divisions;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.grid.GridPermissions;
import org.nuanxin.grid.GridPermissions.Action;
import org.nuanxin.identity.DataScope;
import org.nuanxin.identity.DataScopes;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.kernel.SqlCondition;
import org.nuanxin.organization.Organization;
import org.nuanxin.organization.Organizations;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link BlockService} over {@code grid_block}, and {@link Placements} over an in-memory {@link BlockAreas} index of the
 * active blocks. The index is rebuilt after a block change commits, and every minute (so that every node of a
 * cluster sees another node's change within a minute).
 */
@Component
class BlockDirectory implements BlockService, Placements {

    private static final String COLUMNS = "id, name, district_code, township_code, communities, organization_id,"
            + " area_wkt, responsible_staff, block_status, updated_at, version";

    private final JdbcClient jdbc;
    private final Divisions divisions;
    private final Organizations organizations;
    private final GridPermissions permissions;
    private final DataScopes scopes;
    private final AuditLog audit;
    private final CityTime time;
    private final AtomicReference<@Nullable PointPlacer> placer = new AtomicReference<>();

    BlockDirectory(
            JdbcClient jdbc,
            Divisions divisions,
            Organizations organizations,
            GridPermissions permissions,
            DataScopes scopes,
            AuditLog audit,
            CityTime time) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.organizations = organizations;
        this.permissions = permissions;
        this.scopes = scopes;
        this.audit = audit;
        this.time = time;
    }

    // ---- Placements

    @Override
    public Placement place(GeoPoint wgs84) {
        PointPlacer current = placer.get();
        if (current == null) {
            refresh();
            current = placer.get();
        }
        return current.place(wgs84);
    }

    /** Rebuilds the index of active block areas, and the district federations, from the database. */
    @Scheduled(initialDelay = 0, fixedDelayString = "PT1M")
    synchronized void refresh() {
        List<BlockAreas.Entry> entries = new ArrayList<>();
        WKTReader reader = new WKTReader(BlockAreas.GEOMETRY);
        jdbc.sql("SELECT id, organization_id, area_wkt, updated_at FROM grid_block WHERE block_status = 'ACTIVE'")
                .query(rs -> {
                    try {
                        entries.add(BlockAreas.entry(
                                rs.getLong("id"),
                                rs.getLong("organization_id"),
                                rs.getObject("updated_at", java.time.OffsetDateTime.class)
                                        .toInstant()
                                        .toEpochMilli(),
                                reader.read(rs.getString("area_wkt"))));
                    } catch (ParseException e) {
                        throw new IllegalStateException(
                                "grid_block " + rs.getLong("id") + " has an unreadable area", e);
                    }
                });
        Map<String, Long> unions = new HashMap<>();
        for (Division d : divisions.districts()) {
            organizations.territorial(d.code()).ifPresent(o -> unions.put(d.code(), o.id()));
        }
        placer.set(new PointPlacer(
                divisions, new BlockAreas(entries), unions, scopes.tree().rootId()));
    }

    private void refreshAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    refresh();
                }
            });
        } else {
            refresh();
        }
    }

    // ---- BlockService

    @Override
    @Transactional
    public Block create(BlockInput input) {
        permissions.check(Action.MANAGE_BLOCKS);
        Checked checked = check(input);
        permissions.check(Action.MANAGE_BLOCKS, checked.organizationId());
        Instant now = time.now();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO grid_block (name, district_code, township_code, communities, organization_id, area_wkt,
                                        min_lng, min_lat, max_lng, max_lat, responsible_staff, block_status,
                                        created_at, updated_at, version)
                VALUES (:name, :district, :township, :communities, :org, :wkt, :minLng, :minLat, :maxLng, :maxLat,
                        :staff, 'ACTIVE', :now, :now, 0)
                """).paramSource(checked.params(now)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("grid.block.create", "grid_block", String.valueOf(id), null);
        refreshAfterCommit();
        return load(id).orElseThrow();
    }

    @Override
    @Transactional
    public Block update(long id, int version, BlockInput input) {
        Block existing = find(id).orElseThrow(() -> new NoSuchElementException("block " + id));
        permissions.check(Action.MANAGE_BLOCKS, existing.organizationId());
        Checked checked = check(input);
        permissions.check(Action.MANAGE_BLOCKS, checked.organizationId());
        var params = checked.params(time.now()).addValue("id", id).addValue("version", version);
        int updated = jdbc.sql("""
                UPDATE grid_block SET name = :name, district_code = :district, township_code = :township,
                       communities = :communities, organization_id = :org, area_wkt = :wkt, min_lng = :minLng,
                       min_lat = :minLat, max_lng = :maxLng, max_lat = :maxLat, responsible_staff = :staff,
                       updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version AND block_status = 'ACTIVE'
                """).paramSource(params).update();
        if (updated == 0) {
            throw new BlockChangedConcurrentlyException(id);
        }
        audit.record("grid.block.update", "grid_block", String.valueOf(id), null);
        refreshAfterCommit();
        return load(id).orElseThrow();
    }

    @Override
    @Transactional
    public void retire(long id, int version) {
        Block existing = find(id).orElseThrow(() -> new NoSuchElementException("block " + id));
        permissions.check(Action.MANAGE_BLOCKS, existing.organizationId());
        Instant now = time.now();
        int updated = jdbc.sql("""
                UPDATE grid_block SET block_status = 'RETIRED', updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version AND block_status = 'ACTIVE'
                """)
                .param("now", JdbcReportService.utc(now))
                .param("id", id)
                .param("version", version)
                .update();
        if (updated == 0) {
            throw new BlockChangedConcurrentlyException(id);
        }
        jdbc.sql("UPDATE grid_worker SET ended_at = :now WHERE block_id = :id AND ended_at IS NULL")
                .param("now", JdbcReportService.utc(now))
                .param("id", id)
                .update();
        audit.record("grid.block.retire", "grid_block", String.valueOf(id), null);
        refreshAfterCommit();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Block> list(Pageable pageable) {
        permissions.check(Action.VIEW);
        SqlCondition scope = scopes.current().on("organization_id");
        long total = jdbc.sql("SELECT COUNT(*) FROM grid_block WHERE " + scope.sql())
                .params(scope.parameters())
                .query(Long.class)
                .single();
        List<Object> args = new ArrayList<>(scope.parameters());
        args.add(pageable.getPageSize());
        args.add(pageable.getOffset());
        List<Block> rows = jdbc.sql("SELECT " + COLUMNS + " FROM grid_block WHERE " + scope.sql()
                        + " ORDER BY block_status, name, id LIMIT ? OFFSET ?")
                .params(args)
                .query(BlockDirectory::block)
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Block> find(long id) {
        permissions.check(Action.VIEW);
        DataScope scope = scopes.current();
        return load(id).filter(b -> scope.includes(b.organizationId()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Block> findActive(long id) {
        return load(id).filter(Block::active);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Block> nearest(GeoPoint wgs84, int limit) {
        // blocks are few (hundreds in a city): rank every active one by the distance from the point to its box
        double lng = wgs84.longitude();
        double lat = wgs84.latitude();
        record Ranked(long id, double metres) {}
        List<Ranked> ranked = jdbc.sql(
                        "SELECT id, min_lng, min_lat, max_lng, max_lat FROM grid_block WHERE block_status = 'ACTIVE'")
                .query((rs, n) -> {
                    double nearLng = Math.max(rs.getDouble("min_lng"), Math.min(lng, rs.getDouble("max_lng")));
                    double nearLat = Math.max(rs.getDouble("min_lat"), Math.min(lat, rs.getDouble("max_lat")));
                    return new Ranked(rs.getLong("id"), Distances.metres(lng, lat, nearLng, nearLat));
                })
                .list();
        PointPlacer current = placer.get();
        Optional<BlockAreas.Entry> containing =
                current == null ? Optional.empty() : current.areas().locate(lng, lat);
        return ranked.stream()
                .sorted(Comparator.comparingDouble((Ranked r) ->
                                containing.isPresent() && containing.get().blockId() == r.id() ? -1 : r.metres())
                        .thenComparingLong(Ranked::id))
                .limit(limit)
                .map(r -> load(r.id()).orElseThrow())
                .toList();
    }

    Optional<Block> load(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM grid_block WHERE id = :id")
                .param("id", id)
                .query(BlockDirectory::block)
                .optional();
    }

    private static Block block(ResultSet rs, int row) throws SQLException {
        return new Block(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("district_code"),
                rs.getString("township_code"),
                rs.getString("communities"),
                rs.getLong("organization_id"),
                rs.getString("area_wkt"),
                rs.getString("responsible_staff"),
                "ACTIVE".equals(rs.getString("block_status")),
                rs.getObject("updated_at", java.time.OffsetDateTime.class).toInstant(),
                rs.getInt("version"));
    }

    // ---- checking input

    private record Checked(
            String name,
            String districtCode,
            @Nullable String townshipCode,
            String communities,
            Geometry area,
            String responsibleStaff,
            long organizationId) {

        org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(Instant now) {
            var envelope = area.getEnvelopeInternal();
            return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                    .addValue("name", name)
                    .addValue("district", districtCode)
                    .addValue("township", townshipCode)
                    .addValue("communities", communities)
                    .addValue("org", organizationId)
                    .addValue("wkt", new WKTWriter().write(area))
                    .addValue("minLng", envelope.getMinX())
                    .addValue("minLat", envelope.getMinY())
                    .addValue("maxLng", envelope.getMaxX())
                    .addValue("maxLat", envelope.getMaxY())
                    .addValue("staff", responsibleStaff)
                    .addValue("now", JdbcReportService.utc(now));
        }
    }

    private Checked check(BlockInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = strip(input.name());
        if (name.isEmpty()) {
            problems.add(FieldProblem.of("name", "grid.block.name.required"));
        } else if (name.codePointCount(0, name.length()) > 100) {
            problems.add(FieldProblem.of("name", "grid.block.name.tooLong", 100));
        }
        String districtCode = strip(input.districtCode());
        Optional<Division> district = divisions.byCode(districtCode).filter(d -> d.level() == Division.Level.DISTRICT);
        if (district.isEmpty()) {
            problems.add(FieldProblem.of("districtCode", "grid.block.district.unknown"));
        }
        String township = strip(input.townshipCode());
        @Nullable String townshipCode = township.isEmpty() ? null : township;
        if (townshipCode != null
                && district.isPresent()
                && divisions.townships(districtCode).stream()
                        .noneMatch(t -> t.code().equals(township))) {
            problems.add(FieldProblem.of("townshipCode", "grid.block.township.unknown"));
        }
        String communities = strip(input.communities());
        if (communities.length() > 1000) {
            problems.add(FieldProblem.of("communities", "grid.block.communities.tooLong", 1000));
        }
        String staff = strip(input.responsibleStaff());
        if (staff.length() > 500) {
            problems.add(FieldProblem.of("responsibleStaff", "grid.block.staff.tooLong", 500));
        }
        Geometry area = null;
        try {
            area = parseArea(strip(input.area()));
        } catch (InvalidInputException e) {
            problems.addAll(e.errors());
        }
        if (area != null && district.isPresent()) {
            GeoPoint inside = GeoPoint.of(
                    area.getInteriorPoint().getX(), area.getInteriorPoint().getY());
            if (!divisions
                    .locateDistrict(inside)
                    .map(d -> d.code().equals(districtCode))
                    .orElse(false)) {
                problems.add(FieldProblem.of("area", "grid.block.area.outsideDistrict"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String orgDivision = townshipCode != null ? townshipCode : districtCode;
        long organizationId = organizations
                .territorial(orgDivision)
                .or(() -> organizations.territorial(districtCode))
                .map(Organization::id)
                .orElseThrow(() -> new InvalidInputException("districtCode", "grid.block.district.noUnion"));
        return new Checked(name, districtCode, townshipCode, communities, area, staff, organizationId);
    }

    /**
     * @param text GeoJSON (Polygon, MultiPolygon, or a Feature of one) or WKT, WGS-84 degrees
     * @throws InvalidInputException on {@code area}
     */
    static Geometry parseArea(String text) {
        if (text.isEmpty()) {
            throw new InvalidInputException("area", "grid.block.area.required");
        }
        Geometry geometry;
        try {
            geometry = text.startsWith("{")
                    ? new GeoJsonReader(BlockAreas.GEOMETRY).read(text)
                    : new WKTReader(BlockAreas.GEOMETRY).read(text);
        } catch (IllegalArgumentException e) {
            // JTS refuses a ring whose last corner is not its first: "Points of LinearRing do not form a closed
            // linestring"; anything else it cannot build is unreadable
            boolean open = e.getMessage() != null && e.getMessage().contains("closed");
            throw new InvalidInputException("area", open ? "grid.block.area.notClosed" : "grid.block.area.unreadable");
        } catch (ParseException | RuntimeException e) {
            throw new InvalidInputException("area", "grid.block.area.unreadable");
        }
        if (geometry.getGeometryType().equals("GeometryCollection") && geometry.getNumGeometries() == 1) {
            geometry = geometry.getGeometryN(0);
        }
        if (!(geometry.getGeometryType().equals("Polygon")
                || geometry.getGeometryType().equals("MultiPolygon"))) {
            throw new InvalidInputException("area", "grid.block.area.notPolygon");
        }
        if (geometry.getNumPoints() > MAX_VERTICES) {
            throw new InvalidInputException("area", "grid.block.area.tooManyVertices", MAX_VERTICES);
        }
        if (geometry.isEmpty() || !geometry.isValid() || geometry.getArea() == 0) {
            throw new InvalidInputException("area", "grid.block.area.invalid");
        }
        var envelope = geometry.getEnvelopeInternal();
        if (envelope.getMinX() < -180
                || envelope.getMaxX() > 180
                || envelope.getMinY() < -90
                || envelope.getMaxY() > 90) {
            throw new InvalidInputException("area", "grid.block.area.invalid");
        }
        geometry.setSRID(4326);
        return geometry;
    }

    private static String strip(@Nullable String s) {
        return s == null ? "" : s.strip();
    }
}
