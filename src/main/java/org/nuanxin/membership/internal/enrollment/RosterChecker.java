package org.nuanxin.membership.internal.enrollment;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.nuanxin.identity.PhoneNumbers;
import org.nuanxin.identity.ResidentIdNumber;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.spreadsheet.ColumnSpec;
import org.nuanxin.spreadsheet.SheetRow;
import org.nuanxin.spreadsheet.SheetSchema;

/**
 * Checks one roster row on its own (the file and the stored members are looked at by the service). Every
 * problem is a {@link FieldProblem} on the schema key of its column, with a code of {@code messages/enrollment}
 * (identity numbers: the rule codes of {@link ResidentIdNumber#parse}); arguments never repeat an identity or
 * phone number.
 */
final class RosterChecker {

    static final String NAME = "name";
    static final String ID_NUMBER = "idNumber";
    static final String MOBILE = "mobile";
    static final String OCCUPATION = "occupation";
    static final String ROUTE = "route";
    static final String ENTERPRISE = "enterprise";
    static final String JOINED_ON = "joinedOn";

    /** Names longer than this are not names (a pasted paragraph). */
    static final int MAX_NAME = 50;

    /**
     * The youngest a member can be on the joining date: 16. The Labour Law of the PRC (art. 15) forbids employing anyone
     * under sixteen, and the union recruits workers.
     */
    static final int MIN_AGE = 16;

    /**
     * The roster's columns, with the headers union offices use. Identity numbers must be text: 18 digits are more than
     * the 15 significant digits Excel keeps of a number. A mobile number may be a number (11 digits are kept exactly,
     * and most rosters hold them so).
     */
    static final SheetSchema SCHEMA = new SheetSchema(List.of(
            ColumnSpec.optional("seq", "序号", "编号", "No."),
            ColumnSpec.required(NAME, "姓名", "会员姓名", "名字", "name"),
            ColumnSpec.required(ID_NUMBER, "身份证号码", "身份证号", "公民身份号码", "证件号码", "身份证", "id number")
                    .asText(),
            ColumnSpec.required(MOBILE, "手机号码", "手机号", "手机", "联系电话", "电话", "mobile"),
            ColumnSpec.required(OCCUPATION, "职业", "职业类别", "从业类型", "工种", "occupation"),
            ColumnSpec.optional(ROUTE, "入会方式", "入会途径", "入会类型", "route"),
            ColumnSpec.optional(ENTERPRISE, "平台企业", "所属平台", "平台", "平台名称", "platform"),
            ColumnSpec.optional(JOINED_ON, "入会日期", "入会时间", "joined on")));

    private final LocalDate today;
    private final LocalDate eventDate;
    private final Function<String, Optional<String>> occupations;
    private final Function<String, Optional<Long>> enterprises;
    private final Map<String, Optional<Long>> enterpriseCache = new HashMap<>();

    /**
     * @param today       the city's date (identity numbers: not born in the future; joining dates not after)
     * @param eventDate   the enrollment event's date, the joining date of rows that give none
     * @param occupations the occupation constant's name of a text staff wrote (synonyms included), or empty
     * @param enterprises the registry id of a platform enterprise named so, or empty
     */
    RosterChecker(
            LocalDate today,
            LocalDate eventDate,
            Function<String, Optional<String>> occupations,
            Function<String, Optional<Long>> enterprises) {
        this.today = today;
        this.eventDate = eventDate;
        this.occupations = occupations;
        this.enterprises = enterprises;
    }

