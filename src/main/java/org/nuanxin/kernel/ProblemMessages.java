package org.nuanxin.kernel;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Resolves {@link FieldProblem}s to text in a language, for views: one message per field for forms,
 * or one line per problem for lists. A code without a message shows as the code itself.
 */
@Component
public class ProblemMessages {

    private final MessageSource messages;

    ProblemMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** @return the problem's text in {@code locale} */
    public String text(FieldProblem problem, Locale locale) {
        return messages.getMessage(problem, locale);
    }

    /**
     * @return the text of every problem in {@code locale}, in order, each different text once (a point
     *     outside the city is a problem of both latitude and longitude, but one line for the reader)
     */
    public List<String> texts(List<FieldProblem> problems, Locale locale) {
        return problems.stream().map(p -> text(p, locale)).distinct().toList();
    }

    /**
     * @return field name → text, in the order fields first appear; several different problems of one
     *         field are joined with the language's separator (；)
     */
    public Map<String, String> byField(List<FieldProblem> problems, Locale locale) {
        Map<String, Set<String>> texts = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            texts.computeIfAbsent(p.field(), f -> new LinkedHashSet<>()).add(text(p, locale));
        }
        String separator = messages.getMessage("kernel.problem.separator", null, "; ", locale);
        Map<String, String> byField = new LinkedHashMap<>();
        texts.forEach((field, lines) -> byField.put(field, String.join(separator, lines)));
        return byField;
    }
}
