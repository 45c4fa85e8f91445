package org.nuanxin.kernel;

import java.util.List;

/**
 * Thrown by any module when a request's input is wrong; answered as an RFC 9457 problem detail
 * (400) whose {@code errors} list names each field with its code and text, or as the form shown
 * again with the messages beside the fields.
 */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldProblem> errors;

    /**
     * @param errors one entry per problem, never empty
     * @throws IllegalArgumentException when {@code errors} is empty
     */
    public InvalidInputException(List<FieldProblem> errors) {
        super(
                errors.isEmpty()
                        ? "invalid input"
                        : errors.get(0).field() + ": " + errors.get(0).code());
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("at least one field problem is required");
        }
        this.errors = List.copyOf(errors);
    }

    /** One problem of one field: its message code and arguments. */
    public InvalidInputException(String field, String code, Object... args) {
        this(List.of(FieldProblem.of(field, code, args)));
    }

    /** @return the problems, in the order they were found */
    public List<FieldProblem> errors() {
        return errors;
    }
}
