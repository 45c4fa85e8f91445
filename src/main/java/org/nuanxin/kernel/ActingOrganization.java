package org.nuanxin.kernel;

/**
 * Implemented by the principal of a signed-in staff member: the organisation they act for. Lets
 * modules that know nothing of accounts (the audit log) record it.
 */
public interface ActingOrganization {

    /** @return the id of the organisation the signed-in staff member belongs to */
    long organizationId();
}
