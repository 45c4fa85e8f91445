package org.nuanxin.membership.internal;

/** Thrown when a membership (or transfer) changed after it was read: someone else decided first. */
public class MemberChangedConcurrentlyException extends RuntimeException {

    MemberChangedConcurrentlyException(long id) {
        super("membership record " + id + " was changed by someone else");
    }
}
