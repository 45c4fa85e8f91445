package org.nuanxin.membership.web;

import java.util.Map;
import java.util.Optional;
import org.nuanxin.identity.CurrentWorker;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.membership.internal.Member;
import org.nuanxin.membership.internal.MemberChangedConcurrentlyException;
import org.nuanxin.membership.internal.WorkerMembershipService;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The worker's own data (PIPL arts. 44–47): everything held about them (/m/me/data), a copy as JSON
 * (/m/me/data.json), and withdraw-and-erase, with the page saying what is erased and what the union keeps and why
 * (right after the erasure, the kept record itself).
 */
@Controller
class MyDataController {

    private final WorkerMembershipService service;
    private final CityTime time;

    MyDataController(WorkerMembershipService service, CityTime time) {
        this.service = service;
        this.time = time;
    }

    @GetMapping("/m/me/data")
    String page(Model model) {
        CurrentWorker worker = Workers.current();
        Optional<Member> mine = service.mine(worker);
        model.addAttribute("member", mine.orElse(null));
        model.addAttribute("mobile", worker.mobile());
        mine.ifPresent(m -> {
            model.addAttribute("union", service.unionName(m.organizationId()));
            model.addAttribute("history", History.of(service.periods(m)));
            model.addAttribute(
                    "consentAt",
                    m.consentAt() == null
                            ? ""
                            : time.local(m.consentAt())
                                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        });
        model.addAttribute("data", service.myData(worker).orElse(null));
        return "membership/data";
    }

    /** The worker's copy: their membership data, or (none held, e.g. after erasure) the sign-in mobile only. */
    @GetMapping(value = "/m/me/data.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> json() {
        CurrentWorker worker = Workers.current();
        Map<String, Object> data = service.myData(worker).orElseGet(() -> Map.of("mobile", worker.mobile()));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("nuanxin-my-data.json")
                                .build()
                                .toString())
                .body(data);
    }

    @PostMapping("/m/me/data/erase")
    String erase(@RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes redirect) {
        if (!confirm) {
            return "redirect:/m/me/data?confirmErase";
        }
        try {
            // Shown once: the kept record is no longer linked to the worker's phone.
            WorkerMembershipService.Kept kept = service.withdrawAndErase(Workers.current());
            redirect.addFlashAttribute("kept", kept);
            redirect.addFlashAttribute("keptHistory", History.of(kept.periods()));
        } catch (IllegalStateException | MemberChangedConcurrentlyException e) {
            return "redirect:/m/me/data";
        }
        return "redirect:/m/me/data?erased";
    }
}
