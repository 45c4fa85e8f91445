package org.nuanxin.support;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs test code that calls a service directly (not over HTTP) as a city-wide union staff member:
 * the services ask the permissions classes and the data scope, so a call needs someone signed in. The
 * user is a mock authentication, which acts from the root of the organisation tree.
 */
public final class AsStaff {

    private AsStaff() {}

    /** @return what {@code work} returns, computed as a city-wide union staff member */
    public static <T> T call(Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TestingAuthenticationToken("staff", "n/a", List.of(() -> "ROLE_UNION_STAFF")));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    /** Runs {@code work} as a city-wide union staff member. */
    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
