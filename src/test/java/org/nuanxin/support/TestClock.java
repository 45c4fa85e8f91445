package org.nuanxin.support;

import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in every {@link NuanxinTest} and {@link PostgresTest} context: a
 * {@link MutableClock} standing at {@link #START}, 12:00 in Chongqing. One clock for all tests keeps
 * them in the same cached contexts; a test that moves it puts it back (or does not care where it is).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

    /** 2025-01-01 12:00 in Asia/Shanghai. */
    public static final Instant START = Instant.parse("2025-01-01T04:00:00Z");

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(START);
    }
}
