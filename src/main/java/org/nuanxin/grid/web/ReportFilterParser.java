package org.nuanxin.grid.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.nuanxin.grid.HazardCategory;
import org.nuanxin.grid.ReportState;
import org.nuanxin.grid.internal.ReportFilter;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The one reader of hazard-report filters from request parameters, for the triage queue, the map and its GeoJSON
 * layer, and the xlsx export alike (FRAME.md §5). Strict: a value it does not recognise is an error naming it, never
 * "no filter". Blank values do not filter.
 *
 * <ul>
 *   <li>{@code category}: Open311 service codes ({@code road_surface}) or enum names, several separated by
 *       {@link #SEPARATORS} or in repeated parameters; problem code {@code grid.filter.category}.
 *   <li>{@code state}: state names ({@code SUBMITTED}), several like categories; {@code grid.filter.state}.
 *   <li>{@code block}: a block id (a positive whole number); {@code grid.filter.block}.
 *   <li>{@code age}: submitted within {@code 24h}, {@code 7d} or {@code 30d} of now ({@link #AGES});
 *       {@code grid.filter.age}.
 *   <li>{@code overdue}: {@code true}/{@code on}/{@code 1} for SUBMITTED reports past their verification time,
 *       {@code false}/{@code 0} or blank for all; {@code grid.filter.overdue}.
 * </ul>
 */
@Component
class ReportFilterParser {

    /** What separates several values in one parameter: comma (ASCII or full-width), 、, ；, semicolon, spaces. */
    static final Pattern SEPARATORS = Pattern.compile("[,，、;；\\s]+");

    /** The ages offered, in the order of the form's select. */
    static final Map<String, Duration> AGES =
            Map.of("24h", Duration.ofHours(24), "7d", Duration.ofDays(7), "30d", Duration.ofDays(30));

    /** The ages in the form's order. */
    static final List<String> AGE_CHOICES = List.of("24h", "7d", "30d");

    private final CityTime time;

    ReportFilterParser(CityTime time) {
        this.time = time;
    }

    /**
     * @param categories category texts, each possibly a list; null or blank entries are ignored
     * @param states     state texts, each possibly a list
     * @param block      a block id, or blank
     * @param age        {@code 24h}, {@code 7d}, {@code 30d}, or blank
     * @param overdue    a boolean text, or blank
     * @return the filter (the data scope is applied by the service)
     * @throws InvalidInputException naming {@code category}, {@code state}, {@code block}, {@code age} or
     *     {@code overdue} with the value that was not understood as its argument
     */
    ReportFilter parse(
            @Nullable List<String> categories,
            @Nullable List<String> states,
            @Nullable String block,
            @Nullable String age,
            @Nullable String overdue) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<HazardCategory> categorySet = EnumSet.noneOf(HazardCategory.class);
        for (String value : values(categories)) {
            Optional<HazardCategory> c = HazardCategory.parse(value);
            if (c.isPresent()) {
                categorySet.add(c.get());
            } else {
                problems.add(FieldProblem.of("category", "grid.filter.category", value));
            }
        }
        Set<ReportState> stateSet = EnumSet.noneOf(ReportState.class);
        for (String value : values(states)) {
            Optional<ReportState> s = state(value);
            if (s.isPresent()) {
                stateSet.add(s.get());
            } else {
                problems.add(FieldProblem.of("state", "grid.filter.state", value));
            }
        }
        @Nullable Long blockId = null;
        if (!blank(block)) {
            try {
                blockId = Long.parseLong(block.strip());
                if (blockId <= 0) {
                    throw new NumberFormatException(block);
                }
            } catch (NumberFormatException e) {
                blockId = null;
                problems.add(FieldProblem.of("block", "grid.filter.block", block.strip()));
            }
        }
        @Nullable Instant after = null;
        if (!blank(age)) {
            Duration d = AGES.get(age.strip().toLowerCase(Locale.ROOT));
            if (d == null) {
                problems.add(FieldProblem.of("age", "grid.filter.age", age.strip()));
            } else {
                after = time.now().minus(d);
            }
        }
        boolean overdueOnly = false;
        if (!blank(overdue)) {
            switch (overdue.strip().toLowerCase(Locale.ROOT)) {
                case "true", "on", "1", "yes" -> overdueOnly = true;
                case "false", "off", "0", "no" -> overdueOnly = false;
                default -> problems.add(FieldProblem.of("overdue", "grid.filter.overdue", overdue.strip()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ReportFilter(categorySet, stateSet, blockId, after, overdueOnly, null);
    }

    private static Optional<ReportState> state(String text) {
        for (ReportState s : ReportState.values()) {
            if (s.name().equalsIgnoreCase(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static List<String> values(@Nullable List<String> params) {
        List<String> out = new ArrayList<>();
        if (params == null) {
            return out;
        }
        for (String p : params) {
            if (p == null) {
                continue;
            }
            for (String v : SEPARATORS.split(p.strip())) {
                if (!v.isBlank()) {
                    out.add(v.strip());
                }
            }
        }
        return out;
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
