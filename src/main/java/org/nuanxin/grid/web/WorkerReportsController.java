package org.nuanxin.grid.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.nuanxin.grid.internal.Notification;
import org.nuanxin.grid.internal.Report;
import org.nuanxin.grid.internal.ReportService;
import org.nuanxin.grid.internal.StoredPhoto;
import org.nuanxin.grid.internal.TimelineEntry;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * 我的上报: the reports the signed-in worker made or follows, with their states and the worker's notices; one report's
 * timeline (submitted, verified, forwarded to whom, in progress, fixed with the fixer's note and photo, rejected with
 * the reason), photos and place. Opening a report marks its notices read. A report the worker neither made nor
 * follows is "not found", whether it exists or not.
 */
@Controller
class WorkerReportsController {

    /** Notices shown on the list, newest first. */
    static final int NOTICES_SHOWN = 10;

    private final ReportService reports;
    private final ReportViews views;

    WorkerReportsController(ReportService reports, ReportViews views) {
        this.reports = reports;
        this.views = views;
    }

    /**
     * A notice as shown.
     *
     * @param notice   the notice
     * @param when     its step's local time
     * @param category the report's category message key, or null when the report is no longer the worker's
     */
    record NoticeRow(Notification notice, String when, String category) {

        public String kindKey() {
            return "grid.timeline." + notice.entry().kind().name();
        }
    }

    @GetMapping("/m/reports")
    String list(Model model, Locale locale) {
        String mobile = Workers.current().mobile();
        List<Report> mine = reports.mine(mobile);
        Map<Long, Report> byId = mine.stream().collect(Collectors.toMap(Report::id, Function.identity(), (a, b) -> a));
        model.addAttribute(
                "reports", mine.stream().map(r -> views.row(r, locale)).toList());
        model.addAttribute("unread", reports.unreadNotifications(mobile));
        model.addAttribute(
                "notices",
                reports.notifications(mobile).stream()
                        .limit(NOTICES_SHOWN)
                        .map(n -> new NoticeRow(
                                n,
                                views.when(n.entry().occurredAt()),
                                byId.containsKey(n.reportId())
                                        ? byId.get(n.reportId()).category().messageKey()
                                        : "grid.m.reports.report"))
                        .toList());
        return "grid/worker-reports";
    }

    @GetMapping("/m/reports/{id}")
    String show(@PathVariable long id, Model model, Locale locale) {
        String mobile = Workers.current().mobile();
        Report report = reports.mine(mobile, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<TimelineEntry> timeline = reports.timeline(id);
        List<StoredPhoto> photos = reports.photos(id);
        reports.markNotificationsRead(mobile, id);
        model.addAttribute("row", views.row(report, locale));
        model.addAttribute("steps", timeline.stream().map(views::step).toList());
        model.addAttribute(
                "reportPhotos",
                photos.stream().filter(p -> !p.role().equals("FIX")).toList());
        model.addAttribute("mapLink", ReportViews.amapMarker(report.point(), "#" + report.id()));
        model.addAttribute("lat", String.format(Locale.ROOT, "%.5f", report.latitude()));
        model.addAttribute("lng", String.format(Locale.ROOT, "%.5f", report.longitude()));
        return "grid/worker-report-show";
    }
}
