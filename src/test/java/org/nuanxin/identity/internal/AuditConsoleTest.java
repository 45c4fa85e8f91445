package org.nuanxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.nuanxin.audit.AuditLog;
import org.nuanxin.support.NuanxinTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The audit log page: filters in the URL, newest first, paged, localised action names. */
@NuanxinTest
@AutoConfigureMockMvc
class AuditConsoleTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user("admin").roles("CITY_ADMIN")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void filtersPagesAndNamesActions() throws Exception {
        for (int i = 1; i <= 53; i++) {
            audit.record(
                    new AuditLog.Origin("page-tester", "10.0.0.1"),
                    "station.export",
                    "station",
                    null,
                    null,
                    "all rows=" + i);
        }
        audit.record(
                new AuditLog.Origin("page-tester", "10.0.0.1"), "account.create", "account", "someone", null, null);

        String first = page(get("/console/audit").param("actor", "page-tester").param("action", "station."));
        assertThat(first)
                .contains("共 53 条记录")
                .contains("导出驿站名册")
                .contains("第 1 / 2 页")
                .doesNotContain("新建账号")
                .contains(
                        "/console/audit?actor=page-tester&amp;action=station.&amp;recordId=&amp;from=&amp;to=&amp;page=1");
        // Newest first: the last export is on the first page, the first export on the second.
        assertThat(first).contains("all rows=53").doesNotContain("all rows=1<");
        String second = page(get("/console/audit")
                .param("actor", "page-tester")
                .param("action", "station.")
                .param("page", "1"));
        assertThat(second).contains("all rows=1<").contains("第 2 / 2 页");

        String byRecord =
                page(get("/console/audit").param("recordId", "someone").param("lang", "en"));
        assertThat(byRecord).contains("1 entries").contains("Account created").contains("page-tester");
    }

    @Test
    void datesAreShanghaiDaysAndAMalformedDateIsMarkedNotApplied() throws Exception {
        audit.record(new AuditLog.Origin("date-tester", ""), "account.enable", "account", "x", null, null);
        String bad = page(get("/console/audit").param("actor", "date-tester").param("from", "31/01/2026"));
        assertThat(bad).contains("is-invalid").contains("共 1 条记录");
        String future = page(get("/console/audit").param("actor", "date-tester").param("from", "2999-01-01"));
        assertThat(future).contains("共 0 条记录");
    }
}
