package org.nuanxin.identity.internal;

import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.nuanxin.kernel.CityTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Shows the staff sign-in page; Spring Security's filter handles the POST. */
@Controller
class LoginController {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private final CityTime time;

    LoginController(CityTime time) {
        this.time = time;
    }

    @GetMapping("/login")
    String login(HttpSession session, Model model) {
        Object until = session.getAttribute(LoginFailureHandler.LOCKED_UNTIL);
        if (until instanceof Instant instant) {
            session.removeAttribute(LoginFailureHandler.LOCKED_UNTIL);
            model.addAttribute("lockedUntil", HH_MM.format(time.local(instant)));
        }
        return "login";
    }
}
