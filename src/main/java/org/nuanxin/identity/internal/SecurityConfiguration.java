package org.nuanxin.identity.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;

/**
 * The security baseline: who may open what (deny by default, the rules in {@link AccessRules}), form
 * login for staff, CSRF, security headers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String PERMISSIONS_POLICY = "geolocation=(self), camera=(), microphone=()";

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            LoginFailureHandler failureHandler,
            ApiProblemWriter problems,
            AccountRepository accounts,
            @Value("${nuanxin.map.tile-url:}") String tileUrl)
            throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http.authorizeHttpRequests(AccessRules::apply)
                .addFilterBefore(new AccountStillValidFilter(accounts), AuthorizationFilter.class)
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/console")
                        .failureHandler(failureHandler)
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                // Explicit, not content-negotiated: the API always gets 401 JSON, every other page
                // (whatever its Accept header) the redirect to the sign-in page.
                .exceptionHandling(ex -> ex.authenticationEntryPoint(new DelegatingAuthenticationEntryPoint(
                                new LoginUrlAuthenticationEntryPoint("/login"),
                                new RequestMatcherEntry<>(api, problems::unauthorized)))
                        .defaultAccessDeniedHandlerFor(problems::forbidden, api)
                        // Everything else (a person in a browser) gets the 403 error page, not JSON.
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(contentSecurityPolicy(tileUrl)))
                        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                        .referrerPolicy(rp -> rp.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .permissionsPolicyHeader(pp -> pp.policy(PERMISSIONS_POLICY)));
        return http.build();
    }

    /**
     * No inline scripts anywhere; inline styles are allowed because Leaflet positions map panes
     * with them. Map tiles may come from the configured tile host.
     */
    static String contentSecurityPolicy(String tileUrl) {
        String tileSource = tileSource(tileUrl);
        return "default-src 'self'; img-src 'self' data:" + (tileSource.isEmpty() ? "" : " " + tileSource)
                + "; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; font-src 'self'"
                + "; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";
    }

    /**
     * Turns a tile URL template such as {@code https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png}
     * into a CSP source ({@code https://*.tile.openstreetmap.org}); empty when there is none.
     */
    static String tileSource(String tileUrl) {
        if (tileUrl == null || tileUrl.isBlank()) {
            return "";
        }
        var m = java.util.regex.Pattern.compile("^(https?)://([^/?#]+)").matcher(tileUrl.trim());
        if (!m.find()) {
            return "";
        }
        String host = m.group(2);
        if (host.contains("{")) {
            // CSP allows a wildcard only as the leftmost label: {s}.tile.x.org or webrd0{s}.is.x.com
            int dot = host.indexOf('.');
            host = "*" + host.substring(dot);
        }
        if (host.contains("{") || host.contains(" ") || host.contains(";")) {
            return "";
        }
        return m.group(1) + "://" + host;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // {bcrypt} today; the prefix lets us move to argon2 later without invalidating hashes.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
