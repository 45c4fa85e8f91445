package org.nuanxin.membership.internal;

import org.nuanxin.membership.ExistingMembership;

/**
 * A second application for an identity number that already has a membership (one person, one membership). Carries
 * what the refusal may say: the state and the union, never the holder's name or phone.
 */
public class AlreadyMemberException extends RuntimeException {

    private final ExistingMembership existing;
    private final boolean own;

    AlreadyMemberException(ExistingMembership existing, boolean own) {
        super("already a membership in state " + existing.state());
        this.existing = existing;
        this.own = own;
    }

    /** @return the membership held under the number */
    public ExistingMembership existing() {
        return existing;
    }

    /** @return whether it was applied for from the same phone (so the applicant may be sent to their own page) */
    public boolean own() {
        return own;
    }
}
