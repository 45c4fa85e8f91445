package org.nuanxin.identity;

import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The worker (rider, courier, driver) signed in on the worker pages with a mobile number and a one-time code.
 * Workers are not staff: {@link CurrentUser#get()} is empty for them, and they reach only the worker paths
 * that {@code AccessRules} opens to the role {@value #AUTHORITY}.
 *
 * @param mobile the signed-in mobile number, E.164 ({@code +8613800138000}); personal data: never log it
 */
public record CurrentWorker(String mobile) {

    /** The authority a signed-in worker carries. */
    public static final String AUTHORITY = "ROLE_WORKER";

    /** A signed-in principal that stands for a worker. */
    public interface Principal {

        /** @return the worker */
        CurrentWorker currentWorker();
    }

    /** The worker of the current request, or empty when nobody or a staff member is signed in. */
    public static Optional<CurrentWorker> get() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The worker behind an authentication, or empty. */
    public static Optional<CurrentWorker> of(Authentication auth) {
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return auth.getPrincipal() instanceof Principal p ? Optional.of(p.currentWorker()) : Optional.empty();
    }
}
