package org.nuanxin.identity.internal;

import org.springframework.security.web.csrf.CsrfTokenRepository;

/** Test support: the application's own CSRF token repository, for real-server tests in other packages. */
public final class SecurityConfigurationAccess {

    private SecurityConfigurationAccess() {}

    /** @return the repository {@link SecurityConfiguration} installs (tokens in a cookie, no session) */
    public static CsrfTokenRepository csrfTokens() {
        return SecurityConfiguration.csrfTokens();
    }
}
