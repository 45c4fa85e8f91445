package org.nuanxin.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nuanxin.audit.AuditEntry;
import org.nuanxin.audit.AuditLog;
import org.nuanxin.audit.AuditQuery;
import org.nuanxin.support.MutableClock;
import org.nuanxin.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log on a real database: what an entry holds, the same-transaction rule, searching and
 * the retention purge under a moved clock. Run on H2 ({@link AuditLogH2Test}) and PostgreSQL
 * ({@link AuditLogPostgresTest}).
 */
abstract class AuditLogTest {

    static final Instant START = Instant.parse("2026-01-31T16:30:00Z"); // 2026-02-01 00:30 in Chongqing

    @Autowired
    AuditLog audit;

    @Autowired
    AuditRetention retention;

    @Autowired
    MutableClock clock;

    @Autowired
    TransactionTemplate transactions;

    private final String actor = "tester-" + UUID.randomUUID().toString().substring(0, 8);

    /** The shared test clock, moved to this test's start and put back after (other classes share it). */
    @BeforeEach
    void moveClock() {
        clock.set(START);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
        clock.set(TestClock.START);
    }

    private void signIn() {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(actor, "n/a", "ROLE_UNION_STAFF"));
    }

    private List<AuditEntry> mine() {
        return audit.search(new AuditQuery(actor, null, null, null, null), PageRequest.of(0, 200))
                .getContent();
    }

    @Test
    void anEntryNamesTheSignedInActorAndWhatWasDone() {
        signIn();
        transactions.executeWithoutResult(
                tx -> audit.record("station.update", "station", "500103-0001", "纠正地址", "code was 500103-0009"));
        assertThat(mine()).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(actor);
            assertThat(e.action()).isEqualTo("station.update");
            assertThat(e.recordType()).isEqualTo("station");
            assertThat(e.recordId()).isEqualTo("500103-0001");
            assertThat(e.reason()).isEqualTo("纠正地址");
            assertThat(e.details()).isEqualTo("code was 500103-0009");
            assertThat(e.occurredAt()).isEqualTo(START);
            assertThat(e.clientAddress()).isEqualTo("127.0.0.1"); // the mock request Spring binds to test threads
        });
    }

    @Test
    void aRolledBackChangeLeavesNoEntry() {
        signIn();
        transactions.executeWithoutResult(tx -> {
            audit.record("station.create", "station", "500103-0002", null);
            tx.setRollbackOnly();
        });
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
                    audit.record("station.create", "station", "500103-0003", null);
                    throw new IllegalStateException("the change failed");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(mine()).isEmpty();
        transactions.executeWithoutResult(tx -> audit.record("station.create", "station", "500103-0004", null));
        assertThat(mine()).extracting(AuditEntry::recordId).containsExactly("500103-0004");
    }

    @Test
    void withoutASignedInUserTheActorIsThePlaceholder() {
        audit.record(new AuditLog.Origin(null, null), "identity.sign-in.failed", null, null, null, "bad-credentials");
        assertThat(audit.search(
                                new AuditQuery(AuditLog.UNKNOWN_ACTOR, "identity.sign-in.failed", null, null, null),
                                PageRequest.of(0, 10))
                        .getContent())
                .isNotEmpty();
        assertThatThrownBy(() -> audit.record(" ", null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void searchFiltersByActionPrefixRecordAndShanghaiDaysNewestFirst() {
        signIn();
        audit.record("station.create", "station", "A-1", null);
        clock.advance(Duration.ofMinutes(1));
        audit.record("station.update", "station", "A-1", null);
        clock.advance(Duration.ofMinutes(1));
        audit.record("account.create", "account", "someone", null);

        assertThat(mine())
                .extracting(AuditEntry::action)
                .containsExactly("account.create", "station.update", "station.create");
        assertThat(audit.search(new AuditQuery(actor, "station.", null, null, null), PageRequest.of(0, 10))
                        .getContent())
                .extracting(AuditEntry::action)
                .containsExactly("station.update", "station.create");
        assertThat(audit.search(new AuditQuery(actor, "station.update", null, null, null), PageRequest.of(0, 10))
                        .getTotalElements())
                .isEqualTo(1);
        assertThat(audit.search(new AuditQuery(actor, null, "A-1", null, null), PageRequest.of(0, 10))
                        .getTotalElements())
                .isEqualTo(2);
        // 16:30 UTC on 31 January is already 1 February in Chongqing.
        LocalDate feb1 = LocalDate.of(2026, 2, 1);
        assertThat(audit.search(new AuditQuery(actor, null, null, feb1, feb1), PageRequest.of(0, 10))
                        .getTotalElements())
                .isEqualTo(3);
        assertThat(audit.search(new AuditQuery(actor, null, null, null, feb1.minusDays(1)), PageRequest.of(0, 10))
                        .getTotalElements())
                .isZero();
        assertThat(audit.search(new AuditQuery(actor, null, null, feb1.plusDays(1), null), PageRequest.of(0, 10))
                        .getTotalElements())
                .isZero();

        Page<AuditEntry> second = audit.search(new AuditQuery(actor, null, null, null, null), PageRequest.of(1, 2));
        assertThat(second.getTotalElements()).isEqualTo(3);
        assertThat(second.getTotalPages()).isEqualTo(2);
        assertThat(second.getContent()).extracting(AuditEntry::action).containsExactly("station.create");
        assertThatThrownBy(() -> audit.search(AuditQuery.all(), PageRequest.of(0, 201)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePurgeDeletesEntriesPastRetentionOnly() {
        signIn();
        audit.record("station.export", "station", null, null, "all rows=1");
        clock.advance(Duration.ofDays(399));
        audit.record("station.export", "station", null, null, "all rows=2");
        retention.purge();
        assertThat(mine()).hasSize(2);

        clock.advance(Duration.ofDays(2)); // the first entry is now 401 days old, the second 2 days
        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);
        assertThat(mine()).extracting(AuditEntry::details).containsExactly("all rows=2");
    }
}
