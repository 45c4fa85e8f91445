package org.nuanxin.membership.internal.members;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.nuanxin.identity.DataScope;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.membership.EnrollmentRoute;
import org.nuanxin.membership.MembershipState;
import org.nuanxin.membership.Occupation;
import org.nuanxin.organization.EnterpriseDirectory;
import org.springframework.stereotype.Component;

/**
 * The one reader of member filters from request parameters, for the console list and the xlsx export alike.
 * Strict: a value it does not recognise is an error naming the field and the value (never "no filter"); blank
 * values do not filter. An organisation outside the reader's scope is refused like an unknown one (its existence
 * is not disclosed). Occupations are read with their synonyms ({@link Occupation#parse}); routes and states by
 * their names or Chinese names; enterprises by registry id, credit code or exact name; dates as {@code yyyy-MM-dd}.
 */
@Component
class MemberFilterParser {

    private final EnterpriseDirectory enterprises;

    MemberFilterParser(EnterpriseDirectory enterprises) {
        this.enterprises = enterprises;
    }

    /**
     * @throws InvalidInputException naming each wrong field ({@code organization}, {@code occupation}, {@code route},
     *     {@code state}, {@code joinedFrom}, {@code joinedTo}, {@code enterprise}) with codes
     *     {@code membership.members.filter.*}
     */
    MemberFilter parse(
            @Nullable String organization,
            @Nullable String occupation,
            @Nullable String route,
            @Nullable String state,
            @Nullable String joinedFrom,
            @Nullable String joinedTo,
            @Nullable String enterprise,
            DataScope scope) {
        List<FieldProblem> problems = new ArrayList<>();
        Long organizationId = null;
        if (!blank(organization)) {
            try {
                organizationId = Long.valueOf(organization.strip());
            } catch (NumberFormatException e) {
                organizationId = null;
            }
            if (organizationId == null || !scope.includes(organizationId)) {
                problems.add(FieldProblem.of(
                        "organization", "membership.members.filter.organization", organization.strip()));
                organizationId = null;
            }
        }
        Occupation occ = null;
        if (!blank(occupation)) {
            occ = Occupation.parse(occupation).orElse(null);
            if (occ == null) {
                problems.add(FieldProblem.of("occupation", "membership.members.filter.occupation", occupation.strip()));
            }
        }
        EnrollmentRoute r = null;
        if (!blank(route)) {
            r = route(route).orElse(null);
            if (r == null) {
                problems.add(FieldProblem.of("route", "membership.members.filter.route", route.strip()));
            }
        }
        MembershipState s = null;
        if (!blank(state)) {
            s = state(state).orElse(null);
            if (s == null) {
                problems.add(FieldProblem.of("state", "membership.members.filter.state", state.strip()));
            }
        }
        LocalDate from = date("joinedFrom", joinedFrom, problems);
        LocalDate to = date("joinedTo", joinedTo, problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(FieldProblem.of("joinedTo", "membership.members.filter.dateOrder"));
        }
        Long enterpriseId = null;
        if (!blank(enterprise)) {
            enterpriseId = enterprise(enterprise.strip()).orElse(null);
            if (enterpriseId == null) {
                problems.add(FieldProblem.of("enterprise", "membership.members.filter.enterprise", enterprise.strip()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new MemberFilter(organizationId, occ, r, s, from, to, enterpriseId);
    }

    private Optional<Long> enterprise(String text) {
        if (text.chars().allMatch(Character::isDigit) && text.length() < 18) {
            return enterprises.find(Long.parseLong(text)).map(EnterpriseDirectory.Entry::id);
        }
        Optional<EnterpriseDirectory.Entry> byCode = enterprises.findByCreditCode(text);
        if (byCode.isPresent()) {
            return byCode.map(EnterpriseDirectory.Entry::id);
        }
        List<EnterpriseDirectory.Entry> byName = enterprises.findByName(text);
        return byName.size() == 1 ? Optional.of(byName.get(0).id()) : Optional.empty();
    }

    static Optional<EnrollmentRoute> route(String text) {
        String t = key(text);
        for (EnrollmentRoute r : EnrollmentRoute.values()) {
            if (key(r.name()).equals(t)) {
                return Optional.of(r);
            }
        }
        return switch (t) {
            case "工作地", "工作地入会" -> Optional.of(EnrollmentRoute.WORK_LOCATION);
            case "输出地", "输出地入会" -> Optional.of(EnrollmentRoute.ORIGIN_LOCATION);
            default -> Optional.empty();
        };
    }

    static Optional<MembershipState> state(String text) {
        String t = key(text);
        for (MembershipState s : MembershipState.values()) {
            if (key(s.name()).equals(t)) {
                return Optional.of(s);
            }
        }
        return switch (t) {
            case "待审核" -> Optional.of(MembershipState.APPLIED);
            case "会员", "正常" -> Optional.of(MembershipState.ACTIVE);
            case "转接中" -> Optional.of(MembershipState.TRANSFER_PENDING);
            case "未通过" -> Optional.of(MembershipState.REJECTED);
            case "已退会" -> Optional.of(MembershipState.WITHDRAWN);
            default -> Optional.empty();
        };
    }

    private static @Nullable LocalDate date(String field, @Nullable String text, List<FieldProblem> problems) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(
                    Normalizer.normalize(text, Normalizer.Form.NFKC).strip());
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "membership.members.filter.date", text.strip()));
            return null;
        }
    }

    private static String key(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replaceAll("[\\s_\\-]", "")
                .toLowerCase(Locale.ROOT);
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
