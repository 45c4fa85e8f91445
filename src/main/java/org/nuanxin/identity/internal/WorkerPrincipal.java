package org.nuanxin.identity.internal;

import java.io.Serializable;
import java.util.List;
import org.nuanxin.identity.CurrentWorker;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The principal of a worker's session, made by the one-time-code sign-in. Its name and text never show the mobile
 * number (Spring Security and the audit log read {@link #getName()} and {@code toString()}): they say
 * {@value #NAME} and the masked number at most.
 *
 * @param mobile the worker's mobile number, E.164
 */
record WorkerPrincipal(String mobile) implements CurrentWorker.Principal, java.security.Principal, Serializable {

    /** The name every worker principal gives: not the number, which is personal data. */
    static final String NAME = "(worker)";

    @Override
    public CurrentWorker currentWorker() {
        return new CurrentWorker(mobile);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String toString() {
        return NAME;
    }

    /** @return a signed-in authentication of this worker with the single authority {@link CurrentWorker#AUTHORITY} */
    Authentication authentication() {
        return UsernamePasswordAuthenticationToken.authenticated(
                this, null, List.of(new SimpleGrantedAuthority(CurrentWorker.AUTHORITY)));
    }
}
