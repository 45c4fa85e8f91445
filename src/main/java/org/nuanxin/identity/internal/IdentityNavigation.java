package org.nuanxin.identity.internal;

import org.nuanxin.identity.AccountPermissions;
import org.nuanxin.identity.AuditLogPermissions;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the console layout which identity links the current user may follow ({@code nxMayAccounts},
 * {@code nxMayAudit}), so that a menu shows only what its reader may open.
 */
@ControllerAdvice
class IdentityNavigation {

    private final AccountPermissions accounts;
    private final AuditLogPermissions audit;

    IdentityNavigation(AccountPermissions accounts, AuditLogPermissions audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @ModelAttribute
    void navigation(Model model) {
        model.addAttribute("nxMayAccounts", accounts.current(AccountPermissions.Action.VIEW));
        model.addAttribute("nxMayAudit", audit.current(AuditLogPermissions.Action.VIEW));
    }
}
