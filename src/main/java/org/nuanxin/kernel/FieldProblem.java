package org.nuanxin.kernel;

import java.util.List;
import java.util.Objects;
import org.springframework.context.MessageSourceResolvable;

/**
 * One wrong field of a request, form or spreadsheet row: the field's name, a message code and the
 * code's arguments. It carries no text: the view resolves the code in the user's language (see
 * {@link ProblemMessages}), so an API client, the audit log and both languages see the same problem.
 *
 * <pre>{@code
 * FieldProblem.of("contactPhone", "station.error.phone", "123")   // → 联系电话“123”不是有效的号码 / in English …
 * }</pre>
 *
 * @param field the request parameter or form field, e.g. {@code "latitude"}
 * @param code  a key of a {@code messages/*.properties} bundle, e.g. {@code "station.error.required"}
 * @param args  the message's arguments ({0}, {1}, …): strings and numbers only, never personal data
 *              beyond what the user typed into this field. A string longer than {@link #MAX_ECHO} code
 *              points is cut to that many and ends with "…", so a problem never echoes unbounded input
 *              (a 5,000-character district in a link, a pasted page in a cell).
 */
public record FieldProblem(String field, String code, List<Object> args) implements MessageSourceResolvable {

    /** The most code points of a string argument a problem repeats back; longer ones are cut and end with "…". */
    public static final int MAX_ECHO = 64;

    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        args = args.stream().map(FieldProblem::bounded).toList();
    }

    private static Object bounded(Object arg) {
        Objects.requireNonNull(arg, "a problem's argument");
        if (arg instanceof String s && s.codePointCount(0, s.length()) > MAX_ECHO) {
            return s.substring(0, s.offsetByCodePoints(0, MAX_ECHO - 1)) + "…";
        }
        return arg;
    }

    /** A problem with positional message arguments. */
    public static FieldProblem of(String field, String code, Object... args) {
        return new FieldProblem(field, code, List.of(args));
    }

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return args.toArray();
    }

    /** The code itself, so that a missing translation shows which message is missing instead of failing. */
    @Override
    public String getDefaultMessage() {
        return code;
    }
}
