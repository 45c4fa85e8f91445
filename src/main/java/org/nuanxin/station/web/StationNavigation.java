package org.nuanxin.station.web;

import org.nuanxin.station.StationPermissions;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the console layout which station links the current user may follow ({@code nxMayImport}). */
@ControllerAdvice
class StationNavigation {

    private final StationPermissions permissions;

    StationNavigation(StationPermissions permissions) {
        this.permissions = permissions;
    }

    @ModelAttribute
    void navigation(Model model) {
        model.addAttribute("nxMayImport", permissions.current(StationPermissions.Action.IMPORT));
    }
}
