package org.nuanxin.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A {@link Clock} that tests move by hand. Register it as a {@code @Primary} bean to replace the
 * application's clock:
 *
 * <pre>{@code
 * @TestConfiguration
 * static class Time { @Bean @Primary MutableClock clock() { return new MutableClock(Instant.parse("2025-01-01T00:00:00Z")); } }
 * ...
 * clock.advance(Duration.ofMinutes(16));
 * }</pre>
 */
public final class MutableClock extends Clock {

    private volatile Instant now;
    private final ZoneId zone;

    public MutableClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    private MutableClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MutableClock(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
