package org.nuanxin.organization.internal.enterprise;

import java.util.Locale;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.kernel.Paging;
import org.nuanxin.kernel.ProblemMessages;
import org.nuanxin.organization.EnterprisePermissions;
import org.nuanxin.organization.EnterprisePermissions.Action;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's union-establishment campaigns: list, one campaign with its progress and targets, upkeep. */
@Controller
@RequestMapping("/console/campaigns")
class CampaignConsoleController {

    private static final int PAGE_SIZE = 50;

    private final CampaignService service;
    private final EnterprisePermissions permissions;
    private final ProblemMessages problems;
    private final CityTime time;

    CampaignConsoleController(
            CampaignService service, EnterprisePermissions permissions, ProblemMessages problems, CityTime time) {
        this.service = service;
        this.permissions = permissions;
        this.problems = problems;
        this.time = time;
    }

    @GetMapping
    String list(@RequestParam(required = false) String page, Model model) {
        permissions.check(Action.VIEW);
        model.addAttribute("page", service.list(Paging.of(page, PAGE_SIZE, Sort.unsorted())));
        model.addAttribute("today", time.today());
        model.addAttribute("mayCreate", permissions.current(Action.CREATE));
        return "organization/campaign-list";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        permissions.check(Action.CREATE);
        model.addAttribute("form", new CampaignInput(null, time.today().toString(), null, null));
        return "organization/campaign-form";
    }

    @PostMapping("/new")
    String create(CampaignInput form, Model model, Locale locale) {
        permissions.check(Action.CREATE);
        try {
            return "redirect:/console/campaigns/" + service.create(form);
        } catch (InvalidInputException e) {
            model.addAttribute("form", form);
            model.addAttribute("errors", problems.byField(e.errors(), locale));
            return "organization/campaign-form";
        }
    }

    /**
     * One campaign: progress over the targets in the user's scope, the targets with a filter
     * ({@code status}: NONE, PREPARING, ESTABLISHED or OVERDUE; {@code q}: name or code).
     */
    @GetMapping("/{id}")
    String show(
            @PathVariable String id,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page,
            Model model,
            Locale locale) {
        permissions.check(Action.VIEW);
        Campaign campaign = found(id);
        show(campaign, status, q, page, model);
        return "organization/campaign";
    }

    private void show(
            Campaign campaign, @Nullable String status, @Nullable String q, @Nullable String page, Model model) {
        Pageable pageable = Paging.of(page, PAGE_SIZE, Sort.unsorted());
        boolean overdue = "OVERDUE".equalsIgnoreCase(status == null ? "" : status.strip());
        UnionStatus union = overdue || status == null || status.isBlank()
                ? null
                : UnionStatus.parse(status).orElse(null);
        if (!overdue && status != null && !status.isBlank() && union == null) {
            model.addAttribute("filterProblem", status.strip());
        }
        String text = q == null || q.isBlank() ? null : q.strip();
        model.addAttribute("campaign", campaign);
        model.addAttribute("today", time.today());
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("unionStatuses", UnionStatus.values());
        model.addAttribute("mayChange", service.mayChange(campaign));
        model.addAttribute("targets", service.targets(campaign, union, overdue, text, pageable));
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    new CampaignInput(
                            campaign.name(),
                            campaign.startsOn().toString(),
                            campaign.deadline().toString(),
                            campaign.notes()));
        }
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable String id,
            @RequestParam(defaultValue = "-1") int version,
            CampaignInput form,
            Model model,
            Locale locale) {
        Campaign campaign = found(id);
        try {
            service.update(campaign.id(), version, form);
            return "redirect:/console/campaigns/" + campaign.id();
        } catch (InvalidInputException e) {
            model.addAttribute("form", form);
            model.addAttribute("errors", problems.byField(e.errors(), locale));
        } catch (EnterpriseChangedConcurrentlyException e) {
            model.addAttribute("conflict", true);
        }
        show(campaign, null, null, null, model);
        return "organization/campaign";
    }

    @PostMapping("/{id}/targets")
    String addTarget(
            @PathVariable String id,
            @RequestParam(required = false) String creditCode,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        Campaign campaign = found(id);
        try {
            service.addTarget(campaign.id(), creditCode);
            return "redirect:/console/campaigns/" + campaign.id();
        } catch (InvalidInputException e) {
            model.addAttribute("targetProblem", problems.texts(e.errors(), locale));
            model.addAttribute("creditCode", creditCode);
            show(campaign, null, null, null, model);
            return "organization/campaign";
        }
    }

    @PostMapping("/{id}/targets/{enterpriseId}/remove")
    String removeTarget(@PathVariable String id, @PathVariable String enterpriseId) {
        Campaign campaign = found(id);
        try {
            service.removeTarget(campaign.id(), Long.parseLong(enterpriseId));
        } catch (NumberFormatException | NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/console/campaigns/" + campaign.id();
    }

    /** @throws ResponseStatusException 404 when the campaign is not visible to the user */
    private Campaign found(String id) {
        try {
            return service.find(Long.parseLong(id)).orElseThrow();
        } catch (NumberFormatException | NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
