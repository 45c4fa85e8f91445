package org.nuanxin.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * After a failed sign-in: counts it for the throttle ({@link SignInThrottle}) and answers
 * "wrong username or password", the same words and status for a wrong password, an unknown name, a
 * disabled account and a throttled attempt, so the answer never tells which usernames exist.
 */
@Component
class LoginFailureHandler implements AuthenticationFailureHandler {

    static final String ERROR_URL = "/login?error";

    private final SignInThrottle throttle;

    LoginFailureHandler(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        throttle.failed(String.valueOf(request.getParameter("username")), request.getRemoteAddr());
        answer(request, response);
    }

    static void answer(HttpServletRequest request, HttpServletResponse response) {
        // Relative: never built from the Host header.
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", request.getContextPath() + ERROR_URL);
    }
}
