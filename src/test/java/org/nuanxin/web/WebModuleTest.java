package org.nuanxin.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The web module started alone (with the shared kernel): the site root leads riders to the station
 * finder, and {@code ?lang=en} is remembered in the language cookie. Security belongs to identity, which
 * this test does not start, so the filters are off.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
@AutoConfigureMockMvc(addFilters = false)
class WebModuleTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theRootLeadsToTheFinderAndTheLanguageChoiceIsRemembered() throws Exception {
        mvc.perform(get("/")).andExpect(redirectedUrl("/m/stations"));
        mvc.perform(get("/").param("lang", "en")).andExpect(cookie().value("nuanxin-lang", "en"));
    }
}
