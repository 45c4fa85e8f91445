package org.nuanxin.grid.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.CoordinateTransform;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.grid.internal.Report;
import org.nuanxin.grid.internal.ReportService;
import org.nuanxin.grid.internal.TimelineEntry;
import org.nuanxin.kernel.CityTime;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** Turns reports and their steps into what the worker pages show: local times, district names, distances, links. */
@Component
class ReportViews {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CityTime time;
    private final WorkerLocations locations;

    ReportViews(CityTime time, WorkerLocations locations) {
        this.time = time;
        this.locations = locations;
    }

    /**
     * A report as a row or a heading.
     *
     * @param report   the report
     * @param when     when it was submitted, local time ({@code 2026-11-30 15:04})
     * @param district the district's name
     * @param metres   distance from the point searched from, shown as text ({@code 120 米}'s number), or null
     * @param km       true when {@code metres} holds kilometres
     */
    record Row(
            Report report,
            String when,
            String district,
            @Nullable String metres,
            boolean km) {

        /** @return the state's CSS class, {@code nx-report-FIXED} */
        public String stateClass() {
            return "nx-report-" + report.state().name();
        }
    }

    /**
     * One timeline step.
     *
     * @param entry the step
     * @param when  local time
     */
    record Step(TimelineEntry entry, String when) {

        /** @return the kind's message key, {@code grid.timeline.FIXED} */
        public String kindKey() {
            return "grid.timeline." + entry.kind().name();
        }
    }

    Row row(Report report, Locale locale) {
        return new Row(
                report,
                when(report.submittedAt()),
                locations.districtLabel(report.districtCode(), locale),
                null,
                false);
    }

    Row nearby(ReportService.Nearby nearby, Locale locale) {
        double m = nearby.metres();
        boolean km = m >= 1000;
        String shown = km ? String.format(Locale.ROOT, "%.1f", m / 1000) : Long.toString(Math.round(m));
        Report r = nearby.report();
        return new Row(r, when(r.submittedAt()), locations.districtLabel(r.districtCode(), locale), shown, km);
    }

    Step step(TimelineEntry entry) {
        return new Step(entry, when(entry.occurredAt()));
    }

    String when(Instant instant) {
        return time.local(instant).format(WHEN);
    }

    /** @return the AMap marker link for a WGS-84 point (AMap takes GCJ-02), opened in the AMap app or its web page */
    static String amapMarker(GeoPoint wgs84, String name) {
        GeoPoint gcj = CoordinateTransform.fromWgs84(wgs84, CoordinateSystem.GCJ02);
        return UriComponentsBuilder.fromUriString("https://uri.amap.com/marker")
                .queryParam("position", String.format(Locale.ROOT, "%.6f,%.6f", gcj.longitude(), gcj.latitude()))
                .queryParam("name", name)
                .queryParam("coordinate", "gaode")
                .queryParam("callnative", "1")
                .encode()
                .build()
                .toUriString();
    }
}
