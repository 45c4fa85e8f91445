package org.nuanxin.organization.internal.enterprise;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.nuanxin.geo.Division;
import org.nuanxin.geo.Divisions;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.organization.UnifiedSocialCreditCode;
import org.springframework.stereotype.Component;

/**
 * Checks an enterprise as typed, for the console form and import rows alike, and says every problem
 * with the field's name and a message code of {@code messages/enterprise} (the credit code's refusals
 * are {@link UnifiedSocialCreditCode.Refusal} codes of {@code messages/organization}).
 */
@Component
class EnterpriseValidator {

    static final int MAX_NAME = 100;
    static final int MAX_NOTES = 1000;
    static final int MAX_WORKERS = 10_000_000;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,50}");
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");
    private static final Pattern COUNT = Pattern.compile("\\d{1,9}(\\.0+)?");

    private final Divisions divisions;
    private final CityTime time;

    EnterpriseValidator(Divisions divisions, CityTime time) {
        this.divisions = divisions;
        this.time = time;
    }

    /**
     * @return the checked values
     * @throws InvalidInputException naming every wrong field
     */
    EnterpriseValues validate(EnterpriseInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        EnterpriseValues values = validate(in, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return values;
    }

    /**
     * Checks {@code in}, adding each problem to {@code problems}.
     *
     * @return the values when there was no problem, else null
     */
    @Nullable
    EnterpriseValues validate(EnterpriseInput in, List<FieldProblem> problems) {
        int before = problems.size();
        String name = text(in.name());
        if (name == null) {
            problems.add(FieldProblem.of("name", "enterprise.error.required"));
        } else if (name.length() > MAX_NAME) {
            problems.add(FieldProblem.of("name", "enterprise.error.tooLong", MAX_NAME));
        }
        UnifiedSocialCreditCode.Result code = UnifiedSocialCreditCode.parse(in.creditCode());
        code.problem("creditCode").ifPresent(problems::add);

        Industry industry = null;
        String industryText = text(in.industry());
        if (industryText == null) {
            problems.add(FieldProblem.of("industry", "enterprise.error.required"));
        } else {
            industry = Industry.parse(industryText).orElse(null);
            if (industry == null) {
                problems.add(FieldProblem.of("industry", "enterprise.error.industry", industryText));
            }
        }
        EnterpriseSize size = null;
        String sizeText = text(in.size());
        if (sizeText != null) {
            size = EnterpriseSize.parse(sizeText).orElse(null);
            if (size == null) {
                problems.add(FieldProblem.of("size", "enterprise.error.size", sizeText));
            }
        }
        String district = null;
        String districtText = text(in.district());
        if (districtText == null) {
            problems.add(FieldProblem.of("district", "enterprise.error.required"));
        } else {
            district =
                    divisions.districtByName(districtText).map(Division::code).orElse(null);
            if (district == null) {
                problems.add(FieldProblem.of("district", "enterprise.error.district", districtText));
            }
        }
        boolean platform = flag("platform", in.platform(), problems);
        boolean head = flag("head", in.head(), problems);
        boolean backbone = flag("backbone", in.backbone(), problems);

        Integer workers = null;
        String workersText = text(in.workerCount());
        if (workersText != null) {
            String digits = workersText.replace(",", "").replace("，", "");
            if (COUNT.matcher(digits).matches() && Long.parseLong(digits.replaceAll("\\.0+$", "")) <= MAX_WORKERS) {
                workers = Integer.parseInt(digits.replaceAll("\\.0+$", ""));
            } else {
                problems.add(FieldProblem.of("workerCount", "enterprise.error.workerCount", workersText, MAX_WORKERS));
            }
        }

        UnionStatus status = UnionStatus.NONE;
        String statusText = text(in.unionStatus());
        if (statusText != null) {
            status = UnionStatus.parse(statusText).orElse(null);
            if (status == null) {
                problems.add(FieldProblem.of("unionStatus", "enterprise.error.unionStatus", statusText));
            }
        }
        LocalDate established = null;
        String dateText = text(in.unionEstablishedOn());
        if (dateText != null) {
            established = date(dateText);
            if (established == null) {
                problems.add(FieldProblem.of("unionEstablishedOn", "enterprise.error.date", dateText));
            } else if (established.isAfter(time.today())) {
                problems.add(FieldProblem.of("unionEstablishedOn", "enterprise.error.dateFuture", dateText));
                established = null;
            }
        }
        if (status == UnionStatus.ESTABLISHED && established == null && dateText == null) {
            problems.add(FieldProblem.of("unionEstablishedOn", "enterprise.error.establishedDate"));
        }
        if (status != null && status != UnionStatus.ESTABLISHED && dateText != null) {
            problems.add(FieldProblem.of("unionEstablishedOn", "enterprise.error.dateWithoutUnion", dateText));
        }

        String responsible = text(in.responsible());
        if (responsible != null && !USERNAME.matcher(responsible).matches()) {
            problems.add(FieldProblem.of("responsible", "enterprise.error.responsible", responsible));
        }
        String notes = text(in.notes());
        if (notes != null && notes.length() > MAX_NOTES) {
            problems.add(FieldProblem.of("notes", "enterprise.error.tooLong", MAX_NOTES));
        }
        if (problems.size() > before) {
            return null;
        }
        return new EnterpriseValues(
                name,
                code.code().orElseThrow().value(),
                industry,
                size,
                district,
                platform,
                head,
                backbone,
                workers,
                status,
                established,
                responsible,
                notes);
    }

    /** Yes/no cells and checkboxes: 是/否, true/false, 1/0, Y/N, √; blank is no. */
    private static boolean flag(String field, @Nullable String value, List<FieldProblem> problems) {
        String t = text(value);
        if (t == null) {
            return false;
        }
        String v = Normalizer.normalize(t, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "是", "true", "1", "y", "yes", "on", "√", "✓" -> true;
            case "否", "false", "0", "n", "no", "off" -> false;
            default -> {
                problems.add(FieldProblem.of(field, "enterprise.error.flag", t));
                yield false;
            }
        };
    }

    /** 2024-05-01, 2024/5/1, 2024.5.1 or 2024年5月1日; null when not a date. */
    static @Nullable LocalDate date(String text) {
        Matcher m =
                DATE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).replace(" ", ""));
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static @Nullable String text(@Nullable String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
