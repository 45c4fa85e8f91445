package org.nuanxin.grid.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.nuanxin.grid.GridPermissions;
import org.nuanxin.grid.GridPermissions.Action;
import org.nuanxin.identity.Masks;
import org.nuanxin.identity.PersonalData;
import org.nuanxin.identity.PersonalDataKind;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.membership.ExistingMembership;
import org.nuanxin.membership.MembershipEnded;
import org.nuanxin.membership.MembershipState;
import org.nuanxin.membership.Memberships;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link GridWorkerService} over {@code grid_worker} and {@code grid_points}; ends enrolments when membership
 * publishes {@link MembershipEnded} (idempotent: a second delivery finds nothing current).
 */
@Component
class JdbcGridWorkers implements GridWorkerService {

    private static final String COLUMNS = "w.id, w.block_id, w.member_id, w.mobile_masked, w.enrolled_at, w.ended_at,"
            + " (SELECT COALESCE(SUM(p.points), 0) FROM grid_points p WHERE p.mobile_key = w.mobile_key) AS points";

    private final JdbcClient jdbc;
    private final Memberships memberships;
    private final BlockService blocks;
    private final GridPermissions permissions;
    private final PersonalData personalData;
    private final CityTime time;

    JdbcGridWorkers(
            JdbcClient jdbc,
            Memberships memberships,
            BlockService blocks,
            GridPermissions permissions,
            PersonalData personalData,
            CityTime time) {
        this.jdbc = jdbc;
        this.memberships = memberships;
        this.blocks = blocks;
        this.permissions = permissions;
        this.personalData = personalData;
        this.time = time;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<GridWorker> current(String mobile) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM grid_worker w WHERE w.mobile_key = :key AND w.ended_at IS NULL")
                .param("key", key(mobile))
                .query(JdbcGridWorkers::worker)
                .optional();
    }

    @Override
    @Transactional
    public GridWorker enrol(String mobile, long blockId) {
        blocks.findActive(blockId).orElseThrow(() -> new InvalidInputException("block", "grid.worker.blockInactive"));
        ExistingMembership membership = memberships
                .findByMobile(mobile)
                .filter(m -> m.state() == MembershipState.ACTIVE)
                .orElseThrow(() -> new InvalidInputException("membership", "grid.worker.notMember"));
        Optional<GridWorker> current = current(mobile);
        if (current.isPresent() && current.get().blockId() == blockId) {
            return current.get();
        }
        Instant now = time.now();
        String key = key(mobile);
        jdbc.sql("UPDATE grid_worker SET ended_at = :now WHERE mobile_key = :key AND ended_at IS NULL")
                .param("now", JdbcReportService.utc(now))
                .param("key", key)
                .update();
        jdbc.sql("INSERT INTO grid_worker (block_id, member_id, mobile_key, mobile_masked, enrolled_at)"
                        + " VALUES (:block, :member, :key, :masked, :now)")
                .param("block", blockId)
                .param("member", membership.memberId())
                .param("key", key)
                .param("masked", Masks.mobile(mobile))
                .param("now", JdbcReportService.utc(now))
                .update();
        return current(mobile).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayEnrol(String mobile) {
        return memberships
                .findByMobile(mobile)
                .filter(m -> m.state() == MembershipState.ACTIVE)
                .isPresent();
    }

    @Override
    @Transactional
    public void leave(String mobile) {
        jdbc.sql("UPDATE grid_worker SET ended_at = :now WHERE mobile_key = :key AND ended_at IS NULL")
                .param("now", JdbcReportService.utc(time.now()))
                .param("key", key(mobile))
                .update();
    }

    @Override
    @Transactional(readOnly = true)
    public int points(String mobile) {
        return jdbc.sql("SELECT COALESCE(SUM(points), 0) FROM grid_points WHERE mobile_key = :key")
                .param("key", key(mobile))
                .query(Integer.class)
                .single();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<GridWorker> workers(long blockId, Pageable pageable) {
        Block block = blocks.find(blockId).orElseThrow(() -> new NoSuchElementException("block " + blockId));
        permissions.check(Action.VIEW, block.organizationId());
        long total = jdbc.sql("SELECT COUNT(*) FROM grid_worker WHERE block_id = :block AND ended_at IS NULL")
                .param("block", blockId)
                .query(Long.class)
                .single();
        List<GridWorker> rows = jdbc.sql("SELECT " + COLUMNS + " FROM grid_worker w WHERE w.block_id = :block"
                        + " AND w.ended_at IS NULL ORDER BY points DESC, w.id LIMIT :limit OFFSET :offset")
                .param("block", blockId)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query(JdbcGridWorkers::worker)
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** A member whose membership ended (withdrawn, transferred out and erased) no longer serves as a grid worker. */
    @ApplicationModuleListener
    void on(MembershipEnded event) {
        jdbc.sql("UPDATE grid_worker SET ended_at = :now WHERE member_id = :member AND ended_at IS NULL")
                .param("now", JdbcReportService.utc(time.now()))
                .param("member", event.memberId())
                .update();
    }

    private String key(String mobile) {
        return personalData.lookupKey(PersonalDataKind.MOBILE, mobile);
    }

    private static GridWorker worker(ResultSet rs, int row) throws SQLException {
        var ended = rs.getObject("ended_at", java.time.OffsetDateTime.class);
        return new GridWorker(
                rs.getLong("id"),
                rs.getLong("block_id"),
                rs.getLong("member_id"),
                rs.getString("mobile_masked"),
                rs.getObject("enrolled_at", java.time.OffsetDateTime.class).toInstant(),
                ended == null ? null : ended.toInstant(),
                rs.getInt("points"));
    }
}
