package org.nuanxin.organization.internal;

import org.nuanxin.identity.AccountDirectory;
import org.nuanxin.organization.OrganizationUsage;
import org.springframework.stereotype.Component;

/**
 * Staff accounts still working for an organisation, asked before it is dissolved. Identity cannot
 * implement {@link OrganizationUsage} itself (it must not depend on this module), so this module asks
 * identity's public {@link AccountDirectory}.
 */
@Component
class AccountOrganizationUsage implements OrganizationUsage {

    private final AccountDirectory accounts;

    AccountOrganizationUsage(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    @Override
    public long count(long organizationId) {
        return accounts.enabledIn(organizationId);
    }

    @Override
    public String messageKey() {
        return "organization.error.activeAccounts";
    }
}
