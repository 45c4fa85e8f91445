package org.nuanxin.organization.internal;

import org.nuanxin.organization.OrganizationPermissions;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the console layout whether the current user may open the organisation tree ({@code nxMayOrganizations}). */
@ControllerAdvice
class OrganizationNavigation {

    private final OrganizationPermissions permissions;

    OrganizationNavigation(OrganizationPermissions permissions) {
        this.permissions = permissions;
    }

    @ModelAttribute
    void navigation(Model model) {
        model.addAttribute("nxMayOrganizations", permissions.current(OrganizationPermissions.Action.VIEW));
    }
}
