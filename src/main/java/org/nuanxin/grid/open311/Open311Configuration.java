package org.nuanxin.grid.open311;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.xml.JacksonXmlHttpMessageConverter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The Open311 adapter's web settings: the body limit of its POST and keeping XML out of the rest of the site. */
@Configuration(proxyBeanMethods = false)
class Open311Configuration {

    /**
     * Refuses a {@code POST} under {@code /open311/} whose body is over {@code nuanxin.open311.max-body} (413) or of
     * unknown length (411: a chunked body), before anything reads it: the security filters, the container's form
     * parsing. Runs before Spring Security's filter chain.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> open311BodyLimit(
            Open311Properties properties,
            Open311Writer writer,
            MessageSource messages,
            ObjectProvider<LocaleResolver> localeResolver) {
        long limit = properties.maxBody().toBytes();
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                long length = request.getContentLengthLong();
                boolean chunked = request.getHeader("Transfer-Encoding") != null;
                HttpStatus refusal = length > limit
                        ? HttpStatus.PAYLOAD_TOO_LARGE
                        : chunked && length < 0 ? HttpStatus.LENGTH_REQUIRED : null;
                if (refusal == null) {
                    chain.doFilter(request, response);
                    return;
                }
                // Before the DispatcherServlet, so its locale is not set yet: ask the site's resolver (the language
                // cookie, else Chinese), as every other Open311 error does, not the container (Accept-Language, else
                // the JVM's locale).
                LocaleResolver resolver = localeResolver.getIfAvailable();
                Locale locale = resolver != null ? resolver.resolveLocale(request) : Locale.SIMPLIFIED_CHINESE;
                String code = refusal == HttpStatus.PAYLOAD_TOO_LARGE
                        ? "grid.open311.error.tooLarge"
                        : "grid.open311.error.length";
                ResponseEntity<byte[]> answer = writer.errors(
                        Open311Format.forErrorsOf(request.getRequestURI()),
                        refusal,
                        List.of(new Open311Wire.Error(
                                refusal.value(), messages.getMessage(code, new Object[] {limit / 1024}, locale))));
                // The body is not read: close the connection rather than let the container swallow it.
                response.setHeader("Connection", "close");
                response.setStatus(refusal.value());
                response.setContentType(answer.getHeaders().getContentType().toString());
                response.getOutputStream().write(answer.getBody());
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/open311/*");
        registration.setName("open311BodyLimit");
        // Spring Security's chain is at -100.
        registration.setOrder(-110);
        return registration;
    }

    /**
     * jackson-dataformat-xml is on the class path for Open311, and Spring Boot would then offer XML to every
     * controller: a browser's {@code Accept: …application/xml;q=0.9…} would turn the JSON API into XML. Open311 writes
     * its XML itself ({@link Open311Writer}), so MVC keeps JSON only.
     */
    @Bean
    WebMvcConfigurer noXmlMessageConverter() {
        return new WebMvcConfigurer() {
            @Override
            public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
                builder.configureMessageConvertersList(
                        list -> list.removeIf(c -> c instanceof JacksonXmlHttpMessageConverter));
            }
        };
    }
}
