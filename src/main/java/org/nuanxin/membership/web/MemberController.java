package org.nuanxin.membership.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.nuanxin.identity.CurrentWorker;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.kernel.ProblemMessages;
import org.nuanxin.membership.MembershipState;
import org.nuanxin.membership.internal.Member;
import org.nuanxin.membership.internal.MemberChangedConcurrentlyException;
import org.nuanxin.membership.internal.WorkerMembershipService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in worker's membership (/m/member): the state (waiting, rejected with the reason, member), the history
 * of unions with its gaps, the card (/m/member/card, a plain white full-screen page with the QR code), a transfer
 * request and withdrawal.
 */
@Controller
class MemberController {

    private final WorkerMembershipService service;
    private final UnionChoice unions;
    private final ProblemMessages problems;
    private final MessageSource messages;
    private final CardLinks links;

    MemberController(
            WorkerMembershipService service,
            UnionChoice unions,
            ProblemMessages problems,
            MessageSource messages,
            CardLinks links) {
        this.service = service;
        this.unions = unions;
        this.problems = problems;
        this.messages = messages;
        this.links = links;
    }

    @GetMapping("/m/member")
    String page(Model model) {
        CurrentWorker worker = Workers.current();
        Optional<Member> mine = service.mine(worker);
        model.addAttribute("member", mine.orElse(null));
        mine.ifPresent(m -> {
            model.addAttribute("union", service.unionName(m.organizationId()));
            model.addAttribute("history", History.of(service.periods(m)));
            model.addAttribute(
                    "transfers",
                    service.transfers(m).stream()
                            .map(t -> new TransferRow(t, service.unionName(t.toOrganizationId())))
                            .toList());
            model.addAttribute("hasCard", service.card(m).isPresent());
        });
        return "membership/member";
    }

    /** A transfer as the member sees it. */
    record TransferRow(org.nuanxin.membership.internal.Transfer transfer, String toUnion) {}

    @GetMapping("/m/member/card")
    String card(Model model, Locale locale, HttpServletResponse response) {
        CurrentWorker worker = Workers.current();
        Optional<Member> mine = service.mine(worker).filter(m -> m.state().isMember());
        Optional<String> token = mine.flatMap(service::card);
        if (token.isEmpty()) {
            return "redirect:/m/member";
        }
        Member m = mine.get();
        String url = links.verify(token.get());
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("member", m);
        model.addAttribute("union", service.unionName(m.organizationId()));
        model.addAttribute(
                "since",
                service.periods(m).stream()
                        .filter(p -> p.endedOn() == null)
                        .findFirst()
                        .map(p -> p.startedOn().toString())
                        .orElse(""));
        model.addAttribute("qr", QrSvg.of(url, messages.getMessage("membership.card.qrLabel", null, locale)));
        model.addAttribute("verifyUrl", url);
        return "membership/card";
    }

    @PostMapping("/m/member/card/reissue")
    String reissue() {
        service.reissueCard(Workers.current());
        return "redirect:/m/member/card";
    }

    @GetMapping("/m/member/transfer")
    String transferForm(@RequestParam(defaultValue = "") String district, Model model, Locale locale) {
        Optional<Member> m = activeMember();
        if (m.isEmpty()) {
            return "redirect:/m/member";
        }
        return transferPage(model, m.get(), district, "", "", locale);
    }

    @PostMapping("/m/member/transfer")
    String transfer(
            @RequestParam(defaultValue = "") String district,
            @RequestParam(defaultValue = "") String township,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String step,
            Model model,
            Locale locale) {
        CurrentWorker worker = Workers.current();
        Optional<Member> m = activeMember();
        if (m.isEmpty()) {
            // A retry after the request went through (or a stale form): /m/member shows the pending transfer.
            return "redirect:/m/member";
        }
        if (!step.equals("district")) {
            try {
                service.requestTransfer(worker, district, township, reason);
                return "redirect:/m/member?transferRequested";
            } catch (IllegalStateException e) {
                return "redirect:/m/member";
            } catch (InvalidInputException e) {
                model.addAttribute("errors", problems.byField(e.errors(), locale));
            } catch (MemberChangedConcurrentlyException e) {
                model.addAttribute("concurrent", true);
            }
        }
        return transferPage(model, m.get(), district, township, reason, locale);
    }

    /** Takes back the pending transfer request; a retry, or one after the union decided, just shows the page. */
    @PostMapping("/m/member/transfer/cancel")
    String cancelTransfer() {
        try {
            return service.cancelTransfer(Workers.current())
                    ? "redirect:/m/member?transferCancelled"
                    : "redirect:/m/member";
        } catch (MemberChangedConcurrentlyException e) {
            return "redirect:/m/member";
        }
    }

    /** The worker's membership when it may be transferred (active, no transfer pending). */
    private Optional<Member> activeMember() {
        return service.mine(Workers.current()).filter(m -> m.state() == MembershipState.ACTIVE);
    }

    private String transferPage(Model model, Member m, String district, String township, String reason, Locale locale) {
        model.addAttribute("union", service.unionName(m.organizationId()));
        model.addAttribute("district", district);
        model.addAttribute("township", township);
        model.addAttribute("reason", reason);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", java.util.Map.of());
        }
        unions.addTo(model, district, locale);
        return "membership/transfer";
    }

    @PostMapping("/m/member/withdraw")
    String withdraw(@RequestParam(defaultValue = "false") boolean confirm) {
        if (!confirm) {
            return "redirect:/m/member?confirmWithdraw";
        }
        try {
            service.withdraw(Workers.current());
        } catch (IllegalStateException | MemberChangedConcurrentlyException e) {
            return "redirect:/m/member";
        }
        return "redirect:/m/member?withdrawn";
    }
}
