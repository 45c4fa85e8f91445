package org.nuanxin.membership.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.kernel.Paging;
import org.nuanxin.kernel.ProblemMessages;
import org.nuanxin.membership.MemberPermissions;
import org.nuanxin.membership.MemberPermissions.Action;
import org.nuanxin.membership.internal.Member;
import org.nuanxin.membership.internal.MemberChangedConcurrentlyException;
import org.nuanxin.membership.internal.ReviewService;
import org.nuanxin.membership.internal.Transfer;
import org.nuanxin.membership.internal.WorkerMembershipService;
import org.nuanxin.organization.EnterpriseDirectory;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review console (/console/membership/...): applications waiting for a union in the user's scope (approve,
 * or reject with a reason) and transfers into it (accept, or decline with a reason), with the member's history.
 * Personal data is masked here; unmasking is the members list's (enroll). A record outside the scope is 404.
 */
@Controller
class ReviewConsoleController {

    static final int PAGE_SIZE = 50;

    private final ReviewService reviews;
    private final WorkerMembershipService members;
    private final MemberPermissions permissions;
    private final EnterpriseDirectory enterprises;
    private final ProblemMessages problems;
    private final CityTime time;

    ReviewConsoleController(
            ReviewService reviews,
            WorkerMembershipService members,
            MemberPermissions permissions,
            EnterpriseDirectory enterprises,
            ProblemMessages problems,
            CityTime time) {
        this.time = time;
        this.reviews = reviews;
        this.members = members;
        this.permissions = permissions;
        this.enterprises = enterprises;
        this.problems = problems;
    }

    /** A row of the queue: the member, its union's name and when it applied (city time, minutes). */
    record Row(Member member, String union, String appliedAt) {}

    /** A transfer, its unions' names and when it was asked for (city time, minutes). */
    record TransferRow(Transfer transfer, String from, String to, String requestedAt) {}

    static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private String local(Instant instant) {
        return time.local(instant).format(MINUTES);
    }

    private TransferRow row(Transfer t) {
        return new TransferRow(
                t,
                members.unionName(t.fromOrganizationId()),
                members.unionName(t.toOrganizationId()),
                local(t.requestedAt()));
    }

    @GetMapping("/console/membership/applications")
    String applications(@RequestParam(defaultValue = "0") String page, Model model) {
        permissions.check(Action.VIEW);
        var rows = reviews.applications(Paging.of(page, PAGE_SIZE, Sort.unsorted()))
                .map(m -> new Row(m, members.unionName(m.organizationId()), local(m.appliedAt())));
        model.addAttribute("page", rows);
        model.addAttribute("mayReview", permissions.current(Action.REVIEW));
        return "membership/console-applications";
    }

    @GetMapping("/console/membership/applications/{id}")
    String application(@PathVariable long id, Model model) {
        Member m = reviews.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("m", m);
        model.addAttribute("union", members.unionName(m.organizationId()));
        model.addAttribute("age", reviews.age(m).orElse(null));
        model.addAttribute("minAge", WorkerMembershipService.MIN_AGE);
        model.addAttribute(
                "enterprise",
                m.enterpriseId() == null
                        ? null
                        : enterprises
                                .find(m.enterpriseId())
                                .map(EnterpriseDirectory.Entry::name)
                                .orElse(null));
        model.addAttribute("history", History.of(reviews.periods(m.id())));
        model.addAttribute(
                "mayReview",
                permissions.allows(org.nuanxin.identity.CurrentUser.get(), Action.REVIEW, m.organizationId()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", java.util.Map.of());
        }
        return "membership/console-application";
    }

    @PostMapping("/console/membership/applications/{id}/approve")
    String approve(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            String number = reviews.approve(id, version);
            redirect.addFlashAttribute("approved", number);
        } catch (MemberChangedConcurrentlyException e) {
            redirect.addFlashAttribute("concurrent", true);
            return "redirect:/console/membership/applications/" + id;
        } catch (InvalidInputException tooYoung) {
            redirect.addFlashAttribute("notApproved", true);
            return "redirect:/console/membership/applications/" + id;
        }
        return "redirect:/console/membership/applications";
    }

    @PostMapping("/console/membership/applications/{id}/reject")
    String reject(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam(defaultValue = "") String reason,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            reviews.reject(id, version, reason);
            redirect.addFlashAttribute("rejected", true);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", problems.byField(e.errors(), locale));
            model.addAttribute("reason", reason);
            return application(id, model);
        } catch (MemberChangedConcurrentlyException e) {
            redirect.addFlashAttribute("concurrent", true);
            return "redirect:/console/membership/applications/" + id;
        }
        return "redirect:/console/membership/applications";
    }

    @GetMapping("/console/membership/transfers")
    String transfers(@RequestParam(defaultValue = "0") String page, Model model) {
        permissions.check(Action.VIEW);
        var rows =
                reviews.transfers(Paging.of(page, PAGE_SIZE, Sort.unsorted())).map(this::row);
        model.addAttribute("page", rows);
        return "membership/console-transfers";
    }

    @GetMapping("/console/membership/transfers/{id}")
    String transfer(@PathVariable long id, Model model) {
        Transfer t = reviews.findTransfer(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("row", row(t));
        model.addAttribute("m", reviews.transferringMember(id).orElseThrow());
        model.addAttribute("history", History.of(reviews.periods(t.memberId())));
        model.addAttribute(
                "mayReview",
                t.state().equals("PENDING")
                        && permissions.allows(
                                org.nuanxin.identity.CurrentUser.get(), Action.REVIEW, t.toOrganizationId()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", java.util.Map.of());
        }
        return "membership/console-transfer";
    }

    @PostMapping("/console/membership/transfers/{id}/accept")
    String accept(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            reviews.acceptTransfer(id, version);
            redirect.addFlashAttribute("accepted", true);
        } catch (MemberChangedConcurrentlyException e) {
            redirect.addFlashAttribute("concurrent", true);
            return "redirect:/console/membership/transfers/" + id;
        }
        return "redirect:/console/membership/transfers";
    }

    @PostMapping("/console/membership/transfers/{id}/decline")
    String decline(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam(defaultValue = "") String reason,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            reviews.declineTransfer(id, version, reason);
            redirect.addFlashAttribute("declined", true);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", problems.byField(e.errors(), locale));
            model.addAttribute("reason", reason);
            return transfer(id, model);
        } catch (MemberChangedConcurrentlyException e) {
            redirect.addFlashAttribute("concurrent", true);
            return "redirect:/console/membership/transfers/" + id;
        }
        return "redirect:/console/membership/transfers";
    }

    /** An application or transfer that does not exist or lies outside the user's data scope: 404, nothing changed. */
    @org.springframework.web.bind.annotation.ExceptionHandler(NoSuchElementException.class)
    void notFound(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }
}
