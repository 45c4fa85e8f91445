package org.nuanxin.grid.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.nuanxin.grid.internal.Block;
import org.nuanxin.grid.internal.BlockService;
import org.nuanxin.grid.internal.GridWorker;
import org.nuanxin.grid.internal.GridWorkerService;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.kernel.ProblemMessages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 兼职网格员: the signed-in worker's grid enrolment (the block, since when, points earned for verified reports), the
 * active rider-friendly blocks nearest to them (from the phone's position with JavaScript, or a district's label
 * point without) with "join this block", and "leave". Joining needs an active membership: a non-member is told so
 * with a link to /m/join.
 */
@Controller
class WorkerGridController {

    /** Blocks offered near the rider. */
    static final int NEAREST = 5;

    private final GridWorkerService workers;
    private final BlockService blocks;
    private final WorkerLocations locations;
    private final ReportViews views;
    private final ProblemMessages problems;

    WorkerGridController(
            GridWorkerService workers,
            BlockService blocks,
            WorkerLocations locations,
            ReportViews views,
            ProblemMessages problems) {
        this.workers = workers;
        this.blocks = blocks;
        this.locations = locations;
        this.views = views;
        this.problems = problems;
    }

    /**
     * A block as offered.
     *
     * @param block    the block
     * @param district its district's name
     * @param inside   whether the point searched from lies in its area
     * @param current  whether the worker is enrolled in it
     */
    record BlockRow(Block block, String district, boolean inside, boolean current) {}

    @GetMapping("/m/grid")
    String page(
            @RequestParam(required = false) @Nullable String lat,
            @RequestParam(required = false) @Nullable String lng,
            @RequestParam(required = false) @Nullable String crs,
            @RequestParam(required = false) @Nullable String district,
            @RequestHeader(value = "User-Agent", required = false) @Nullable String userAgent,
            Model model,
            Locale locale) {
        String mobile = Workers.current().mobile();
        return page(mobile, lat, lng, crs, district, Map.of(), false, userAgent, model, locale);
    }

    @PostMapping("/m/grid/enrol")
    String enrol(
            @RequestParam(defaultValue = "") String block,
            @RequestParam(required = false) @Nullable String lat,
            @RequestParam(required = false) @Nullable String lng,
            @RequestParam(required = false) @Nullable String crs,
            @RequestParam(required = false) @Nullable String district,
            @RequestHeader(value = "User-Agent", required = false) @Nullable String userAgent,
            Model model,
            Locale locale) {
        String mobile = Workers.current().mobile();
        try {
            long id;
            try {
                id = Long.parseLong(block.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("block", "grid.m.blockUnknown");
            }
            workers.enrol(mobile, id);
            return "redirect:/m/grid?enrolled";
        } catch (InvalidInputException e) {
            boolean notMember = e.errors().stream().anyMatch(p -> p.code().equals("grid.worker.notMember"));
            return page(
                    mobile,
                    lat,
                    lng,
                    crs,
                    district,
                    problems.byField(e.errors(), locale),
                    notMember,
                    userAgent,
                    model,
                    locale);
        }
    }

    @PostMapping("/m/grid/leave")
    String leave() {
        workers.leave(Workers.current().mobile());
        return "redirect:/m/grid?left";
    }

    private String page(
            String mobile,
            @Nullable String lat,
            @Nullable String lng,
            @Nullable String crs,
            @Nullable String district,
            Map<String, String> errors,
            boolean notMember,
            @Nullable String userAgent,
            Model model,
            Locale locale) {
        Optional<GridWorker> current = workers.current(mobile);
        model.addAttribute("enrolment", current.orElse(null));
        model.addAttribute(
                "currentBlock",
                current.flatMap(w -> blocks.findActive(w.blockId())).orElse(null));
        model.addAttribute("since", current.map(w -> views.when(w.enrolledAt())).orElse(null));
        model.addAttribute("points", workers.points(mobile));
        model.addAttribute("errors", errors);
        // a non-member learns before pressing "join" that joining the union comes first
        boolean mayEnrol = current.isPresent() || workers.mayEnrol(mobile);
        model.addAttribute("notMember", notMember);
        model.addAttribute("mayEnrol", mayEnrol);
        model.addAttribute("districtLabels", locations.districtLabels(locale));
        model.addAttribute("positionCrs", WorkerLocations.positionCrs(userAgent));
        model.addAttribute("lat", lat == null ? "" : lat);
        model.addAttribute("lng", lng == null ? "" : lng);
        model.addAttribute("crs", crs == null ? "" : crs);
        model.addAttribute("district", district == null ? "" : district);
        List<BlockRow> rows = List.of();
        if (WorkerLocations.given(lat, lng, district)) {
            try {
                WorkerLocations.Located at = locations.read(lat, lng, crs, district);
                Long currentId = current.map(GridWorker::blockId).orElse(null);
                rows = blocks.nearest(at.wgs84(), NEAREST).stream()
                        .map(b -> new BlockRow(
                                b,
                                locations.districtLabel(b.districtCode(), locale),
                                !at.byDistrict() && contains(b, at),
                                currentId != null && currentId == b.id()))
                        .toList();
                model.addAttribute("searched", true);
                model.addAttribute("byDistrict", at.byDistrict());
            } catch (InvalidInputException e) {
                model.addAttribute("locationError", problems.texts(e.errors(), locale));
            }
        }
        model.addAttribute("blocks", rows);
        return "grid/worker-grid";
    }

    private static boolean contains(Block block, WorkerLocations.Located at) {
        try {
            GeometryFactory factory = new GeometryFactory();
            Geometry area = new WKTReader(factory).read(block.areaWkt());
            return area.covers(factory.createPoint(
                    new Coordinate(at.wgs84().longitude(), at.wgs84().latitude())));
        } catch (ParseException e) {
            return false;
        }
    }
}
