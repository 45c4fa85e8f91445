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
 *              beyond what the user typed into this field
 */
public record FieldProblem(String field, String code, List<Object> args) implements MessageSourceResolvable {

    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
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
