package org.nuanxin.grid.web;

import org.nuanxin.grid.GridPermissions;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the console layout whether to show the grid reports link ({@code nxMayGrid}). */
@ControllerAdvice
class GridNavigation {

    private final GridPermissions permissions;

    GridNavigation(GridPermissions permissions) {
        this.permissions = permissions;
    }

    @ModelAttribute
    void navigation(Model model) {
        model.addAttribute("nxMayGrid", permissions.current(GridPermissions.Action.VIEW));
    }
}
