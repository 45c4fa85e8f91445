package org.nuanxin.web.internal;

import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Locale selection: Simplified Chinese unless the user picked English with {@code ?lang=en},
 * which is remembered in a cookie. The browser's Accept-Language is deliberately ignored: many
 * riders' phones are set to English but they read Chinese, and the union's text is Chinese first.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final String LANG_COOKIE = "nuanxin-lang";

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(LANG_COOKIE);
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    /** {@code GET /error} opened directly answers 404 (before security: it is public anyway). */
    @Bean
    FilterRegistrationBean<DirectErrorPathFilter> directErrorPathFilter() {
        FilterRegistrationBean<DirectErrorPathFilter> registration =
                new FilterRegistrationBean<>(new DirectErrorPathFilter());
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/error", "/error/*");
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageInterceptor());
    }
}
