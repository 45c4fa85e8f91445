package org.nuanxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nuanxin.identity.SmsSender;
import org.nuanxin.support.MutableClock;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.support.StaticMessageSource;

/**
 * Without an SMS gateway the start warns once and sending a code answers "unavailable" before touching anything; the
 * development "gateway" (profile dev) writes the message with its code to the log and never the number.
 */
@ExtendWith(OutputCaptureExtension.class)
class SmsGatewayMissingTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T04:00:00Z"));
    private final WorkerSignInProperties properties =
            new WorkerSignInProperties(null, null, null, null, null, null, null);

    @Test
    void withoutAGatewayTheStartWarnsAndNoCodeIsSent(CapturedOutput output) {
        StaticListableBeanFactory none = new StaticListableBeanFactory();
        WorkerSignIn signIn = new WorkerSignIn(
                null,
                null,
                none.getBeanProvider(SmsSender.class),
                new WorkerSignInThrottle(properties, clock),
                properties,
                new StaticMessageSource(),
                clock,
                none.getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class));
        assertThat(output).contains("WARN").contains("No SMS gateway (identity.SmsSender bean) is configured");
        assertThat(signIn.sendCode("+8613800138000", "10.40.0.1", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo(WorkerSignIn.Sent.UNAVAILABLE);
    }

    @Test
    void theDevelopmentGatewayLogsTheCodeButNotTheNumber(CapturedOutput output) {
        new DevelopmentSmsSender().send("+8613800138000", "【暖新】您的登录验证码是 493021，5 分钟内有效。请勿告诉他人。");
        assertThat(output).contains("493021").doesNotContain("13800138000");
    }
}
