package org.nuanxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.nuanxin.support.MutableClock;

/** The per-address budgets of the worker sign-in: counted in a window, independent per address, bounded in memory. */
class WorkerSignInThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T04:00:00Z"));
    private final WorkerSignInProperties properties =
            new WorkerSignInProperties(null, null, null, null, 3, 2, Duration.ofHours(1));
    private final WorkerSignInThrottle throttle = new WorkerSignInThrottle(properties, clock);

    @Test
    void anAddressGetsItsBudgetOfCodesPerWindow() {
        assertThat(throttle.codeRequested("10.0.0.1")).isTrue();
        assertThat(throttle.codeRequested("10.0.0.1")).isTrue();
        assertThat(throttle.codeRequested("10.0.0.1")).isTrue();
        assertThat(throttle.codeRequested("10.0.0.1")).isFalse();
        assertThat(throttle.codeRequested("10.0.0.2")).as("another address").isTrue();
        clock.advance(Duration.ofMinutes(59));
        assertThat(throttle.codeRequested("10.0.0.1")).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.codeRequested("10.0.0.1")).as("a new window").isTrue();
    }

    @Test
    void wrongCodesUseUpTheAddressesChecks() {
        assertThat(throttle.allowsCodeCheck("10.0.0.3")).isTrue();
        throttle.wrongCode("10.0.0.3");
        assertThat(throttle.allowsCodeCheck("10.0.0.3")).isTrue();
        throttle.wrongCode("10.0.0.3");
        assertThat(throttle.allowsCodeCheck("10.0.0.3")).isFalse();
        assertThat(throttle.allowsCodeCheck("10.0.0.4")).isTrue();
        clock.advance(Duration.ofHours(1));
        assertThat(throttle.allowsCodeCheck("10.0.0.3")).isTrue();
    }

    @Test
    void aFloodOfAddressesDoesNotGrowTheMemoryWithoutBound() {
        for (int i = 0; i < WorkerSignInThrottle.MAX_ENTRIES + 10; i++) {
            throttle.codeRequested("flood-" + i);
            throttle.wrongCode("flood-" + i);
        }
        assertThat(throttle.size()).isLessThanOrEqualTo(2L * WorkerSignInThrottle.MAX_ENTRIES);
    }
}
