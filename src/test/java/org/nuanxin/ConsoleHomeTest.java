package org.nuanxin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.nuanxin.support.NuanxinTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The console home offers each role the work it may do, and only that. */
@NuanxinTest
class ConsoleHomeTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theAdministratorSeesAccountsAndTheAuditLogButNoImport() throws Exception {
        String html = home("admin", "CITY_ADMIN");
        assertThat(html).contains(card("/console/stations"), card("/console/accounts"), card("/console/audit"));
        assertThat(html).doesNotContain(card("/console/stations/import"));
    }

    @Test
    void staffSeeTheRosterAndImportButNotAccountsOrTheAuditLog() throws Exception {
        String html = home("staff", "UNION_STAFF");
        assertThat(html).contains(card("/console/stations"), card("/console/stations/import"));
        assertThat(html)
                .doesNotContain(card("/console/accounts"), card("/console/audit"), "href=\"/console/accounts\"");
    }

    @Test
    void staffFindMembershipReviewAndTheMembersListInTheMenuStationManagersDoNot() throws Exception {
        assertThat(home("staff", "UNION_STAFF"))
                .contains("href=\"/console/membership/applications\"", "href=\"/console/members\"");
        assertThat(home("manager", "STATION_MANAGER"))
                .doesNotContain("href=\"/console/membership/applications\"", "href=\"/console/members\"");
    }

    /** A card of the home page (the menu may link the same page; the card is what the home offers). */
    private static String card(String path) {
        return "nx-card-link\" href=\"" + path + "\"";
    }

    private String home(String username, String role) throws Exception {
        return mvc.perform(get("/console").with(user(username).roles(role)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
