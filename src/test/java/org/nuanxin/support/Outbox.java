package org.nuanxin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits for the outbox ({@code event_publication}) to drain: with {@code completion-mode: delete} a row
 * disappears only after its {@code @ApplicationModuleListener} has returned, so an empty table means no
 * listener is still running. Tests that change data call it so that no asynchronous listener leaks into
 * the next test sharing the context.
 *
 * <pre>{@code
 * @AfterEach
 * void drainOutbox() { Outbox.awaitDrained(jdbc); }   // fails after 20 s with the rows still there
 * }</pre>
 */
public final class Outbox {

    /** Longest a test waits for the listeners of its changes. */
    public static final Duration WAIT = Duration.ofSeconds(20);

    private Outbox() {}

    /** Returns once {@code event_publication} is empty; fails after {@link #WAIT}. */
    public static void awaitDrained(JdbcClient jdbc) {
        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(jdbc.sql("SELECT listener_id, status, completion_date FROM event_publication")
                                        .query()
                                        .listOfRows())
                                .isEmpty());
    }
}
