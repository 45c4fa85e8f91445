package org.nuanxin.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.data.domain.Sort;

/** The shared kernel's rules: the city's dates and times, field problems resolved per language, paging. */
class KernelTest {

    /** 2026-03-01 17:30 UTC is already 2 March, 01:30, in Chongqing. */
    private static final Instant LATE_EVENING_UTC = Instant.parse("2026-03-01T17:30:00Z");

    private final CityTime time =
            new CityTime(Clock.fixed(LATE_EVENING_UTC, ZoneOffset.UTC), ZoneId.of("Asia/Shanghai"));

    @Test
    void datesAndTimesAreTheCitysWhateverTheClocksZone() {
        assertThat(time.now()).isEqualTo(LATE_EVENING_UTC);
        assertThat(time.today()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(time.localTime()).isEqualTo(LocalTime.of(1, 30));
        assertThat(time.local(LATE_EVENING_UTC).getDayOfMonth()).isEqualTo(2);
        assertThat(time.startOf(LocalDate.of(2026, 3, 2))).isEqualTo(Instant.parse("2026-03-01T16:00:00Z"));
    }

    @Test
    void aFieldProblemIsACodeWithArgumentsResolvedInEachLanguage() {
        ProblemMessages messages = new ProblemMessages(bundles());
        FieldProblem p = FieldProblem.of("lat", "kernel.problem.field.missing", "lat");
        assertThat(messages.text(p, Locale.SIMPLIFIED_CHINESE)).isEqualTo("缺少必填参数“lat”");
        assertThat(messages.text(p, Locale.ENGLISH)).isEqualTo("Required parameter 'lat' is missing");
        assertThat(p.getArguments()).containsExactly("lat");
        assertThat(messages.text(FieldProblem.of("x", "no.such.code"), Locale.ENGLISH))
                .as("a missing message shows its code")
                .isEqualTo("no.such.code");
    }

    @Test
    void aFormShowsOneLinePerFieldWithDifferentProblemsJoined() {
        ProblemMessages messages = new ProblemMessages(bundles());
        List<FieldProblem> problems = List.of(
                FieldProblem.of("a", "kernel.problem.field.missing", "a"),
                FieldProblem.of("b", "kernel.problem.field.type", "b"),
                FieldProblem.of("a", "kernel.problem.field.type", "a"),
                FieldProblem.of("a", "kernel.problem.field.type", "a"));
        assertThat(messages.byField(problems, Locale.SIMPLIFIED_CHINESE))
                .containsExactly(
                        java.util.Map.entry("a", "缺少必填参数“a”；“a”的格式不正确"), java.util.Map.entry("b", "“b”的格式不正确"));
    }

    @Test
    void aListOfProblemsSaysEachDifferentTextOnce() {
        ProblemMessages messages = new ProblemMessages(bundles());
        assertThat(messages.texts(
                        List.of(
                                FieldProblem.of("lat", "kernel.problem.field.type", "x"),
                                FieldProblem.of("lng", "kernel.problem.field.type", "x"),
                                FieldProblem.of("limit", "kernel.problem.field.missing", "limit")),
                        Locale.SIMPLIFIED_CHINESE))
                .containsExactly("“x”的格式不正确", "缺少必填参数“limit”");
    }

    @Test
    void anInvalidInputExceptionNeedsAProblem() {
        assertThatThrownBy(() -> new InvalidInputException(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(new InvalidInputException("lat", "finder.error.lat").errors())
                .containsExactly(FieldProblem.of("lat", "finder.error.lat"));
    }

    @Test
    void aHandEditedPageNumberMeansTheFirstPage() {
        assertThat(Paging.pageNumber(null)).isZero();
        assertThat(Paging.pageNumber("abc")).isZero();
        assertThat(Paging.pageNumber("-3")).isZero();
        assertThat(Paging.pageNumber("99999999999")).isZero();
        assertThat(Paging.pageNumber(" 4 ")).isEqualTo(4);
        assertThat(Paging.of("2", 50, Sort.by("name")).getOffset()).isEqualTo(100);
    }

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages/kernel");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
