package org.nuanxin.grid.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.nuanxin.geo.Division;
import org.nuanxin.geo.Divisions;
import org.nuanxin.grid.GridPermissions;
import org.nuanxin.grid.GridPermissions.Action;
import org.nuanxin.grid.internal.Block;
import org.nuanxin.grid.internal.BlockChangedConcurrentlyException;
import org.nuanxin.grid.internal.BlockInput;
import org.nuanxin.grid.internal.BlockService;
import org.nuanxin.grid.internal.GridWorker;
import org.nuanxin.grid.internal.GridWorkerService;
import org.nuanxin.identity.CurrentUser;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.kernel.Paging;
import org.nuanxin.kernel.ProblemMessages;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Rider-friendly blocks in the staff console: the list of the scope, a block's page (its area on the map, its current
 * grid workers with their points), the form to draw or edit one (the area as GeoJSON or WKT in a text field that a
 * map drawing fills in when JavaScript runs), and retiring one after a confirmation. VIEW to see, MANAGE_BLOCKS to
 * change; a block outside the scope is 404.
 */
@Controller
@RequestMapping("/console/grid/blocks")
class ConsoleBlockController {

    static final int PAGE_SIZE = 50;

    private final BlockService blocks;
    private final GridWorkerService workers;
    private final GridPermissions permissions;
    private final Divisions divisions;
    private final ConsoleViews views;
    private final ProblemMessages problems;
    private volatile @Nullable List<DistrictTownships> townships;

    ConsoleBlockController(
            BlockService blocks,
            GridWorkerService workers,
            GridPermissions permissions,
            Divisions divisions,
            ConsoleViews views,
            ProblemMessages problems) {
        this.blocks = blocks;
        this.workers = workers;
        this.permissions = permissions;
        this.divisions = divisions;
        this.views = views;
        this.problems = problems;
    }

    /** A district and its townships, for the township select (one group per district). */
    record DistrictTownships(String code, String name, List<Division> townships) {}

    /** A block as the list and its page print it. */
    record BlockRow(Block block, String path, String district, String township, String organization, String updated) {}

    private List<DistrictTownships> townships() {
        List<DistrictTownships> list = townships;
        if (list == null) {
            list = divisions.districts().stream()
                    .map(d -> new DistrictTownships(d.code(), d.name(), divisions.townships(d.code())))
                    .toList();
            townships = list;
        }
        return list;
    }

    private String townshipName(@Nullable String code) {
        if (code == null) {
            return "";
        }
        return divisions.byCode(code).map(Division::name).orElse(code);
    }

