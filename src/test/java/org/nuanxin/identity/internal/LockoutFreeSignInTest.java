package org.nuanxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nuanxin.support.NuanxinTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * No lock-out switch and no user enumeration: a wrong password, an unknown name and a throttled
 * attempt get the same status, the same redirect and the same page; an attacker's failures from one
 * address throttle that address only. (The thresholds are tested in {@link SignInThrottleTest}; the
 * test profile loosens them, so here the throttle bean is filled directly.)
 */
@NuanxinTest
class LockoutFreeSignInTest {

    static final String PASSWORD = "test-admin-password-1";

    @Autowired
    MockMvc mvc;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    JdbcClient jdbc;

    MockHttpServletRequestBuilder attempt(String username, String password, String address) {
        return post("/login")
                .param("username", username)
                .param("password", password)
                .with(csrf())
                .with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                });
    }

    @Test
    void wrongPasswordUnknownNameAndThrottledAttemptAnswerAlike() throws Exception {
        String attacker = "203.0.113.77";
        for (int i = 0; i < 2000; i++) {
            throttle.failed("admin", attacker);
        }
        List<String> answers = new ArrayList<>();
        for (var request : List.of(
                attempt("admin", "wrong-password-1", "198.51.100.20"),
                attempt("no-such-user-here", "wrong-password-1", "198.51.100.20"),
                attempt("admin", PASSWORD, attacker))) {
            MockHttpServletResponse response = mvc.perform(request)
                    .andExpect(unauthenticated())
                    .andReturn()
                    .getResponse();
            answers.add(
                    response.getStatus() + " " + response.getHeader("Location") + " " + response.getContentAsString());
        }
        assertThat(answers).containsOnly("302 /login?error ");

        // The throttled attempt is audited as such; the right password was never checked.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'identity.sign-in.failed'"
                                + " AND details = 'throttled' AND client_address = ?")
                        .param(attacker)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theAdministratorSignsInFromTheirOwnAddressWhileAnAttackerIsThrottled() throws Exception {
        for (int i = 0; i < 2000; i++) {
            throttle.failed("admin", "203.0.113.78");
        }
        mvc.perform(attempt("admin", PASSWORD, "203.0.113.78")).andExpect(unauthenticated());
        mvc.perform(attempt("admin", PASSWORD, "198.51.100.21")).andExpect(authenticated());
    }
}
