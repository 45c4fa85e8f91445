package org.nuanxin.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.nuanxin.identity.CurrentWorker;
import org.nuanxin.identity.Masks;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.kernel.ProblemMessages;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The worker sign-in pages ({@code /m/signin}): the mobile number, then the one-time code, then the worker's session;
 * and sign-out. Phone-first and without JavaScript. No session exists before the code is right: the number waits in
 * the code form (a hidden field of a POST, never the URL). The session starts with a new id, and the CSRF token is
 * renewed. Where the worker goes afterwards is {@code next}, a local {@code /m/} path ({@link WorkerNext}).
 */
@Controller
class WorkerSignInController {

    private final WorkerSignIn signIn;
    private final MessageSource messages;
    private final ProblemMessages problems;
    private final Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    WorkerSignInController(WorkerSignIn signIn, MessageSource messages, ProblemMessages problems, Clock clock) {
        this.signIn = signIn;
        this.messages = messages;
        this.problems = problems;
        this.clock = clock;
    }

    @GetMapping("/m/signin")
    String signInPage(@RequestParam(required = false) @Nullable String next, Model model) {
        model.addAttribute("next", safeNext(next));
        model.addAttribute("mobile", "");
        return "identity/worker-signin";
    }

    /** The code page answers POSTs only; its language links (GET) lead back to the first step. */
    @GetMapping("/m/signin/code")
    String codePageByGet() {
        return "redirect:/m/signin";
    }

    @PostMapping("/m/signin/code")
    String sendCode(
            @RequestParam(defaultValue = "") String mobile,
            @RequestParam(required = false) @Nullable String next,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        model.addAttribute("next", safeNext(next));
        String e164;
        try {
            e164 = WorkerSignIn.mobile(mobile);
        } catch (InvalidInputException e) {
            model.addAttribute("mobile", mobile.length() > 40 ? mobile.substring(0, 40) : mobile);
            model.addAttribute("problem", problems.text(e.errors().get(0), locale));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "identity/worker-signin";
        }
        WorkerSignIn.Sent sent = signIn.sendCode(e164, request.getRemoteAddr(), locale);
        if (sent != WorkerSignIn.Sent.SENT) {
            model.addAttribute("mobile", mobile);
            model.addAttribute(
                    "problem",
                    messages.getMessage(
                            sent == WorkerSignIn.Sent.CLIENT_LIMIT
                                    ? "identity.signin.tooMany"
                                    : "identity.signin.smsUnavailable",
                            null,
                            locale));
            response.setStatus(
                    sent == WorkerSignIn.Sent.CLIENT_LIMIT
                            ? 429 // Too Many Requests
                            : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return "identity/worker-signin";
        }
        return codePage(e164, model);
    }

    @PostMapping("/m/signin")
    String checkCode(
            @RequestParam(defaultValue = "") String mobile,
            @RequestParam(defaultValue = "") String code,
            @RequestParam(required = false) @Nullable String next,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        String e164;
        try {
            e164 = WorkerSignIn.mobile(mobile);
        } catch (InvalidInputException e) {
            // The number comes from the code form's hidden field: start again.
            return "redirect:/m/signin";
        }
        Optional<WorkerPrincipal> worker = signIn.checkCode(e164, code, request.getRemoteAddr());
        if (worker.isEmpty()) {
            model.addAttribute("next", safeNext(next));
            model.addAttribute("problem", messages.getMessage("identity.signin.code.wrong", null, locale));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return codePage(e164, model);
        }
        startSession(worker.get(), request, response);
        return "redirect:" + WorkerNext.orDefault(next);
    }

    @PostMapping("/m/signout")
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        // Ends a worker's session only: a staff member's session is ended by the console's sign-out.
        if (CurrentWorker.get().isPresent()) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            SecurityConfiguration.csrfTokens().saveToken(null, request, response);
        }
        return "redirect:/m/signin?signedOut";
    }

    /** The signed-in worker's own page: the number (masked), sign-out; the membership pages link from here. */
    @GetMapping("/m/me")
    String me(Model model) {
        CurrentWorker worker = CurrentWorker.get().orElseThrow(() -> new AccessDeniedException("a worker page"));
        model.addAttribute("maskedMobile", Masks.mobile(worker.mobile()));
        return "identity/worker-me";
    }

    private String codePage(String e164, Model model) {
        model.addAttribute("mobile", e164);
        model.addAttribute("maskedMobile", Masks.mobile(e164));
        model.addAttribute("resendSeconds", signIn.resendAfter().toSeconds());
        model.addAttribute("lifetimeMinutes", signIn.codeLifetime().toMinutes());
        return "identity/worker-signin-code";
    }

    private void startSession(WorkerPrincipal worker, HttpServletRequest request, HttpServletResponse response) {
        // A new session (a new id): whatever session this browser had, staff or stale, ends here.
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(worker.authentication());
        SecurityContextHolder.setContext(context);
        HttpSession session = request.getSession(true);
        session.setAttribute(AccountStillValidFilter.SIGNED_IN_AT, clock.instant());
        contexts.saveContext(context, request, response);
        // A new CSRF token for the signed-in worker (the next page makes one).
        SecurityConfiguration.csrfTokens().saveToken(null, request, response);
    }

    private static @Nullable String safeNext(@Nullable String next) {
        return WorkerNext.isSafe(next) ? next : null;
    }
}
