package org.nuanxin.membership.internal.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.membership.Occupation;
import org.nuanxin.spreadsheet.SheetRow;

class RosterCheckerTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final LocalDate EVENT = LocalDate.of(2026, 11, 28);

    private final RosterChecker checker = new RosterChecker(
            TODAY,
            EVENT,
            text -> Occupation.parse(text).map(Enum::name),
            text -> text.equals("美团") ? Optional.of(7L) : Optional.empty());

    private static SheetRow row(String... keyValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        Map<String, String> letters = Map.of(
                "name",
                "B",
                "idNumber",
                "C",
                "mobile",
                "D",
                "occupation",
                "E",
                "route",
                "F",
                "enterprise",
                "G",
                "joinedOn",
                "H");
        return new SheetRow(5, values, letters);
    }

    private static List<String> codes(RosterRow row) {
        return row.problems().stream().map(p -> p.field() + ":" + p.code()).toList();
    }

    @Test
    void aGoodRowIsNormalised() {
        RosterRow r = checker.check(
                row(
                        "name",
                        "张三",
                        "idNumber",
                        "11010519491231002x",
                        "mobile",
                        "138 0013 8000",
                        "occupation",
                        "外卖员",
                        "route",
                        "输出地入会",
                        "enterprise",
                        "美团",
                        "joinedOn",
                        "2026年11月1日"),
                Set.of());
        assertThat(r.problems()).isEmpty();
        assertThat(r.idNumber().value()).isEqualTo("11010519491231002X");
        assertThat(r.mobile()).isEqualTo("+8613800138000");
        assertThat(r.occupation()).isEqualTo("FOOD_DELIVERY_RIDER");
        assertThat(r.route()).isEqualTo("ORIGIN_LOCATION");
        assertThat(r.enterpriseId()).isEqualTo(7L);
        assertThat(r.joinedOn()).isEqualTo(LocalDate.of(2026, 11, 1));
    }

    @Test
    void withoutRouteOrDateTheRowJoinsAtWorkOnTheEventDay() {
        RosterRow r = checker.check(
                row("name", "李四", "idNumber", "11010519491231002X", "mobile", "13800138000", "occupation", "快递员"),
                Set.of());
        assertThat(r.route()).isEqualTo("WORK_LOCATION");
        assertThat(r.joinedOn()).isEqualTo(EVENT);
        assertThat(r.enterpriseId()).isNull();
    }

    @Test
    void everyCellProblemIsNamedByItsColumnAndRule() {
        RosterRow r = checker.check(
                row(
                        "idNumber",
                        "110105194912310028",
                        "mobile",
                        "1490000000",
                        "occupation",
                        "程序员",
                        "route",
                        "随便",
                        "enterprise",
                        "不存在的平台",
                        "joinedOn",
                        "2026-13-01"),
                Set.of());
        assertThat(codes(r))
                .containsExactly(
                        "name:membership.enrollment.required",
                        "idNumber:identity.residentId.checkCharacter",
                        "mobile:membership.enrollment.mobile.invalid",
                        "occupation:membership.enrollment.occupationUnknown",
                        "route:membership.enrollment.routeUnknown",
                        "enterprise:membership.enrollment.enterpriseUnknown",
                        "joinedOn:membership.enrollment.dateUnreadable");
        assertThat(r.problems())
                .as("no identity or phone number is repeated in a problem")
                .flatMap(FieldProblem::args)
                .doesNotContain("110105194912310028", "1490000000");
    }

    @Test
    void landlinesUnassignedRangesFutureDatesAndCellsTheReaderRefused() {
        RosterRow r = checker.check(
                row("name", "王五", "mobile", "023-63123456", "occupation", "骑手", "joinedOn", "2026-12-01"),
                Set.of("idNumber"));
        assertThat(codes(r))
                .containsExactly(
                        "mobile:membership.enrollment.mobile.not_mobile", "joinedOn:membership.enrollment.dateFuture");
        RosterRow unassigned = checker.check(
                row("name", "王五", "idNumber", "11010519491231002X", "mobile", "14900000000", "occupation", "骑手"),
                Set.of());
        assertThat(codes(unassigned)).containsExactly("mobile:membership.enrollment.mobile.unassigned_mobile_range");
    }

    @Test
    void aPlatformOfNoneIsNoPlatform() {
        RosterRow r = checker.check(
                row(
                        "name",
                        "赵六",
                        "idNumber",
                        "11010519491231002X",
                        "mobile",
                        "13800138000",
                        "occupation",
                        "家政",
                        "enterprise",
                        "无"),
                Set.of());
        assertThat(r.problems()).isEmpty();
        assertThat(r.enterpriseId()).isNull();
    }
}
