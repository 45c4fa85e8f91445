package org.nuanxin.web.internal;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static files, and locale selection.
 *
 * <p>Static files are served from exactly four patterns ({@code /css/**}, {@code /js/**}, {@code /webjars/**},
 * {@code /favicon.svg}) instead of Boot's default {@code /**} (switched off with {@code
 * spring.web.resources.add-mappings: false}). Thymeleaf passes every {@code @{...}} link through {@code
 * ResourceUrlEncodingFilter}, which asks each resource handler whose pattern matches the link to resolve it; with
 * {@code /**} that was every link of a page (a console list has about 55), each one a miss looked up in four
 * classpath locations on every request (issue 7: 11 console lists per second). Now only asset links are resolved,
 * through a cached chain: our own files get a content hash in their name ({@code /css/nuanxin-<md5>.css}) and
 * WebJars their version ({@code /webjars/bootstrap/5.3.3/...}), so both are cached by browsers for a year as
 * {@code immutable}; text is gzipped by {@code server.compression} (docs/PERFORMANCE.md section 9).
 *
 * <p>Locale selection: Simplified Chinese unless the user picked English with {@code ?lang=en},
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

    /**
     * A total deadline for receiving a request body ({@code nuanxin.http.body-deadline}, 120 s): a client that has not
     * sent its whole body by then is disconnected (see {@link BodyDeadlineValve}). First in the engine's pipeline, so
     * it bounds every body read: multipart parsing, form parameters, JSON.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> bodyDeadline(
            @Value("${nuanxin.http.body-deadline:120s}") Duration deadline,
            org.springframework.beans.factory.ObjectProvider<Clock> clock) {
        // The application clock where there is one (a slice test without a server has none, and needs no valve).
        return factory ->
                factory.addEngineValves(new BodyDeadlineValve(deadline, clock.getIfAvailable(Clock::systemUTC)));
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

    /**
     * The error dispatch: HTML error pages for pages whatever {@code Accept} says, and no second parse of a refused
     * upload ({@link ErrorDispatchFilter}).
     */
    @Bean
    FilterRegistrationBean<ErrorDispatchFilter> errorDispatchFilter() {
        FilterRegistrationBean<ErrorDispatchFilter> registration =
                new FilterRegistrationBean<>(new ErrorDispatchFilter());
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // immutable: a versioned URL never changes, so browsers need not revalidate it even on reload. Pages link only
        // versioned URLs (the resource URL encoding rewrites every @{...}); an unversioned URL typed by hand gets the
        // same header, which is why no script or style sheet may name an asset without its version.
        CacheControl year =
                CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
        for (String folder : new String[] {"css", "js"}) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(year)
                    .resourceChain(true)
                    .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        }
        registry.addResourceHandler("/favicon.svg")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .resourceChain(true);
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(year)
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageInterceptor());
    }
}
