package org.nuanxin.kernel;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The platform's clock and the time zone of the city it serves, the one place both come from.
 * Instants are stored in UTC; local dates and times (opening hours, "today" in a file name, a
 * date-range filter) are read in {@link #zone()}, set by {@code nuanxin.time-zone} (default
 * {@code Asia/Shanghai}), whatever the server's own time zone is. Tests move time with a
 * {@code @Primary} {@link Clock} bean.
 */
public final class CityTime {

    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param clock the source of instants (UTC)
     * @param zone  the city's time zone
     */
    public CityTime(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** @return the current instant */
    public Instant now() {
        return clock.instant();
    }

    /** @return the city's time zone, e.g. Asia/Shanghai */
    public ZoneId zone() {
        return zone;
    }

    /** @return today's date in the city */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** @return the wall-clock time in the city now */
    public LocalTime localTime() {
        return LocalTime.now(clock.withZone(zone));
    }

    /** @return {@code instant} as a date and time in the city */
    public ZonedDateTime local(Instant instant) {
        return instant.atZone(zone);
    }

    /** @return the first instant of {@code date} in the city */
    public Instant startOf(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }

    /** @return the underlying clock */
    public Clock clock() {
        return clock;
    }
}
