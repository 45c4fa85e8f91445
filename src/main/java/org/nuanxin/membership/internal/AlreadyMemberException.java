package org.nuanxin.membership.internal;

import org.nuanxin.membership.ExistingMembership;

/**
 * A second application for an identity number whose membership the signed-in worker holds themselves (the record's
 * mobile lookup key is that of their sign-in number). Carries the state and the union, which only the holder may be
 * told; a number held by another phone is refused with {@code membership.join.notOnline} instead, saying nothing.
 */
public class AlreadyMemberException extends RuntimeException {

    private final ExistingMembership existing;

    AlreadyMemberException(ExistingMembership existing) {
        super("already a membership in state " + existing.state());
        this.existing = existing;
    }

    /** @return the worker's own membership held under the number */
    public ExistingMembership existing() {
        return existing;
    }
}
