package org.nuanxin.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.nuanxin.audit.AuditLog;
import org.nuanxin.identity.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.unit.DataSize;

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
            IdentityProperties properties,
            SignInThrottle throttle,
            AuditLog audit,
            Clock clock,
            @Value("${nuanxin.map.tile-url:}") String tileUrl,
            @Value("${spring.servlet.multipart.max-request-size:32MB}") DataSize maxRequestSize,
            @Value("${spring.servlet.multipart.max-file-size:16MB}") DataSize maxFileSize,
            @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize maxFormSize)
            throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        ConsoleReturnCookie returnCookie = new ConsoleReturnCookie();
        SignInAgain signInAgain = new SignInAgain(problems, returnCookie);
        http.authorizeHttpRequests(AccessRules::apply)
                // Before the CSRF filter, which would read (and so make the container parse) a whole upload.
                .addFilterBefore(signInAgain, CsrfFilter.class)
                // Then, for signed-in uploads and for any form, the container's size limits as a friendly 413 (still
                // before CSRF).
                .addFilterAfter(
                        new UploadLimitFilter(
                                maxRequestSize.toBytes(), maxFileSize.toBytes(), maxFormSize.toBytes(), problems),
                        SignInAgain.class)
                .addFilterBefore(
                        new AccountStillValidFilter(accounts, clock, properties.sessionAbsoluteLifetime()),
                        AuthorizationFilter.class)
                .addFilterBefore(
                        new SignInThrottleFilter(throttle, audit, accounts), UsernamePasswordAuthenticationFilter.class)
                // The wanted console page is kept in a small cookie: anonymous requests never create a session.
                .requestCache(cache -> cache.requestCache(returnCookie))
                // The token lives in a cookie (HttpOnly, SameSite=Lax), so the sign-in page and the rider
                // pages carry one without a session; a session starts only with a successful sign-in.
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens())
                        // Open311 GeoReport v2: a stateless API for other systems, authorised by its api_key
                        // parameter (never by a session cookie), so a cross-site form gains nothing.
                        .ignoringRequestMatchers(
                                PathPatternRequestMatcher.withDefaults().matcher("/open311/**")))
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(new LoginSuccessHandler(throttle, clock, returnCookie))
                        // No permitAll() here or on logout: /login and /logout have their rules in AccessRules,
                        // the one list of who may open what.
                        .failureHandler(failureHandler))
                .logout(logout -> logout.logoutSuccessHandler((request, response, auth) -> {
                    response.setStatus(HttpServletResponse.SC_FOUND);
                    response.setHeader("Location", request.getContextPath() + "/login?logout");
                }))
                // Explicit, not content-negotiated: the API always gets 401 JSON, htmx an HX-Redirect, every
                // other page (whatever its Accept header) a relative redirect to the sign-in page.
                .exceptionHandling(ex -> ex.authenticationEntryPoint(signInAgain::commence)
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
     * {@code /actuator/prometheus} for a Prometheus server: HTTP Basic as the scrape user {@code prometheus}
     * with {@code NUANXIN_METRICS_PASSWORD} (no scrape user when it is blank), or a signed-in
     * administrator's session. Staff accounts cannot use HTTP Basic here (no fallback to the accounts).
     */
    @Bean
    @Order(1)
    SecurityFilterChain metricsFilterChain(HttpSecurity http, IdentityProperties properties) throws Exception {
        PasswordEncoder encoder = passwordEncoder();
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        if (!properties.metricsPassword().isBlank()) {
            users.createUser(User.withUsername(METRICS_USER)
                    .password(encoder.encode(properties.metricsPassword()))
                    .roles(METRICS_ROLE)
                    .build());
        }
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        http.securityMatcher("/actuator/prometheus")
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.GET, "/actuator/prometheus")
                        .hasAnyRole(Role.CITY_ADMIN.name(), METRICS_ROLE)
                        .anyRequest()
                        .denyAll())
                .authenticationManager(new ProviderManager(provider))
                .httpBasic(basic -> basic.realmName("nuanxin-metrics"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    static final String METRICS_USER = "prometheus";
    private static final String METRICS_ROLE = "METRICS";

    /** A rejected request (encoded slashes, …) is a client error: 400 and no stack trace in the log. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new HttpStatusRequestRejectedHandler();
    }

    /** The CSRF token store of every page: a cookie, so that no anonymous page needs a session. */
    static CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").httpOnly(true));
        return tokens;
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
    static PasswordEncoder passwordEncoder() {
        return Passwords.encoder();
    }
}
