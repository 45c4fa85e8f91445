package org.nuanxin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.junit.jupiter.api.Test;
import org.nuanxin.audit.AuditLog;
import org.nuanxin.audit.AuditQuery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The identity module with the modules it uses (audit, and the shared kernel and web) and the one that
 * implements its organisation-tree SPI (organization, added explicitly with the modules it uses, geo and spreadsheet: the dependency
 * points the other way): the first start creates the administrator, who signs in, and the sign-in lands in the audit log
 * through its public API.
 */
@ApplicationModuleTest(
        mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES,
        extraIncludes = {"organization", "geo", "spreadsheet"})
@ActiveProfiles("test")
@AutoConfigureMockMvc
class IdentityModuleTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    @Test
    void theAdministratorSignsInAndTheSignInIsAudited() throws Exception {
        mvc.perform(formLogin("/login").user("admin").password("test-admin-password-1"))
                .andExpect(redirectedUrl("/console"));
        mvc.perform(formLogin("/login").user("admin").password("wrong-password-000"))
                .andExpect(redirectedUrl("/login?error"));

        assertThat(audit.search(new AuditQuery("admin", "identity.", null, null, null), PageRequest.of(0, 10))
                        .getContent())
                .extracting(e -> e.action())
                .containsExactlyInAnyOrder("identity.sign-in.failed", "identity.sign-in");
    }
}
