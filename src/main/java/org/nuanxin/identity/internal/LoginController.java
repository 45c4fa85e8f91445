package org.nuanxin.identity.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Shows the staff sign-in page; Spring Security's filter handles the POST. The page never creates a
 * session: its CSRF token lives in a cookie (see {@code SecurityConfiguration}).
 */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
