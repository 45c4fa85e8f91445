package org.nuanxin.grid.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.nuanxin.grid.HazardCategory;
import org.nuanxin.grid.ReportState;
import org.nuanxin.grid.internal.ReportFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters of the triage queue, the map, the GeoJSON layer and the export as they arrive in the query string,
 * kept as typed so the form shows them again; blank means "any". Read by {@link ReportFilterParser}.
 *
 * @param category categories (repeated, or separated as {@link ReportFilterParser#SEPARATORS} says)
 * @param state    states, likewise
 * @param block    a block id
 * @param age      {@code 24h}, {@code 7d}, {@code 30d}
 * @param overdue  {@code true} for overdue only
 * @param page     the zero-based page of the queue, as typed
 */
record ReportFilters(
        @Nullable List<String> category,
        @Nullable List<String> state,
        @Nullable String block,
        @Nullable String age,
        @Nullable String overdue,
        @Nullable String page) {

    ReportFilter toFilter(ReportFilterParser parser) {
        return parser.parse(category, state, block, age, overdue);
    }

    /** @return the categories named, ignoring what is not understood (to mark the form's choices) */
    Set<HazardCategory> chosenCategories() {
        Set<HazardCategory> out = EnumSet.noneOf(HazardCategory.class);
        for (String v : split(category)) {
            HazardCategory.parse(v).ifPresent(out::add);
        }
        return out;
    }

    /** @return the states named, ignoring what is not understood */
    Set<ReportState> chosenStates() {
        Set<ReportState> out = EnumSet.noneOf(ReportState.class);
        for (String v : split(state)) {
            for (ReportState s : ReportState.values()) {
                if (s.name().equalsIgnoreCase(v)) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    public boolean overdueChosen() {
        return overdue != null && List.of("true", "on", "1", "yes").contains(overdue.strip());
    }

    /** @return whether any filter is given */
    boolean any() {
        return !split(category).isEmpty() || !split(state).isEmpty() || !blank(block) || !blank(age) || !blank(overdue);
    }

    /** @return {@code path} with these filters (not the page) as its query, encoded */
    String url(String path) {
        return url(path, null);
    }

    /** @return {@code path} with these filters and {@code page} (when not null) as its query, encoded */
    String url(String path, @Nullable Integer pageNumber) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
        for (String v : split(category)) {
            url.queryParam("category", v);
        }
        for (String v : split(state)) {
            url.queryParam("state", v);
        }
        if (!blank(block)) {
            url.queryParam("block", block.strip());
        }
        if (!blank(age)) {
            url.queryParam("age", age.strip());
        }
        if (!blank(overdue)) {
            url.queryParam("overdue", overdue.strip());
        }
        if (pageNumber != null) {
            url.queryParam("page", pageNumber);
        }
        return url.encode().build().toUriString();
    }

    /** @return the filter for the audit log, e.g. {@code category=road_surface state=SUBMITTED}; "all" when none */
    String describe() {
        StringBuilder sb = new StringBuilder();
        append(sb, "category", String.join(",", split(category)));
        append(sb, "state", String.join(",", split(state)));
        append(sb, "block", block);
        append(sb, "age", age);
        append(sb, "overdue", overdue);
        return sb.isEmpty() ? "all" : sb.toString();
    }

    private static void append(StringBuilder sb, String key, @Nullable String value) {
        if (!blank(value)) {
            sb.append(sb.isEmpty() ? "" : " ").append(key).append('=').append(value.strip());
        }
    }

    private static List<String> split(@Nullable List<String> params) {
        List<String> out = new ArrayList<>();
        if (params != null) {
            for (String p : params) {
                if (p != null) {
                    for (String v : ReportFilterParser.SEPARATORS.split(p.strip())) {
                        if (!v.isBlank()) {
                            out.add(v.strip());
                        }
                    }
                }
            }
        }
        return out;
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
