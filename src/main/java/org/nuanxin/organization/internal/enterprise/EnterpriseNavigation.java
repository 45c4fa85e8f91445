package org.nuanxin.organization.internal.enterprise;

import org.nuanxin.organization.EnterprisePermissions;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the console layout whether to show the registry and campaign links ({@code nxMayEnterprises}). */
@ControllerAdvice
class EnterpriseNavigation {

    private final EnterprisePermissions permissions;

    EnterpriseNavigation(EnterprisePermissions permissions) {
        this.permissions = permissions;
    }

    @ModelAttribute
    void navigation(Model model) {
        model.addAttribute("nxMayEnterprises", permissions.current(EnterprisePermissions.Action.VIEW));
    }
}
