package org.nuanxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.nuanxin.support.MutableClock;
import org.nuanxin.support.TestClock;

/** The throttle's rules with the production defaults: 5 free failures, back-off to 15 min, 30 per address. */
class SignInThrottleTest {

    final MutableClock clock = new MutableClock(TestClock.START);
    final SignInThrottle throttle =
            new SignInThrottle(new IdentityProperties("", null, null, null, null, null, null), clock);

    @Test
    void afterFiveFailuresTheAddressWaitsLongerEachTimeUpToFifteenMinutes() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.allows("admin", "198.51.100.1")).isTrue();
            throttle.failed("admin", "198.51.100.1");
        }
        assertThat(throttle.allows("admin", "198.51.100.1")).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.allows("admin", "198.51.100.1")).isTrue();
        throttle.failed("admin", "198.51.100.1");
        clock.advance(Duration.ofMillis(1999));
        assertThat(throttle.allows("admin", "198.51.100.1")).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(throttle.allows("admin", "198.51.100.1")).isTrue();

        assertThat(throttle.delay(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.delay(7)).isEqualTo(Duration.ofSeconds(4));
        assertThat(throttle.delay(14)).isEqualTo(Duration.ofSeconds(512));
        assertThat(throttle.delay(15)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.delay(500)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void anAttackerElsewhereNeverLocksTheAdministratorOut() {
        for (int i = 0; i < 25; i++) {
            throttle.failed("admin", "203.0.113.66");
        }
        assertThat(throttle.allows("admin", "203.0.113.66")).isFalse();
        assertThat(throttle.allows("admin", "198.51.100.1"))
                .as("the administrator's own address")
                .isTrue();
    }

    @Test
    void oneAddressHasABudgetOverAllAccounts() {
        for (int i = 0; i < 30; i++) {
            assertThat(throttle.allows("user" + i, "203.0.113.9")).isTrue();
            throttle.failed("user" + i, "203.0.113.9");
        }
        assertThat(throttle.allows("someone-new", "203.0.113.9")).isFalse();
        assertThat(throttle.allows("someone-new", "203.0.113.10")).isTrue();
        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.allows("someone-new", "203.0.113.9")).isTrue();
    }

    @Test
    void aSuccessClearsTheBackOffOfItsAddress() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("admin", "198.51.100.1");
        }
        throttle.succeeded("admin", "198.51.100.1");
        assertThat(throttle.allows("admin", "198.51.100.1")).isTrue();
    }

    @Test
    void memoryStaysBounded() {
        for (int i = 0; i < SignInThrottle.MAX_ENTRIES + 10; i++) {
            throttle.failed("u" + i, "10.0." + (i / 250) % 250 + "." + i % 250);
        }
        assertThat(throttle.size()).isLessThanOrEqualTo(2L * SignInThrottle.MAX_ENTRIES);
    }
}
