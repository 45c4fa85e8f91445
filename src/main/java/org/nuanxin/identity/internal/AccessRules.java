package org.nuanxin.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.nuanxin.identity.CurrentWorker;
import org.nuanxin.identity.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every path the application answers, with who may open it and why: the one list of public paths.
 * Anything not listed is refused ({@code denyAll}); {@code AccessRulesCoverageTest} fails when a
 * controller or static resource has no rule here. Rules are tried in order, the first match wins.
 *
 * <p>The console rules only let staff in; what each role may do there is decided by the modules'
 * permissions classes ({@code StationPermissions}, {@code AccountPermissions}, {@code AuditLogPermissions},
 * {@code OrganizationPermissions}).
 */
final class AccessRules {

    /** Who may open a path. */
    enum Access {
        /** Anyone, signed in or not. */
        PUBLIC,
        /** Anyone signed in. */
        SIGNED_IN,
        /** Any staff role; the module's permissions class decides the action. */
        CONSOLE,
        /** The city administrator only. */
        ADMIN,
        /**
         * A worker signed in with a mobile number and a one-time code ({@code ROLE_WORKER}); an anonymous visitor is
         * sent to the worker sign-in page, never to the staff one.
         */
        WORKER
    }

    /**
     * One rule.
     *
     * @param method  the HTTP method, null for every method; a GET rule also admits HEAD
     * @param pattern a Spring path pattern
     * @param access  who may open it
     * @param reason  why, in one line
     */
    record Rule(HttpMethod method, String pattern, Access access, String reason) {

        List<RequestMatcher> matchers() {
            PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
            if (method == null) {
                return List.of(paths.matcher(pattern));
            }
            return method == HttpMethod.GET
                    ? List.of(paths.matcher(HttpMethod.GET, pattern), paths.matcher(HttpMethod.HEAD, pattern))
                    : List.of(paths.matcher(method, pattern));
        }
    }

    private static final HttpMethod GET = HttpMethod.GET;
    private static final HttpMethod POST = HttpMethod.POST;

