package org.nuanxin.kernel.internal;

import java.time.Clock;
import org.nuanxin.kernel.CityTime;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The clock and the city's time zone as beans. */
@Configuration(proxyBeanMethods = false)
class KernelConfiguration {

    /** The application's clock (UTC); tests replace it with a {@code @Primary} bean to move time. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Before any bean (so before the database is opened): an embedded H2 database's files are for the
     * application's user only ({@link EmbeddedDatabaseFiles}).
     */
    @Bean
    static BeanFactoryPostProcessor embeddedDatabaseFiles(Environment environment) {
        return beanFactory -> EmbeddedDatabaseFiles.restrict(environment.getProperty("spring.datasource.url"));
    }

    /** PostgreSQL's JDBC driver sends batched inserts as multi-row statements ({@link PostgresBatchInserts}). */
    @Bean
    static PostgresBatchInserts postgresBatchInserts() {
        return new PostgresBatchInserts();
    }

    @Bean
    CityTime cityTime(Clock clock, KernelProperties properties) {
        return new CityTime(clock, properties.timeZone());
    }
}
