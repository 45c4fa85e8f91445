package org.nuanxin.kernel.internal;

import java.time.Clock;
import org.nuanxin.kernel.CityTime;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock and the city's time zone as beans. */
@Configuration(proxyBeanMethods = false)
class KernelConfiguration {

    /** The application's clock (UTC); tests replace it with a {@code @Primary} bean to move time. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CityTime cityTime(Clock clock, KernelProperties properties) {
        return new CityTime(clock, properties.timeZone());
    }
}
