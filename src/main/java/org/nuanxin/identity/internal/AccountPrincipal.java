package org.nuanxin.identity.internal;

import java.util.List;
import org.nuanxin.identity.CurrentUser;
import org.nuanxin.identity.Role;
import org.nuanxin.kernel.ActingOrganization;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The authenticated principal: Spring's {@link User} plus the display name, role and organisation of the account. */
public class AccountPrincipal extends User implements CurrentUser.Principal, ActingOrganization {

    private final String displayName;
    private final Role role;
    private final long organizationId;

    AccountPrincipal(Account account, boolean accountNonLocked) {
        super(
                account.username(),
                account.passwordHash(),
                account.enabled(),
                true,
                true,
                accountNonLocked,
                List.of(new SimpleGrantedAuthority(account.role().authority())));
        this.displayName = account.displayName();
        this.role = account.role();
        this.organizationId = account.organizationId();
    }

    public String displayName() {
        return displayName;
    }

    @Override
    public CurrentUser currentUser() {
        return new CurrentUser(getUsername(), displayName, role, organizationId);
    }

    public Role role() {
        return role;
    }

    @Override
    public long organizationId() {
        return organizationId;
    }

    // User.equals/hashCode compare the username only, which is what session registries need.
    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
