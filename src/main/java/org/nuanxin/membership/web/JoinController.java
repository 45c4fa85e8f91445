package org.nuanxin.membership.web;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.nuanxin.identity.CurrentWorker;
import org.nuanxin.identity.Masks;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.kernel.ProblemMessages;
import org.nuanxin.membership.EnrollmentRoute;
import org.nuanxin.membership.Occupation;
import org.nuanxin.membership.internal.AlreadyMemberException;
import org.nuanxin.membership.internal.JoinRequest;
import org.nuanxin.membership.internal.Member;
import org.nuanxin.membership.internal.MemberChangedConcurrentlyException;
import org.nuanxin.membership.internal.WorkerMembershipService;
import org.nuanxin.organization.EnterpriseDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 一键入会: the join form for the signed-in worker. The mobile number is the signed-in one (shown masked, never
 * typed). Works without JavaScript: "show townships" posts the form and is redirected back to it with the
 * district's townships and what was typed (kept in the session as a flash attribute, never in the URL), so Back
 * after joining never asks to resend a form; with JavaScript, "use my location" picks the district from the phone's
 * position the same way. A refusal is shown beside its field; the worker's own existing membership is named by its
 * state and union, someone else's not at all; a join ends with a redirect to the member page.
 */
@Controller
class JoinController {

    private final WorkerMembershipService service;
    private final EnterpriseDirectory enterprises;
    private final UnionChoice unions;
    private final ProblemMessages problems;

    JoinController(
            WorkerMembershipService service,
            EnterpriseDirectory enterprises,
            UnionChoice unions,
            ProblemMessages problems) {
        this.service = service;
        this.enterprises = enterprises;
        this.unions = unions;
        this.problems = problems;
    }

    /** The form's values as typed (kept across the township step's redirect in the session, so serializable). */
    record JoinForm(
            String name,
            String residentIdNumber,
            String occupation,
            String enterpriseId,
            String route,
            String district,
            String township,
            boolean consent)
            implements Serializable {

        static JoinForm empty() {
            return new JoinForm("", "", "", "", EnrollmentRoute.WORK_LOCATION.name(), "", "", false);
        }
    }

    @GetMapping("/m/join")
    String form(Model model, Locale locale) {
        CurrentWorker worker = Workers.current();
        Optional<Member> mine = service.mine(worker);
        if (mine.isPresent() && !mine.get().state().mayApplyAgain()) {
            return "redirect:/m/member";
        }
        if (model.getAttribute("form") instanceof JoinForm typed) {
            // Back from the township or location step: what was typed, as a flash attribute.
            return page(model, typed, worker, locale);
        }
        JoinForm form = JoinForm.empty();
        if (mine.isPresent()) {
            // A rejoin or a new try after a rejection: the name and occupation held are offered again.
            Member m = mine.get();
            form = new JoinForm(
                    m.name() == null ? "" : m.name(),
                    "",
                    m.occupation().name(),
                    m.enterpriseId() == null ? "" : m.enterpriseId().toString(),
                    m.route().name(),
                    "",
                    "",
                    false);
        }
        return page(model, form, worker, locale);
    }

    @PostMapping("/m/join")
    String submit(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String residentIdNumber,
            @RequestParam(defaultValue = "") String occupation,
            @RequestParam(defaultValue = "") String enterpriseId,
            @RequestParam(defaultValue = "") String route,
            @RequestParam(defaultValue = "") String district,
            @RequestParam(defaultValue = "") String township,
            @RequestParam(defaultValue = "false") boolean consent,
            @RequestParam(defaultValue = "") String noticeVersion,
            @RequestParam(defaultValue = "") String step,
            @RequestParam(required = false) @Nullable String lat,
            @RequestParam(required = false) @Nullable String lng,
            @RequestParam(required = false) @Nullable String crs,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        CurrentWorker worker = Workers.current();
        JoinForm form =
                new JoinForm(name, residentIdNumber, occupation, enterpriseId, route, district, township, consent);
        if (step.equals("district")) {
            redirect.addFlashAttribute("form", form);
            return "redirect:/m/join#district";
        }
        if (step.equals("locate")) {
            Optional<String> located = unions.districtAt(lat, lng, crs);
            if (located.isEmpty()) {
                redirect.addFlashAttribute("locateFailed", true);
                redirect.addFlashAttribute("form", form);
            } else {
                redirect.addFlashAttribute(
                        "form",
                        new JoinForm(
                                name, residentIdNumber, occupation, enterpriseId, route, located.get(), "", consent));
            }
            return "redirect:/m/join#district";
        }
        try {
            service.join(
                    worker,
                    new JoinRequest(
                            name,
                            residentIdNumber,
                            occupation,
                            enterpriseId,
                            route,
                            district,
                            township,
                            consent,
                            noticeVersion));
            return "redirect:/m/member?applied";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", problems.byField(e.errors(), locale));
        } catch (AlreadyMemberException e) {
            // Only ever the worker's own record (a number held by another phone is an InvalidInputException).
            if (!e.existing().state().mayApplyAgain()) {
                return "redirect:/m/member";
            }
            model.addAttribute("existing", e.existing());
        } catch (MemberChangedConcurrentlyException e) {
            model.addAttribute("concurrent", true);
        }
        return page(model, form, worker, locale);
    }

    private String page(Model model, JoinForm form, CurrentWorker worker, Locale locale) {
        model.addAttribute("form", form);
        model.addAttribute("mobile", Masks.mobile(worker.mobile()));
        model.addAttribute("occupations", List.of(Occupation.values()));
        model.addAttribute("routes", List.of(EnrollmentRoute.values()));
        model.addAttribute("platforms", enterprises.platforms());
        model.addAttribute("noticeVersion", WorkerMembershipService.NOTICE_VERSION);
        unions.addTo(model, form.district(), locale);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", java.util.Map.of());
        }
        return "membership/join";
    }
}
