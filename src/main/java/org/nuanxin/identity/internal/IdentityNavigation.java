package org.nuanxin.identity.internal;

import org.nuanxin.identity.AccountPermissions;
import org.nuanxin.identity.AuditLogPermissions;
import org.nuanxin.identity.CurrentUser;
import org.nuanxin.identity.OrganizationTree;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the console layout which identity links the current user may follow ({@code nxMayAccounts},
 * {@code nxMayAudit}), so that a menu shows only what its reader may open, and the name of the
 * organisation the user works for ({@code nxOrganization}, null when not signed in): the part of the
 * tree every list on the page is limited to.
 */
@ControllerAdvice
class IdentityNavigation {

    private final AccountPermissions accounts;
    private final AuditLogPermissions audit;

    private final OrganizationTree tree;

    IdentityNavigation(AccountPermissions accounts, AuditLogPermissions audit, OrganizationTree tree) {
        this.tree = tree;
        this.accounts = accounts;
        this.audit = audit;
    }

    @ModelAttribute
    void navigation(Model model) {
        model.addAttribute("nxMayAccounts", accounts.current(AccountPermissions.Action.VIEW));
        model.addAttribute("nxMayAudit", audit.current(AuditLogPermissions.Action.VIEW));
        model.addAttribute(
                "nxOrganization",
                CurrentUser.get()
                        .map(u -> u.organizationId() == null ? tree.rootId() : u.organizationId())
                        .flatMap(tree::find)
                        .map(OrganizationTree.Node::name)
                        .orElse(null));
    }
}