    /**
     * @param row      the row as read
     * @param unusable the keys whose cells the reader already refused (a formula, a number in a text column): no
     *                 "missing" problem is added for them
     */
    RosterRow check(SheetRow row, java.util.Set<String> unusable) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = required(row, NAME, unusable, problems);
        if (name != null && name.codePointCount(0, name.length()) > MAX_NAME) {
            problems.add(FieldProblem.of(NAME, "membership.enrollment.nameTooLong", MAX_NAME));
            name = null;
        }
        if (name != null) {
            OptionalInt foreign =
                    name.codePoints().filter(c -> !isNameCharacter(c)).findFirst();
            if (foreign.isPresent()) {
                // A digit, a "?" left by a CSV saved in an encoding that lacks the character, a formula fragment.
                problems.add(FieldProblem.of(
                        NAME,
                        "membership.enrollment.nameCharacter",
                        new String(Character.toChars(foreign.getAsInt()))));
                name = null;
            }
        }
        ResidentIdNumber id = null;
        String idText = required(row, ID_NUMBER, unusable, problems);
        if (idText != null) {
            try {
                id = ResidentIdNumber.parse(idText, today);
            } catch (InvalidInputException e) {
                e.errors().forEach(p -> problems.add(new FieldProblem(ID_NUMBER, p.code(), p.args())));
            }
        }
        String mobile = null;
        String mobileText = required(row, MOBILE, unusable, problems);
        if (mobileText != null) {
            PhoneNumbers.Result parsed = PhoneNumbers.parseMainland(mobileText);
            if (parsed.number().isPresent() && parsed.number().get().kind() == PhoneNumbers.Kind.MOBILE) {
                mobile = parsed.number().get().e164();
            } else {
                String refusal =
                        parsed.refusal().map(r -> r.name()).orElse("NOT_MOBILE").toLowerCase(Locale.ROOT);
                problems.add(FieldProblem.of(MOBILE, "membership.enrollment.mobile." + refusal));
            }
        }
        String occupation = null;
        String occupationText = required(row, OCCUPATION, unusable, problems);
        if (occupationText != null) {
            occupation = occupations.apply(occupationText).orElse(null);
            if (occupation == null) {
                problems.add(FieldProblem.of(OCCUPATION, "membership.enrollment.occupationUnknown", occupationText));
            }
        }
        String route = row.has(ROUTE) ? route(row.value(ROUTE).orElseThrow()) : "WORK_LOCATION";
        if (route == null) {
            problems.add(FieldProblem.of(
                    ROUTE,
                    "membership.enrollment.routeUnknown",
                    row.value(ROUTE).orElseThrow()));
        }
        Long enterpriseId = null;
        Optional<String> enterpriseText = row.value(ENTERPRISE).filter(t -> !isNone(t));
        if (enterpriseText.isPresent()) {
            String key = comparable(enterpriseText.get());
            enterpriseId = enterpriseCache
                    .computeIfAbsent(key, k -> enterprises.apply(enterpriseText.get()))
                    .orElse(null);
            if (enterpriseId == null) {
                problems.add(
                        FieldProblem.of(ENTERPRISE, "membership.enrollment.enterpriseUnknown", enterpriseText.get()));
            }
        }
        LocalDate joinedOn = eventDate;
        Optional<String> dateText = row.value(JOINED_ON);
        if (dateText.isPresent()) {
            joinedOn = RosterDates.parse(dateText.get()).orElse(null);
            if (joinedOn == null) {
                problems.add(FieldProblem.of(JOINED_ON, "membership.enrollment.dateUnreadable", dateText.get()));
            } else if (joinedOn.isAfter(today)) {
                problems.add(FieldProblem.of(JOINED_ON, "membership.enrollment.dateFuture", dateText.get()));
                joinedOn = null;
            }
        }
        if (id != null && joinedOn != null && id.birthDate().plusYears(MIN_AGE).isAfter(joinedOn)) {
            problems.add(FieldProblem.of(ID_NUMBER, "membership.enrollment.underAge", MIN_AGE));
            id = null;
        }
        return new RosterRow(
                row.rowNumber(), name, id, mobile, occupation, route, enterpriseId, joinedOn, List.copyOf(problems));
    }

    /** Letters of any script, their combining marks, spaces and the middle dots of transcribed names (阿依古丽·买买提). */
    private static boolean isNameCharacter(int c) {
        return Character.isLetter(c)
                || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.COMBINING_SPACING_MARK
                || Character.isSpaceChar(c)
                || c == '·'
                || c == '•'
                || c == '・'
                || c == '‧'
                || c == '.';
    }

    private static @Nullable String required(
            SheetRow row, String key, java.util.Set<String> unusable, List<FieldProblem> problems) {
        Optional<String> value = row.value(key).map(SheetRow::comparable).filter(v -> !v.isBlank());
        if (value.isEmpty() && !unusable.contains(key)) {
            problems.add(FieldProblem.of(key, "membership.enrollment.required"));
        }
        return value.orElse(null);
    }

    /** @return WORK_LOCATION, ORIGIN_LOCATION, or null when the text is neither */
    static @Nullable String route(String text) {
        String t = comparable(text);
        if (t.isEmpty()) {
            return "WORK_LOCATION";
        }
        return switch (t) {
            case "工作地", "工作地入会", "就业地", "就业地入会", "work", "worklocation", "work_location" -> "WORK_LOCATION";
            case "输出地", "输出地入会", "户籍地", "户籍地入会", "origin", "originlocation", "origin_location" -> "ORIGIN_LOCATION";
            default -> null;
        };
    }

    private static boolean isNone(String text) {
        String t = comparable(text);
        return t.equals("无") || t.equals("/") || t.equals("-") || t.equals("—") || t.equals("none");
    }

    private static String comparable(String text) {
        return SheetRow.comparable(Normalizer.normalize(text, Normalizer.Form.NFKC))
                .replaceAll("\\s+", "")
                .toLowerCase(Locale.ROOT);
    }
}
