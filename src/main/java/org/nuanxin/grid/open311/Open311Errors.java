package org.nuanxin.grid.open311;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Answers every error of a request under {@code /open311/} in the standard's format, before Spring's own resolvers
 * (problem details, error pages) see it: {@code [{"code":404,"description":"…"}]} or
 * {@code <errors><error><code>404</code><description>…</description></error></errors>}, XML when the path ends in
 * {@code .xml}, with the same HTTP status. Covers the adapter's own refusals ({@link Open311Exception}), the report
 * service's field problems (400, each naming the Open311 parameter), an unknown path (404), a method the path does not
 * take (405, with {@code Allow}) and anything unexpected (500, logged without the request's parameters). Requests
 * elsewhere are left to the other resolvers.
 */
@Component
class Open311Errors implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(Open311Errors.class);

    /** The report service's field names and the Open311 parameters they come from. */
    private static final Map<String, String> PARAMETERS = Map.of(
            "category", "service_code",
            "description", "description",
            "location", "lat/long",
            "address", "address_string",
            "photo", "media_url");

    private final Open311Writer writer;
    private final MessageSource messages;

    Open311Errors(Open311Writer writer, MessageSource messages) {
        this.writer = writer;
        this.messages = messages;
    }

    /** Before the kernel's problem details and Spring's defaults (after Boot's error-attributes recorder). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    /** @return whether the request is one of the Open311 API's */
    static boolean isOpen311(HttpServletRequest request) {
        return path(request).startsWith("/open311/");
    }

    @Override
    public @Nullable ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception ex) {
        if (!isOpen311(request)) {
            return null;
        }
        ResponseEntity<byte[]> answer = answer(request, ex);
        try {
            response.setStatus(answer.getStatusCode().value());
            answer.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
            response.getOutputStream().write(answer.getBody() == null ? new byte[0] : answer.getBody());
            response.flushBuffer();
        } catch (IOException e) {
            log.debug("Open311 error answer not written: the client went away");
        }
        return new ModelAndView();
    }

    /** @return the standard error answer for {@code ex} in the format the request's path asks for */
    ResponseEntity<byte[]> answer(HttpServletRequest request, Exception ex) {
        Open311Format format = Open311Format.forErrorsOf(path(request));
        Locale locale = LocaleContextHolder.getLocale();
        if (ex instanceof Open311Exception e) {
            return errors(format, e.status(), List.of(error(e.status(), e, locale)));
        }
        if (ex instanceof InvalidInputException e) {
            return errors(
                    format,
                    HttpStatus.BAD_REQUEST,
                    e.errors().stream().map(p -> fieldError(p, locale)).toList());
        }
        if (ex instanceof NoResourceFoundException) {
            return one(format, HttpStatus.NOT_FOUND, "grid.open311.error.path", locale);
        }
        if (ex instanceof HttpRequestMethodNotSupportedException e) {
            ResponseEntity<byte[]> answer =
                    one(format, HttpStatus.METHOD_NOT_ALLOWED, "grid.open311.error.method", locale, e.getMethod());
            return e.getSupportedHttpMethods() == null
                    ? answer
                    : ResponseEntity.status(answer.getStatusCode())
                            .headers(answer.getHeaders())
                            .header(HttpHeaders.ALLOW, String.join(", ", e.getSupportedMethods()))
                            .body(answer.getBody());
        }
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            return one(format, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "grid.open311.error.contentType", locale);
        }
        if (ex instanceof org.springframework.web.ErrorResponse e
                && e.getStatusCode().is4xxClientError()) {
            return one(format, e.getStatusCode(), "grid.open311.error.request", locale);
        }
        // The message may hold what the client sent; the path and the exception's class are enough to find it.
        log.error("Open311 {} {} failed", request.getMethod(), path(request), ex);
        return one(format, HttpStatus.INTERNAL_SERVER_ERROR, "grid.open311.error.internal", locale);
    }

    private ResponseEntity<byte[]> one(
            Open311Format format, HttpStatusCode status, String code, Locale locale, Object... args) {
        return errors(
                format,
                status,
                List.of(new Open311Wire.Error(status.value(), messages.getMessage(code, args, locale))));
    }

    private ResponseEntity<byte[]> errors(Open311Format format, HttpStatusCode status, List<Open311Wire.Error> errors) {
        return writer.errors(format, status, errors);
    }

    private Open311Wire.Error error(HttpStatusCode status, MessageSourceResolvable message, Locale locale) {
        return new Open311Wire.Error(status.value(), messages.getMessage(message, locale));
    }

    /** A report-service problem: {@code description: 描述不能超过 500 个字}, named by the Open311 parameter. */
    private Open311Wire.Error fieldError(FieldProblem problem, Locale locale) {
        String parameter = PARAMETERS.getOrDefault(problem.field(), problem.field());
        return new Open311Wire.Error(400, parameter + ": " + messages.getMessage(problem, locale));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
