package org.nuanxin.organization;

/** Thrown when an organisation was changed by someone else after the editor loaded it (its version moved on). */
public class OrganizationChangedConcurrentlyException extends RuntimeException {

    public OrganizationChangedConcurrentlyException(long id) {
        super("organization " + id + " was changed by someone else");
    }
}
