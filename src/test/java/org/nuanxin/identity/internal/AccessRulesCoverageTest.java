package org.nuanxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.nuanxin.support.NuanxinTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Deny by default, checked from the other side: every handler the application has (controllers,
 * actuator and springdoc endpoints, static resources) must be matched by an explicit rule of
 * {@link AccessRules}, not only by the deny-all fallback. A new controller without a rule fails here.
 */
@NuanxinTest
class AccessRulesCoverageTest {

    @Autowired
    ApplicationContext context;

    /** One thing a client can ask for. */
    record Endpoint(String method, String pattern) {}

    @Test
    void everyMappingHasAnExplicitRule() throws IOException {
        List<Endpoint> endpoints = endpoints();
        // Sanity: the enumeration sees controllers of every module, actuator, springdoc and assets.
        assertThat(endpoints)
                .extracting(Endpoint::pattern)
                .contains(
                        "/console/stations/{code}",
                        "/api/v1/districts",
                        "/console/accounts",
                        "/console/audit",
                        "/actuator/prometheus",
                        "/v3/api-docs",
                        "/webjars/**",
                        "/js/nuanxin.js",
                        "/error");
        assertThat(unruled(endpoints)).isEmpty();
    }

    @Test
    void theCheckerReportsAMappingWithoutARule() {
        // Proves the check above can fail: synthetic mappings that only the deny-all fallback would match.
        List<Endpoint> synthetic = List.of(
                new Endpoint("GET", "/console/unruled-test-only/{id}"),
                new Endpoint("POST", "/api/v1/stations"),
                new Endpoint("DELETE", "/api/v1/districts"),
                new Endpoint("GET", "/api/v1/stations"),
                new Endpoint("GET", "/static-unruled.txt"));
        assertThat(unruled(synthetic))
                .containsExactly(
                        "GET /console/unruled-test-only/{id}",
                        "POST /api/v1/stations",
                        "DELETE /api/v1/districts",
                        "GET /static-unruled.txt");
    }

    @Test
    void everyRuleGivesAReason() {
        assertThat(AccessRules.RULES)
                .allSatisfy(rule -> assertThat(rule.reason()).isNotBlank());
    }

    private List<Endpoint> endpoints() throws IOException {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        endpoints.add(new Endpoint("GET", pattern));
                    }
                    methods.forEach(m -> endpoints.add(new Endpoint(m.name(), pattern)));
                }
            }
        }
        for (AbstractUrlHandlerMapping mapping :
                context.getBeansOfType(AbstractUrlHandlerMapping.class).values()) {
            mapping.getHandlerMap().forEach((pattern, handler) -> {
                if (handler instanceof ResourceHttpRequestHandler) {
                    if (pattern.equals("/**")) {
                        return; // the static folder: its files are listed one by one below
                    }
                    endpoints.add(new Endpoint("GET", pattern));
                }
            });
        }
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (Resource file : resolver.getResources("classpath*:static/**/*.*")) {
            String url = file.getURL().toString();
            endpoints.add(new Endpoint("GET", url.substring(url.lastIndexOf("/static/") + "/static".length())));
        }
        return endpoints;
    }

    /** @return "METHOD pattern" of each endpoint that no rule matches, in order */
    static List<String> unruled(Collection<Endpoint> endpoints) {
        Set<String> seen = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        for (Endpoint e : endpoints) {
            String key = e.method() + " " + e.pattern();
            if (seen.add(key)
                    && AccessRules.ruleFor(new MockHttpServletRequest(e.method(), sample(e.pattern())))
                            .isEmpty()) {
                missing.add(key);
            }
        }
        return missing;
    }

    /** A concrete path the pattern matches: variables become {@code x}, wildcards a segment or two. */
    static String sample(String pattern) {
        return pattern.replaceAll("\\{[^}]*}", "x").replace("/**", "/x/y").replace("*", "x");
    }
}
