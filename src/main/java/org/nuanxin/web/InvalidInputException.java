package org.nuanxin.web;

import java.util.List;

/**
 * Thrown by any module when a request's input is wrong; answered as an RFC 9457 problem detail
 * (400) whose {@code errors} list names each field, or as the form re-shown with field messages.
 *
 * @param errors one entry per wrong field, never empty
 */
public class InvalidInputException extends RuntimeException {

    /** One wrong field: its request name, and a message already in the user's language. */
    public record FieldProblem(String field, String message) {
    }

    private final transient List<FieldProblem> errors;

    public InvalidInputException(List<FieldProblem> errors) {
        super(errors.isEmpty() ? "invalid input" : errors.get(0).field() + ": " + errors.get(0).message());
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("at least one field problem is required");
        }
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
