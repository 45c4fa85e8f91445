package org.nuanxin.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The shared kernel started alone: one setting, {@code nuanxin.time-zone}, decides the city's dates,
 * and field problems resolve through the application's message bundles.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
@TestPropertySource(properties = "nuanxin.time-zone=Asia/Urumqi")
class KernelModuleTest {

    @Autowired
    CityTime time;

    @Autowired
    ProblemMessages problems;

    @Test
    void theCitysZoneIsOneSetting() {
        assertThat(time.zone()).isEqualTo(ZoneId.of("Asia/Urumqi"));
        assertThat(time.today()).isEqualTo(LocalDate.now(time.clock().withZone(ZoneId.of("Asia/Urumqi"))));
    }

    @Test
    void fieldProblemsResolveInBothLanguages() {
        FieldProblem p = FieldProblem.of("limit", "kernel.problem.field.type", "limit");
        assertThat(problems.text(p, Locale.SIMPLIFIED_CHINESE)).isEqualTo("“limit”的格式不正确");
        assertThat(problems.text(p, Locale.ENGLISH)).isEqualTo("'limit' has the wrong format");
    }
}
