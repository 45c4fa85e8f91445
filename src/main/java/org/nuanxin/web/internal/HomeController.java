package org.nuanxin.web.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Entry points: the site root goes to the worker's station finder; {@code /console} is the staff home. */
@Controller
class HomeController {

    @GetMapping("/")
    String root() {
        return "redirect:/m/stations";
    }

    @GetMapping({"/console", "/console/"})
    String console() {
        return "console/home";
    }
}