    static final List<Rule> RULES = List.of(
            // Identity, worker sign-in (before the public /m/** rule: the first match wins). Workers sign in with a
            // mobile number and a one-time code; the membership pages below need a signed-in worker.
            new Rule(GET, "/m/signin", Access.PUBLIC, "worker sign-in: the mobile number form"),
            new Rule(POST, "/m/signin/code", Access.PUBLIC, "worker sign-in: send a one-time code, then its form"),
            new Rule(POST, "/m/signin", Access.PUBLIC, "worker sign-in: check the code and start the session"),
            new Rule(POST, "/m/signout", Access.PUBLIC, "worker sign-out; harmless without a worker session"),
            new Rule(null, "/m/me", Access.WORKER, "the signed-in worker's own page"),
            new Rule(null, "/m/me/**", Access.WORKER, "the signed-in worker's own data"),
            new Rule(null, "/m/join", Access.WORKER, "applying to join the union needs a signed-in worker"),
            new Rule(null, "/m/join/**", Access.WORKER, "applying to join the union needs a signed-in worker"),
            new Rule(null, "/m/member", Access.WORKER, "a member's card and state, for the member only"),
            new Rule(null, "/m/member/**", Access.WORKER, "a member's card, transfer and withdrawal"),
            // Grid, worker side: reporting hazards and following them needs a signed-in worker; a report's photo is
            // public by its unguessable key (Open311 media_url, staff pages), so its rule comes first.
            new Rule(
                    GET,
                    "/m/reports/photos/{key}",
                    Access.PUBLIC,
                    "a hazard report's photo by its random key (Open311 media_url); no session"),
            new Rule(null, "/m/report", Access.WORKER, "reporting a hazard needs a signed-in worker"),
            new Rule(null, "/m/report/**", Access.WORKER, "reporting a hazard: nearby reports, details, adding to one"),
            new Rule(null, "/m/reports", Access.WORKER, "the worker's own hazard reports and notices"),
            new Rule(null, "/m/reports/**", Access.WORKER, "one of the worker's own hazard reports, its timeline"),
            new Rule(null, "/m/grid", Access.WORKER, "part-time grid worker: enrolment, points, nearest blocks"),
            new Rule(null, "/m/grid/**", Access.WORKER, "part-time grid worker: join or leave a block"),
            // Public: riders, the sign-in page, assets, probes, the read-only API and its documentation.
            new Rule(GET, "/", Access.PUBLIC, "redirects to the rider page"),
            // Membership: the public card check (a scanned QR code; no sign-in, no session).
            new Rule(
                    GET,
                    "/m/verify/{token}",
                    Access.PUBLIC,
                    "membership card check: masked name, union, valid now (signed, revocable token)"),
            new Rule(GET, "/m/**", Access.PUBLIC, "rider pages: workers never sign in to find a station"),
            new Rule(GET, "/login", Access.PUBLIC, "the staff sign-in page (its POST is handled by the login filter)"),
            new Rule(POST, "/login", Access.PUBLIC, "the sign-in itself"),
            new Rule(GET, "/webjars/**", Access.PUBLIC, "front-end libraries"),
            new Rule(GET, "/css/**", Access.PUBLIC, "style sheets"),
            new Rule(GET, "/js/**", Access.PUBLIC, "scripts"),
            new Rule(
                    GET,
                    "/favicon.ico",
                    Access.PUBLIC,
                    "browsers ask for it by themselves: a 404, not a sign-in redirect"),
            new Rule(GET, "/favicon.svg", Access.PUBLIC, "browser icon"),
            new Rule(null, "/error", Access.PUBLIC, "error pages, reached by the container's error dispatch"),
            new Rule(GET, "/actuator/health", Access.PUBLIC, "load-balancer probe, says only UP or DOWN"),
            new Rule(GET, "/actuator/health/**", Access.PUBLIC, "liveness and readiness probes"),
            new Rule(GET, "/actuator/info", Access.PUBLIC, "build information, nothing secret"),
            new Rule(GET, "/v3/api-docs", Access.PUBLIC, "OpenAPI description of the public API"),
            new Rule(GET, "/v3/api-docs/**", Access.PUBLIC, "OpenAPI description (groups, Swagger UI config)"),
            new Rule(GET, "/v3/api-docs.yaml", Access.PUBLIC, "OpenAPI description as YAML"),
            new Rule(GET, "/swagger-ui.html", Access.PUBLIC, "API documentation page"),
            new Rule(GET, "/swagger-ui/**", Access.PUBLIC, "API documentation assets"),
            new Rule(GET, "/api/v1/stations/nearest", Access.PUBLIC, "the nearest-station finder riders use"),
            new Rule(GET, "/api/v1/stations/{code}", Access.PUBLIC, "one station, as signposted to riders"),
            new Rule(GET, "/api/v1/stations", Access.PUBLIC, "the station map layer (GeoJSON)"),
            new Rule(GET, "/api/v1/districts", Access.PUBLIC, "reference data: districts and label points"),
            new Rule(GET, "/api/v1/districts/boundaries", Access.PUBLIC, "reference data: district boundaries"),
            // Open311 GeoReport v2 (grid): public reads, POST requests authorised by its api_key parameter (checked by
            // the adapter, answered 403 in the standard's format); stateless, no CSRF (SecurityConfiguration).
            new Rule(GET, "/open311/v2/discovery", Access.PUBLIC, "Open311 discovery (JSON)"),
            new Rule(GET, "/open311/v2/discovery.{format}", Access.PUBLIC, "Open311 discovery, .json or .xml"),
            new Rule(GET, "/open311/v2/services", Access.PUBLIC, "Open311 services: the hazard categories"),
            new Rule(GET, "/open311/v2/services.{format}", Access.PUBLIC, "Open311 services, .json or .xml"),
            new Rule(GET, "/open311/v2/services/{file}", Access.PUBLIC, "Open311 service definition of one category"),
            new Rule(GET, "/open311/v2/requests", Access.PUBLIC, "Open311 service requests by filter (public)"),
            new Rule(GET, "/open311/v2/requests.{format}", Access.PUBLIC, "Open311 service requests, .json or .xml"),
            new Rule(GET, "/open311/v2/requests/{file}", Access.PUBLIC, "Open311 one service request (public)"),
            new Rule(GET, "/open311/v2/tokens/{file}", Access.PUBLIC, "Open311 the request id of a token"),
            new Rule(
                    POST, "/open311/v2/requests", Access.PUBLIC, "Open311 new request: api_key checked by the adapter"),
            new Rule(
                    POST,
                    "/open311/v2/requests.{format}",
                    Access.PUBLIC,
                    "Open311 new request, .json or .xml: api_key checked by the adapter"),
            new Rule(
                    null,
                    "/open311/**",
                    Access.PUBLIC,
                    "Open311: any other path or method is answered 404/405 in the standard's error format"),
            // Signed in.
            new Rule(POST, "/logout", Access.SIGNED_IN, "sign out (handled by the logout filter)"),
            // The staff console: any staff role gets in, the permissions classes decide each action.
            new Rule(GET, "/console", Access.CONSOLE, "console home"),
            new Rule(GET, "/console/", Access.CONSOLE, "console home"),
            new Rule(null, "/console/stations", Access.CONSOLE, "station roster (StationPermissions)"),
            new Rule(
                    null,
                    "/console/stations/**",
                    Access.CONSOLE,
                    "station roster, map, export, import (StationPermissions)"),
            new Rule(
                    GET,
                    "/console/organizations",
                    Access.CONSOLE,
                    "organisation tree and search, within the user's scope (OrganizationPermissions)"),
            new Rule(
                    null,
                    "/console/organizations/**",
                    Access.CONSOLE,
                    "an organisation's page; create, edit, move, dissolve (OrganizationPermissions)"),
            new Rule(
                    null,
                    "/console/enterprises",
                    Access.CONSOLE,
                    "enterprise registry list with filters (EnterprisePermissions, scoped)"),
            new Rule(
                    null,
                    "/console/enterprises/**",
                    Access.CONSOLE,
                    "enterprise registry: one enterprise, new, export, import (EnterprisePermissions, scoped)"),
            new Rule(
                    null,
                    "/console/campaigns",
                    Access.CONSOLE,
                    "union-establishment campaigns (EnterprisePermissions, scoped)"),
            new Rule(
                    null,
                    "/console/campaigns/**",
                    Access.CONSOLE,
                    "one campaign, its targets and upkeep (EnterprisePermissions, scoped)"),
            // Membership: the review queues of the user's scope (MemberPermissions).
            new Rule(
                    null,
                    "/console/membership/**",
                    Access.CONSOLE,
                    "membership review: applications and transfers of the user's scope (MemberPermissions)"),
            // Module membership, mass enrollment and the members list (branch enroll).
            new Rule(null, "/console/members", Access.CONSOLE, "members list with filters, scoped (MemberPermissions)"),
            new Rule(
                    null,
                    "/console/members/**",
                    Access.CONSOLE,
                    "a member, export, unmask with a reason, mass enrollment (MemberPermissions, scoped)"),
            // Grid (issue 10): the staff console's hazard reports, map, export, blocks and units (GridPermissions).
            new Rule(
                    null,
                    "/console/grid/reports",
                    Access.CONSOLE,
                    "hazard report triage queue with filters, scoped (GridPermissions VIEW)"),
            new Rule(
                    GET,
                    "/console/grid/reports.geojson",
                    Access.CONSOLE,
                    "the report map's layer, same filters and scope as the queue (GridPermissions VIEW)"),
            new Rule(
                    GET,
                    "/console/grid/reports.xlsx",
                    Access.CONSOLE,
                    "hazard report export, same filters and scope, audited (GridPermissions EXPORT)"),
            new Rule(
                    null,
                    "/console/grid/reports/**",
                    Access.CONSOLE,
                    "one report and its triage actions, scoped (GridPermissions VIEW, HANDLE)"),
            new Rule(GET, "/console/grid/map", Access.CONSOLE, "map of hazard reports, scoped (GridPermissions VIEW)"),
            new Rule(
                    null,
                    "/console/grid/blocks",
                    Access.CONSOLE,
                    "rider-friendly blocks of the scope (GridPermissions VIEW)"),
            new Rule(
                    null,
                    "/console/grid/blocks/**",
                    Access.CONSOLE,
                    "a block, its grid workers; draw, edit, retire (GridPermissions VIEW, MANAGE_BLOCKS)"),
            new Rule(
                    null,
                    "/console/grid/units",
                    Access.CONSOLE,
                    "default responsible units per district (GridPermissions VIEW, MANAGE_UNITS)"),
            new Rule(null, "/console/accounts", Access.CONSOLE, "account management (AccountPermissions)"),
            new Rule(null, "/console/accounts/**", Access.CONSOLE, "account management (AccountPermissions)"),
            new Rule(
                    null,
                    "/console/account/password",
                    Access.CONSOLE,
                    "change one's own password (AccountPermissions)"),
            new Rule(GET, "/console/audit", Access.CONSOLE, "audit log (AuditLogPermissions)"),
            // Grid, Open311 API keys: the city administrator issues and revokes them (GridPermissions.MANAGE_API_KEYS).
            new Rule(
                    null,
                    "/console/grid/api-keys",
                    Access.CONSOLE,
                    "Open311 API keys: list and issue (GridPermissions.MANAGE_API_KEYS)"),
            new Rule(
                    null,
                    "/console/grid/api-keys/**",
                    Access.CONSOLE,
                    "Open311 API keys: revoke with confirmation (GridPermissions.MANAGE_API_KEYS)"),
            // Operations.
            new Rule(GET, "/actuator", Access.ADMIN, "list of management endpoints"),
            new Rule(GET, "/actuator/prometheus", Access.ADMIN, "metrics: load and error rates are not public"));

    private AccessRules() {}

    /** Adds every rule, then refuses everything else. */
    static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        for (Rule rule : RULES) {
            var matched = auth.requestMatchers(rule.matchers().toArray(RequestMatcher[]::new));
            switch (rule.access()) {
                case PUBLIC -> matched.permitAll();
                case SIGNED_IN -> matched.authenticated();
                case CONSOLE ->
                    matched.hasAnyRole(
                            Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new));
                case ADMIN -> matched.hasRole(Role.CITY_ADMIN.name());
                case WORKER -> matched.hasAuthority(CurrentWorker.AUTHORITY);
            }
        }
        auth.anyRequest().denyAll();
    }

    /** @return whether the request's path needs a signed-in worker (its rule is {@link Access#WORKER}) */
    static boolean isWorkerPath(HttpServletRequest request) {
        return ruleFor(request).map(r -> r.access() == Access.WORKER).orElse(false);
    }

    /** @return the first rule that matches the request, empty when only the deny-all fallback would */
    static Optional<Rule> ruleFor(HttpServletRequest request) {
        return RULES.stream()
                .filter(r -> r.matchers().stream().anyMatch(m -> m.matches(request)))
                .findFirst();
    }
}
