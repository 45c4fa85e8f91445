package org.nuanxin.kernel.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Turns every error of a request under {@code /api/**} into an RFC 9457 problem detail
 * ({@code application/problem+json}) with a localised title and detail and, for input errors, an
 * {@code errors} array of {@code {field, code, message}}: the code is stable across languages
 * (e.g. {@code finder.error.lat}), the message is in the request's language. Requests elsewhere (console and worker pages)
 * are handed back untouched by re-throwing, so Spring's default resolvers and the error pages deal
 * with them. It applies without a handler too (an upload that is too large fails before one is
 * chosen).
 *
 * <p>This advice has the lowest precedence: a module with its own advice must give it an
 * {@code @Order} so that it is consulted first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);
    private final MessageSource messages;

    ApiProblemAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException ex, HttpServletRequest request) throws Exception {
        apiOnly(ex, request);
        return problem(
                HttpStatus.BAD_REQUEST,
                "kernel.problem.invalid",
                request,
                ex.errors().stream()
                        .map(p -> new Entry(p.field(), p.code(), messages.getMessage(p, locale())))
                        .toList());
    }

    @ExceptionHandler(TypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(TypeMismatchException ex, HttpServletRequest request) throws Exception {
        apiOnly(ex, request);
        String field = ex.getPropertyName() == null ? "?" : ex.getPropertyName();
        // The rejected value is not echoed: it may be personal data typed into the wrong parameter.
        return problem(
                HttpStatus.BAD_REQUEST,
                "kernel.problem.invalid",
                request,
                List.of(entry(FieldProblem.of(field, "kernel.problem.field.type", field))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException ex, HttpServletRequest request)
            throws Exception {
        apiOnly(ex, request);
        String field = ex.getParameterName();
        return problem(
                HttpStatus.BAD_REQUEST,
                "kernel.problem.invalid",
                request,
                List.of(entry(FieldProblem.of(field, "kernel.problem.field.missing", field))));
    }

    /** Also {@code MethodArgumentNotValidException} (a {@code BindException}): {@code @Valid} bodies and forms. */
    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> bind(BindException ex, HttpServletRequest request) throws Exception {
        apiOnly(ex, request);
        List<Entry> errors = new ArrayList<>();
        ex.getBindingResult()
                .getFieldErrors()
                .forEach(fe -> errors.add(new Entry(fe.getField(), fe.getCode(), text(fe))));
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(ge -> errors.add(new Entry(ge.getObjectName(), ge.getCode(), text(ge))));
        return problem(HttpStatus.BAD_REQUEST, "kernel.problem.invalid", request, errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> methodValidation(HandlerMethodValidationException ex, HttpServletRequest request)
            throws Exception {
        apiOnly(ex, request);
        List<Entry> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String name = parameterName(result.getMethodParameter());
            if (result instanceof ParameterErrors pe) {
                for (FieldError fe : pe.getFieldErrors()) {
                    errors.add(new Entry(name + "." + fe.getField(), fe.getCode(), text(fe)));
                }
                pe.getGlobalErrors().forEach(ge -> errors.add(new Entry(name, ge.getCode(), text(ge))));
            } else {
                result.getResolvableErrors().forEach(e -> errors.add(new Entry(name, firstCode(e), text(e))));
            }
        }
        return problem(HttpStatus.BAD_REQUEST, "kernel.problem.invalid", request, errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex, HttpServletRequest request)
            throws Exception {
        apiOnly(ex, request);
        List<Entry> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : ex.getConstraintViolations()) {
            String field = "";
            for (Path.Node node : v.getPropertyPath()) {
                field = node.getName() == null ? field : node.getName();
            }
            errors.add(new Entry(field, v.getMessageTemplate(), v.getMessage()));
        }
        return problem(HttpStatus.BAD_REQUEST, "kernel.problem.invalid", request, errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request)
            throws Exception {
        apiOnly(ex, request);
        return problem(HttpStatus.BAD_REQUEST, "kernel.problem.unreadable", request, List.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request)
            throws Exception {
        apiOnly(ex, request);
        return problem(HttpStatus.CONTENT_TOO_LARGE, "kernel.problem.too-large", request, List.of());
    }

    /**
     * Spring MVC's own errors (404, 405, 415, ...) keep their status with a localised text;
     * anything else is a 500 that says nothing about the cause: the stack trace goes to the log only.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception ex, HttpServletRequest request) throws Exception {
        if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
            throw ex; // Spring Security's filter answers these (401/403 problem details for the API).
        }
        apiOnly(ex, request);
        if (clientWentAway(ex)) {
            // The client closed the connection (a rider's phone lost signal): nothing to answer, nothing wrong here.
            log.debug("Client closed the connection on {} {}", request.getMethod(), request.getRequestURI());
            return null;
        }
        if (ex instanceof ErrorResponse er) {
            HttpStatusCode status = er.getStatusCode();
            ProblemDetail body = ProblemDetail.forStatus(status);
            body.setTitle(statusTitle(status));
            String detail = messages.getMessage(
                    er.getDetailMessageCode(),
                    er.getDetailMessageArguments(messages, locale()),
                    er.getBody().getDetail(),
                    locale());
            body.setDetail(detail);
            return respond(body, request, er.getHeaders().getAllow().isEmpty() ? null : er.getHeaders());
        }
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "kernel.problem.internal", request, List.of());
    }

    private static boolean clientWentAway(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof org.springframework.web.context.request.async.AsyncRequestNotUsableException
                    || t.getClass().getName().equals("org.apache.catalina.connector.ClientAbortException")) {
                return true;
            }
        }
        return false;
    }

    /** Re-throws for non-API requests: the advice answers only under {@code /api/}. */
    private static void apiOnly(Exception ex, HttpServletRequest request) throws Exception {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            throw ex;
        }
    }

    private ResponseEntity<ProblemDetail> problem(
            HttpStatus status, String key, HttpServletRequest request, List<Entry> errors) {
        ProblemDetail body = ProblemDetail.forStatus(status);
        body.setTitle(text(key + ".title"));
        body.setDetail(text(key + ".detail"));
        if (!errors.isEmpty()) {
            body.setProperty(
                    "errors",
                    errors.stream()
                            .map(e -> {
                                Map<String, String> m = new java.util.LinkedHashMap<>();
                                m.put("field", e.field());
                                if (e.code() != null) {
                                    m.put("code", e.code());
                                }
                                m.put("message", e.message());
                                return m;
                            })
                            .toList());
        }
        return respond(body, request, null);
    }

    private static ResponseEntity<ProblemDetail> respond(
            ProblemDetail body, HttpServletRequest request, org.springframework.http.HttpHeaders headers) {
        body.setInstance(URI.create(request.getRequestURI()));
        var builder = ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (headers != null) {
            builder.headers(headers);
        }
        return builder.body(body);
    }

    private String statusTitle(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String fallback = known == null ? String.valueOf(status.value()) : known.getReasonPhrase();
        return messages.getMessage("kernel.problem.status." + status.value(), null, fallback, locale());
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam rp = parameter.getParameterAnnotation(RequestParam.class);
        if (rp != null && !(rp.name() + rp.value()).isEmpty()) {
            return rp.name().isEmpty() ? rp.value() : rp.name();
        }
        PathVariable pv = parameter.getParameterAnnotation(PathVariable.class);
        if (pv != null && !(pv.name() + pv.value()).isEmpty()) {
            return pv.name().isEmpty() ? pv.value() : pv.name();
        }
        String name = parameter.getParameterName();
        return name == null ? "arg" + parameter.getParameterIndex() : name;
    }

    /** One entry of the {@code errors} array. */
    private record Entry(String field, String code, String message) {}

    private Entry entry(FieldProblem p) {
        return new Entry(p.field(), p.code(), messages.getMessage(p, locale()));
    }

    private static String firstCode(MessageSourceResolvable resolvable) {
        String[] codes = resolvable.getCodes();
        return codes == null || codes.length == 0 ? null : codes[0];
    }

    private String text(MessageSourceResolvable resolvable) {
        return messages.getMessage(resolvable, locale());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
