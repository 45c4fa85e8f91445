package org.nuanxin.grid.open311;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs test code as the city administrator ({@code admin}, a mock authentication acting from the root). */
final class AsAdmin {

    private AsAdmin() {}

    static <T> T call(Supplier<T> work) {
        return as("admin", "ROLE_CITY_ADMIN", work);
    }

    static <T> T as(String username, String authority, Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TestingAuthenticationToken(username, "n/a", List.of(() -> authority)));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
