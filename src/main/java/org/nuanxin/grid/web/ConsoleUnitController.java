package org.nuanxin.grid.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.nuanxin.geo.Division;
import org.nuanxin.geo.Divisions;
import org.nuanxin.grid.GridPermissions;
import org.nuanxin.grid.GridPermissions.Action;
import org.nuanxin.grid.HazardCategory;
import org.nuanxin.grid.internal.ResponsibleUnit;
import org.nuanxin.grid.internal.ResponsibleUnits;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.kernel.ProblemMessages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The default responsible units per category of one district (a city-wide list): everyone with VIEW sees it, the
 * city administrator (MANAGE_UNITS) edits a row's unit name and contact. The district is chosen by name or code;
 * one not recognised is an error beside the field.
 */
@Controller
@RequestMapping("/console/grid/units")
class ConsoleUnitController {

    private final ResponsibleUnits units;
    private final Divisions divisions;
    private final GridPermissions permissions;
    private final ProblemMessages problems;

    ConsoleUnitController(
            ResponsibleUnits units, Divisions divisions, GridPermissions permissions, ProblemMessages problems) {
        this.units = units;
        this.divisions = divisions;
        this.permissions = permissions;
        this.problems = problems;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable String district,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        permissions.check(Action.VIEW);
        Optional<Division> chosen = district(district);
        if (chosen.isEmpty() && district != null && !district.isBlank()) {
            model.addAttribute(
                    "errors",
                    problems.byField(
                            List.of(FieldProblem.of("district", "grid.units.district.unknown", district.strip())),
                            locale));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return page(chosen.orElse(null), district, model);
    }

    private String page(@Nullable Division chosen, @Nullable String typed, Model model) {
        model.addAttribute("districts", divisions.districts());
        model.addAttribute("district", chosen);
        model.addAttribute("typedDistrict", typed);
        model.addAttribute("units", chosen == null ? List.<ResponsibleUnit>of() : units.ofDistrict(chosen.code()));
        model.addAttribute("mayManage", permissions.current(Action.MANAGE_UNITS));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "grid/console-units";
    }

    /** Saves one category's unit in one district; problems are shown beside that row's fields. */
    @PostMapping
    String update(
            @RequestParam(defaultValue = "") String district,
            @RequestParam(defaultValue = "") String category,
            @RequestParam(defaultValue = "") String unitName,
            @RequestParam(defaultValue = "") String contact,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        permissions.check(Action.MANAGE_UNITS);
        Optional<Division> chosen = district(district);
        Optional<HazardCategory> cat = HazardCategory.parse(category);
        if (chosen.isEmpty() || cat.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute(
                    "errors",
                    problems.byField(
                            List.of(
                                    chosen.isEmpty()
                                            ? FieldProblem.of(
                                                    "district", "grid.units.district.unknown", district.strip())
                                            : FieldProblem.of("category", "grid.filter.category", category.strip())),
                            locale));
            return page(chosen.orElse(null), district, model);
        }
        try {
            units.update(cat.get(), chosen.get().code(), unitName, contact);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", problems.byField(e.errors(), locale));
            model.addAttribute("errorCategory", cat.get());
            model.addAttribute("typedUnitName", unitName);
            model.addAttribute("typedContact", contact);
            return page(chosen.get(), district, model);
        }
        redirect.addFlashAttribute("saved", cat.get().messageKey());
        return "redirect:"
                + UriComponentsBuilder.fromPath("/console/grid/units")
                        .queryParam("district", chosen.get().code())
                        .build()
                        .toUriString();
    }

    private Optional<Division> district(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return divisions.districtByName(text.strip());
    }
}
