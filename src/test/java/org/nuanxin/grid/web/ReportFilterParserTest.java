package org.nuanxin.grid.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nuanxin.grid.HazardCategory;
import org.nuanxin.grid.ReportState;
import org.nuanxin.grid.internal.ReportFilter;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;

/** The one filter parser of the queue, the map and the export: what it understands, and the errors naming the rest. */
class ReportFilterParserTest {

    static final Instant NOW = Instant.parse("2026-11-30T04:00:00Z");
    final ReportFilterParser parser =
            new ReportFilterParser(new CityTime(Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("Asia/Shanghai")));

    @Test
    void blankValuesDoNotFilter() {
        assertThat(parser.parse(null, null, null, null, null)).isEqualTo(ReportFilter.all());
        assertThat(parser.parse(List.of(""), List.of(" "), " ", "", "")).isEqualTo(ReportFilter.all());
    }

    @Test
    void categoriesByServiceCodeOrNameInListsOrRepeatedParameters() {
        ReportFilter f = parser.parse(
                List.of("road_surface、MANHOLE_COVER", "street_light"), List.of("submitted,VERIFIED"), null, null, null);
        assertThat(f.categories())
                .containsExactlyInAnyOrder(
                        HazardCategory.ROAD_SURFACE, HazardCategory.MANHOLE_COVER, HazardCategory.STREET_LIGHT);
        assertThat(f.states()).containsExactlyInAnyOrder(ReportState.SUBMITTED, ReportState.VERIFIED);
    }

    @Test
    void blockAgeAndOverdue() {
        ReportFilter f = parser.parse(null, null, "42", "7d", "true");
        assertThat(f.blockId()).isEqualTo(42L);
        assertThat(f.submittedAfter()).isEqualTo(NOW.minus(Duration.ofDays(7)));
        assertThat(f.overdueOnly()).isTrue();
        assertThat(parser.parse(null, null, null, "24H", "on").submittedAfter())
                .isEqualTo(NOW.minus(Duration.ofHours(24)));
        assertThat(parser.parse(null, null, null, "30d", "false").overdueOnly()).isFalse();
    }

    @Test
    void everyValueNotUnderstoodIsAnErrorNamingItNeverNoFilter() {
        assertThatThrownBy(() -> parser.parse(List.of("road_surface,potholes"), List.of("OPEN"), "abc", "1y", "maybe"))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).errors())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(FieldProblem.class))
                .extracting(p -> p.field() + " " + p.code() + " " + p.args())
                .containsExactly(
                        "category grid.filter.category [potholes]",
                        "state grid.filter.state [OPEN]",
                        "block grid.filter.block [abc]",
                        "age grid.filter.age [1y]",
                        "overdue grid.filter.overdue [maybe]");
        assertThatThrownBy(() -> parser.parse(null, null, "-3", null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("block");
    }
}
