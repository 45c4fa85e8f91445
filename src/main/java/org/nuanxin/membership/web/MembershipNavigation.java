package org.nuanxin.membership.web;

import org.nuanxin.membership.MemberPermissions;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the console layout whether to show the membership review link ({@code nxMayMembership}). */
@ControllerAdvice
class MembershipNavigation {

    private final MemberPermissions permissions;

    MembershipNavigation(MemberPermissions permissions) {
        this.permissions = permissions;
    }

    @ModelAttribute
    void navigation(Model model) {
        model.addAttribute("nxMayMembership", permissions.current(MemberPermissions.Action.VIEW));
    }
}
