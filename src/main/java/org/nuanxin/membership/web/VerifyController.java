package org.nuanxin.membership.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.membership.internal.CardVerification;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public page a scanned membership card opens (/m/verify/{token}): no sign-in, no session. It shows the masked
 * name, the union and whether the membership is valid now, decided at the moment of the scan.
 */
@Controller
class VerifyController {

    private final CardVerification verification;
    private final CityTime time;

    VerifyController(CardVerification verification, CityTime time) {
        this.verification = verification;
        this.time = time;
    }

    @GetMapping("/m/verify/{token}")
    String verify(@PathVariable String token, Model model, HttpServletResponse response) {
        // Decided now: a cached "valid" could outlive a transfer or withdrawal.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        model.addAttribute("result", verification.verify(token));
        model.addAttribute("now", time.local(time.now()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        return "membership/verify";
    }
}
