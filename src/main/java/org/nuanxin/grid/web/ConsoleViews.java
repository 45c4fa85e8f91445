package org.nuanxin.grid.web;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.nuanxin.geo.Division;
import org.nuanxin.geo.Divisions;
import org.nuanxin.grid.internal.Block;
import org.nuanxin.grid.internal.BlockService;
import org.nuanxin.grid.internal.Report;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.organization.Organization;
import org.nuanxin.organization.Organizations;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the grid console pages print beside a report: names of districts, blocks and organisations, times in the
 * city's zone to the minute, and the SLA clock. Names of blocks and organisations are looked up once per request
 * through a {@link Names} cache, not once per row.
 */
@Component
class ConsoleViews {

    static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Divisions divisions;
    private final BlockService blocks;
    private final Organizations organizations;
    private final CityTime time;
    private final MessageSource messages;
    private volatile @Nullable Map<String, String> districtNames;

    ConsoleViews(
            Divisions divisions,
            BlockService blocks,
            Organizations organizations,
            CityTime time,
            MessageSource messages) {
        this.divisions = divisions;
        this.blocks = blocks;
        this.organizations = organizations;
        this.time = time;
        this.messages = messages;
    }

    /** @return district code → name (reference data, built once) */
    Map<String, String> districtNames() {
        Map<String, String> names = districtNames;
        if (names == null) {
            names = Map.copyOf(
                    divisions.districts().stream().collect(Collectors.toMap(Division::code, Division::name)));
            districtNames = names;
        }
        return names;
    }

    String district(String code) {
        return districtNames().getOrDefault(code, code);
    }

    /** @return the instant in the city's time zone, {@code 2026-11-30 15:04}; empty for null */
    String local(@Nullable Instant instant) {
        return instant == null ? "" : time.local(instant).format(MINUTES);
    }

    Instant now() {
        return time.now();
    }

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /**
     * The SLA clock of a report at {@code now}: the time left to verify a SUBMITTED report, or how long it is
     * overdue; for other states the clock has stopped.
     */
    String sla(Report r, Instant now, Locale locale) {
        if (r.state() != org.nuanxin.grid.ReportState.SUBMITTED) {
            return text("grid.console.sla.stopped", locale);
        }
        Duration left = r.timeToVerify(now);
        Duration shown = left.isNegative() ? left.negated() : left;
        long hours = shown.toHours();
        int minutes = shown.toMinutesPart();
        return left.isNegative() || left.isZero() && r.overdue(now)
                ? text("grid.console.sla.overdue", locale, hours, minutes)
                : text("grid.console.sla.left", locale, hours, minutes);
    }

    /** Names of blocks and organisations for one request. Not thread-safe. */
    Names names() {
        return new Names();
    }

    final class Names {
        private final Map<Long, String> blockNames = new HashMap<>();
        private final Map<Long, String> orgNames = new HashMap<>();

        /** @return the block's name, or empty text for null; its id when out of scope */
        String block(@Nullable Long id) {
            if (id == null) {
                return "";
            }
            return blockNames.computeIfAbsent(
                    id, k -> blocks.find(k).map(Block::name).orElse("#" + k));
        }

        String organization(long id) {
            return orgNames.computeIfAbsent(
                    id, k -> organizations.find(k).map(Organization::name).orElse("#" + k));
        }

        Optional<Block> blockRecord(@Nullable Long id) {
            return id == null ? Optional.empty() : blocks.find(id);
        }
    }
}
