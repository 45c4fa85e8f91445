package org.nuanxin.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Answers unauthenticated (401) and forbidden (403) API requests with an RFC 9457 problem detail
 * instead of the login redirect that browsers get. Written by hand because the security filter
 * runs before Spring MVC's message converters.
 */
@Component
class ApiProblemWriter {

    private final MessageSource messages;
    private final ObjectProvider<LocaleResolver> localeResolver;

    ApiProblemWriter(MessageSource messages, ObjectProvider<LocaleResolver> localeResolver) {
        this.messages = messages;
        this.localeResolver = localeResolver;
    }

    void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        response.setHeader("WWW-Authenticate", "FormBased");
        write(request, response, 401, "identity.problem.unauthorized");
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        write(request, response, 403, "identity.problem.forbidden");
    }

    /** 413: an upload over the container's limit (the kernel's {@code kernel.problem.too-large} text). */
    void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        write(request, response, 413, "kernel.problem.too-large");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, int status, String key)
            throws IOException {
        Locale locale = locale(request);
        String title = messages.getMessage(key + ".title", null, locale);
        String detail = messages.getMessage(key + ".detail", null, locale);
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":" + json(title) + ",\"status\":" + status + ",\"detail\":"
                        + json(detail) + ",\"instance\":" + json(request.getRequestURI()) + "}");
    }

    // Security filters run before the DispatcherServlet, so ask the resolver (the language cookie) directly.
    private Locale locale(HttpServletRequest request) {
        LocaleResolver resolver = localeResolver.getIfAvailable();
        return resolver != null ? resolver.resolveLocale(request) : Locale.SIMPLIFIED_CHINESE;
    }

    static String json(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
