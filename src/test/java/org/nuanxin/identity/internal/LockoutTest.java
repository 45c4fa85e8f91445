package org.nuanxin.identity.internal;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nuanxin.support.MutableClock;
import org.nuanxin.support.NuanxinTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Lockout after consecutive failures, moving the context's test clock by hand. */
@NuanxinTest
class LockoutTest {

    static final String PASSWORD = "test-admin-password-1";

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void startUnlocked() throws Exception {
        clock.advance(Duration.ofHours(1)); // past any lock from an earlier test
        mvc.perform(formLogin("/login").user("admin").password(PASSWORD)).andExpect(authenticated());
    }

    @Test
    void fiveWrongPasswordsLockTheAccountUntilTheLockExpires() throws Exception {
        for (int i = 1; i <= 4; i++) {
            mvc.perform(formLogin("/login").user("admin").password("wrong-" + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login")
                        .param("username", "admin")
                        .param("password", "wrong-5")
                        .with(csrf())
                        .session(session))
                .andExpect(redirectedUrl("/login?locked"));
        Instant lockedAt = clock.instant();
        String until = java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                .format(lockedAt.plus(Duration.ofMinutes(15)).atZone(java.time.ZoneId.of("Asia/Shanghai")));
        mvc.perform(get("/login").param("locked", "").session(session))
                .andExpect(content().string(containsString("账号已被锁定，请在 " + until + " 之后再试")));

        // The right password does not help while locked ...
        mvc.perform(formLogin("/login").user("admin").password(PASSWORD))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?locked"));
        clock.advance(Duration.ofMinutes(14));
        mvc.perform(formLogin("/login").user("admin").password(PASSWORD)).andExpect(unauthenticated());

        // ... and works again once the lock has expired.
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        mvc.perform(formLogin("/login").user("admin").password(PASSWORD))
                .andExpect(authenticated())
                .andExpect(redirectedUrl("/console"));
    }

    @Test
    void successResetsTheCount() throws Exception {
        for (int i = 0; i < 4; i++) {
            mvc.perform(formLogin("/login").user("admin").password("wrong")).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user("admin").password(PASSWORD)).andExpect(authenticated());
        for (int i = 0; i < 4; i++) {
            mvc.perform(formLogin("/login").user("admin").password("wrong")).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user("admin").password(PASSWORD)).andExpect(authenticated());
    }

    @Test
    void unknownUsernamesAreNeverReportedAsLocked() throws Exception {
        for (int i = 0; i < 7; i++) {
            mvc.perform(formLogin("/login").user("ghost").password("wrong")).andExpect(redirectedUrl("/login?error"));
        }
    }
}
