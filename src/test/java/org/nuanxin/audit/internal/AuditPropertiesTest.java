package org.nuanxin.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Retention: 400 days by default, never under 180 (Cybersecurity Law of the PRC, art. 21). */
class AuditPropertiesTest {

    @EnableConfigurationProperties(AuditProperties.class)
    static class Config {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

    @Test
    void defaultsTo400Days() {
        assertThat(new AuditProperties(null).retention()).isEqualTo(Duration.ofDays(400));
        runner.run(ctx ->
                assertThat(ctx.getBean(AuditProperties.class).retention()).isEqualTo(Duration.ofDays(400)));
    }

    @Test
    void acceptsExactly180Days() {
        assertThat(new AuditProperties(Duration.ofDays(180)).retention()).isEqualTo(Duration.ofDays(180));
        runner.withPropertyValues("nuanxin.audit.retention=180d")
                .run(ctx -> assertThat(ctx).hasNotFailed());
    }

    @Test
    void refusesToStartWithLessThan180Days() {
        assertThatThrownBy(() -> new AuditProperties(Duration.ofDays(180).minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("180 days");
        runner.withPropertyValues("nuanxin.audit.retention=30d")
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause().hasMessageContaining("art. 21"));
    }
}
