package org.nuanxin.identity.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After a sign-in: clears the throttle for this account and address, marks the session with the
 * sign-in time (its absolute lifetime counts from here), and goes to the console page the person
 * wanted (from {@link ConsoleReturnCookie}) or the console home, by a relative redirect.
 */
final class LoginSuccessHandler implements AuthenticationSuccessHandler {

    private final SignInThrottle throttle;
    private final Clock clock;
    private final ConsoleReturnCookie returnCookie;
    private final SavedRequestAwareAuthenticationSuccessHandler target =
            new SavedRequestAwareAuthenticationSuccessHandler();

    LoginSuccessHandler(SignInThrottle throttle, Clock clock, ConsoleReturnCookie returnCookie) {
        this.throttle = throttle;
        this.clock = clock;
        this.returnCookie = returnCookie;
        target.setDefaultTargetUrl("/console");
        target.setRequestCache(returnCookie);
        target.setRedirectStrategy((request, response, url) -> {
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", url.startsWith("/") ? url : request.getContextPath() + "/console");
        });
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        throttle.succeeded(authentication.getName(), request.getRemoteAddr());
        request.getSession().setAttribute(AccountStillValidFilter.SIGNED_IN_AT, clock.instant());
        target.onAuthenticationSuccess(request, response, authentication);
        returnCookie.removeRequest(request, response);
    }
}