    private BlockRow row(Block b, ConsoleViews.Names names) {
        return new BlockRow(
                b,
                "/console/grid/blocks/" + b.id(),
                views.district(b.districtCode()),
                townshipName(b.townshipCode()),
                names.organization(b.organizationId()),
                views.local(b.updatedAt()));
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable String page, Model model) {
        permissions.check(Action.VIEW);
        ConsoleViews.Names names = views.names();
        Page<Block> found = blocks.list(Paging.of(page, PAGE_SIZE, Sort.unsorted()));
        model.addAttribute("page", found);
        model.addAttribute(
                "rows", found.getContent().stream().map(b -> row(b, names)).toList());
        model.addAttribute("mayManage", permissions.current(Action.MANAGE_BLOCKS));
        return "grid/console-blocks";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) @Nullable String page, Model model) {
        Block b = found(id);
        model.addAttribute("row", row(b, views.names()));
        model.addAttribute("areaGeoJson", geoJson(b.areaWkt()));
        Page<GridWorker> current = workers.workers(id, Paging.of(page, PAGE_SIZE, Sort.unsorted()));
        model.addAttribute("workers", current);
        model.addAttribute(
                "enrolled",
                current.getContent().stream()
                        .collect(java.util.stream.Collectors.toMap(GridWorker::id, w -> views.local(w.enrolledAt()))));
        model.addAttribute(
                "mayManage",
                b.active() && permissions.allows(CurrentUser.get(), Action.MANAGE_BLOCKS, b.organizationId()));
        return "grid/console-block";
    }

    @GetMapping("/new")
    String createForm(@RequestParam(required = false) @Nullable String districtCode, Model model) {
        permissions.check(Action.MANAGE_BLOCKS);
        return form(
                new BlockInput("", districtCode == null ? "" : districtCode, null, "", "", ""), null, Map.of(), model);
    }

    @PostMapping("/new")
    String create(BlockInput form, Model model, Locale locale, RedirectAttributes redirect) {
        permissions.check(Action.MANAGE_BLOCKS);
        try {
            Block created = blocks.create(form);
            redirect.addFlashAttribute("saved", created.name());
            return "redirect:/console/grid/blocks/" + created.id();
        } catch (InvalidInputException e) {
            return form(form, null, problems.byField(e.errors(), locale), model);
        }
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Block b = found(id);
        permissions.check(Action.MANAGE_BLOCKS, b.organizationId());
        BlockInput input = new BlockInput(
                b.name(),
                b.districtCode(),
                b.townshipCode(),
                b.communities(),
                geoJson(b.areaWkt()),
                b.responsibleStaff());
        return form(input, b, Map.of(), model);
    }

    @PostMapping("/{id}/edit")
    String update(
            @PathVariable long id,
            @RequestParam(defaultValue = "-1") int version,
            BlockInput form,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        Block b = found(id);
        permissions.check(Action.MANAGE_BLOCKS, b.organizationId());
        try {
            Block saved = blocks.update(id, version, form);
            redirect.addFlashAttribute("saved", saved.name());
            return "redirect:/console/grid/blocks/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("version", version);
            return form(form, b, problems.byField(e.errors(), locale), model);
        } catch (BlockChangedConcurrentlyException e) {
            model.addAttribute("concurrent", true);
            return form(form, found(id), Map.of(), model);
        }
    }

    @GetMapping("/{id}/retire")
    String retireForm(@PathVariable long id, Model model) {
        Block b = found(id);
        permissions.check(Action.MANAGE_BLOCKS, b.organizationId());
        model.addAttribute("row", row(b, views.names()));
        return "grid/console-block-retire";
    }

    @PostMapping("/{id}/retire")
    String retire(@PathVariable long id, @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
        Block b = found(id);
        permissions.check(Action.MANAGE_BLOCKS, b.organizationId());
        try {
            blocks.retire(id, version);
            redirect.addFlashAttribute("retired", b.name());
            return "redirect:/console/grid/blocks";
        } catch (BlockChangedConcurrentlyException e) {
            redirect.addFlashAttribute("concurrent", true);
            return "redirect:/console/grid/blocks/" + id;
        }
    }

    private String form(BlockInput input, @Nullable Block existing, Map<String, String> errors, Model model) {
        model.addAttribute("form", input);
        model.addAttribute("block", existing);
        if (!model.containsAttribute("version")) {
            model.addAttribute("version", existing == null ? 0 : existing.version());
        }
        model.addAttribute("errors", errors);
        model.addAttribute("districts", divisions.districts());
        model.addAttribute("townshipGroups", townships());
        return "grid/console-block-form";
    }

    /** @return the WKT area as a GeoJSON geometry (for the map and the form's text field); the WKT if unreadable */
    static String geoJson(String wkt) {
        try {
            GeoJsonWriter writer = new GeoJsonWriter(7);
            writer.setEncodeCRS(false);
            return writer.write(new WKTReader().read(wkt));
        } catch (ParseException e) {
            return wkt;
        }
    }

    private Block found(long id) {
        permissions.check(Action.VIEW);
        return blocks.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** A block that left the scope between the look-up and the change: 404, nothing changed. */
    @ExceptionHandler(NoSuchElementException.class)
    void notFound(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }
}
