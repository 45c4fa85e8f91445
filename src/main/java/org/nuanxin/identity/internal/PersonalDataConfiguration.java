package org.nuanxin.identity.internal;

import org.nuanxin.identity.PersonalData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The {@link PersonalData} bean, with keys from {@code nuanxin.personal-data} ({@link PersonalDataKeys}). */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

    @Bean
    AesGcmPersonalData personalData(PersonalDataProperties properties, Environment environment) {
        return new AesGcmPersonalData(
                PersonalDataKeys.resolve(properties, environment.getProperty("spring.datasource.url", "")));
    }
}
