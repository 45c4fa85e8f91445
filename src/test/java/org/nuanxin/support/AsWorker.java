package org.nuanxin.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.util.List;
import java.util.function.Supplier;
import org.nuanxin.identity.CurrentWorker;
import org.nuanxin.identity.PhoneNumbers;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Acts as a worker signed in with a mobile number, as the one-time-code sign-in ({@code /m/signin}) would leave
 * them: a principal implementing {@link CurrentWorker.Principal} with the single authority
 * {@value CurrentWorker#AUTHORITY}, so {@link CurrentWorker#get()} gives the number and {@code CurrentUser.get()}
 * stays empty.
 *
 * <pre>{@code
 * mvc.perform(get("/m/member").with(AsWorker.mobile("13800138000"))).andExpect(status().isOk());
 * AsWorker.run("+8613800138000", () -> service.apply(...));     // a direct service call
 * }</pre>
 *
 * The number may be written as people write it (13800138000, +86 138 0013 8000); it must be a mainland mobile.
 */
public final class AsWorker {

    private AsWorker() {}

    /** A MockMvc request signed in as the worker with this mobile number. */
    public static RequestPostProcessor mobile(String mobile) {
        return authentication(authenticationOf(mobile));
    }

    /** @return what {@code work} returns, computed with the worker signed in on this thread */
    public static <T> T call(String mobile, Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authenticationOf(mobile));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    /** Runs {@code work} with the worker signed in on this thread. */
    public static void run(String mobile, Runnable work) {
        call(mobile, () -> {
            work.run();
            return null;
        });
    }

    /** @return the authentication of a signed-in worker (E.164 number in {@link CurrentWorker#mobile()}) */
    public static Authentication authenticationOf(String mobile) {
        PhoneNumbers.Parsed parsed = PhoneNumbers.parseMainland(mobile)
                .number()
                .filter(p -> p.kind() == PhoneNumbers.Kind.MOBILE)
                .orElseThrow(() -> new IllegalArgumentException("not a mainland mobile number"));
        return UsernamePasswordAuthenticationToken.authenticated(
                new Worker(parsed.e164()), null, List.of(new SimpleGrantedAuthority(CurrentWorker.AUTHORITY)));
    }

    private record Worker(String mobile) implements CurrentWorker.Principal {

        @Override
        public CurrentWorker currentWorker() {
            return new CurrentWorker(mobile);
        }

        @Override
        public String toString() {
            return "(worker)";
        }
    }
}
