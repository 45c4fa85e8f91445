package org.nuanxin.station.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.nuanxin.audit.AuditEntry;
import org.nuanxin.audit.AuditLog;
import org.nuanxin.audit.AuditQuery;
import org.nuanxin.station.StationCatalog;
import org.nuanxin.station.StationImportStatus;
import org.nuanxin.station.StationImports;
import org.nuanxin.support.AsStaff;
import org.nuanxin.support.NuanxinTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Every roster change and every export writes an audit entry; a refused change writes none. */
@NuanxinTest
@AutoConfigureMockMvc
class StationAuditTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    @Autowired
    StationCatalog catalog;

    @Autowired
    StationImports imports;

    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String name) {
        return request.with(csrf())
                .param("code", "")
                .param("name", name)
                .param("hostType", "COMMUNITY_SERVICE_STATION")
                .param("district", "500103")
                .param("address", "渝中区民族路 88 号")
                .param("longitude", "106.5770")
                .param("latitude", "29.5573")
                .param("crs", "GCJ02")
                .param("status", "OPEN")
                .param("contactName", "张某")
                .param("contactPhone", "13800000999")
                .param("openingHours", "08:00-22:00")
                .param("amenity", "WATER");
    }

    private List<AuditEntry> entries(String actor, String action) {
        return audit.search(new AuditQuery(actor, action, null, null, null), PageRequest.of(0, 50))
                .getContent();
    }

    @Test
    void createUpdateAndExportAreAuditedWithTheStaffMemberAndTheRecord() throws Exception {
        mvc.perform(form(post("/console/stations/new"), "审计测试驿站")
                        .with(user("audit-staff").roles("UNION_STAFF")))
                .andExpect(status().isFound());
        String code = AsStaff.call(() -> catalog.search(
                        new org.nuanxin.station.StationFilter(null, null, null, "审计测试驿站", null),
                        org.springframework.data.domain.PageRequest.of(0, 10)))
                .getContent()
                .get(0)
                .code();
        assertThat(entries("audit-staff", "station.create")).singleElement().satisfies(e -> {
            assertThat(e.recordType()).isEqualTo("station");
            assertThat(e.recordId()).isEqualTo(code);
            assertThat(e.clientAddress()).isEqualTo("127.0.0.1");
        });

        mvc.perform(form(post("/console/stations/" + code), "审计测试驿站二")
                        .param("version", "0")
                        .with(user("audit-staff").roles("UNION_STAFF")))
                .andExpect(status().isFound());
        assertThat(entries("audit-staff", "station.update"))
                .singleElement()
                .satisfies(e -> assertThat(e.recordId()).isEqualTo(code));

        // A refused change (the administrator does not edit the roster) and a failed one write nothing.
        mvc.perform(form(post("/console/stations/" + code), "管理员改名")
                        .param("version", "1")
                        .with(user("audit-admin").roles("CITY_ADMIN")))
                .andExpect(status().isForbidden());
        mvc.perform(form(post("/console/stations/" + code), "过期版本")
                        .param("version", "0")
                        .with(user("audit-staff").roles("UNION_STAFF")))
                .andExpect(status().isOk());
        mvc.perform(form(post("/console/stations/new"), "审计测试驿站二")
                        .with(user("audit-staff").roles("UNION_STAFF")))
                .andExpect(status().isOk()); // the name is taken
        assertThat(entries("audit-admin", null)).isEmpty();
        assertThat(entries("audit-staff", "station.")).hasSize(2);

        // Exports are disclosures: recorded with their filter, by whoever exports (the administrator may).
        mvc.perform(get("/console/stations/export.xlsx")
                        .param("district", "500103")
                        .param("status", "OPEN")
                        .with(user("audit-admin").roles("CITY_ADMIN")))
                .andExpect(status().isOk());
        assertThat(entries("audit-admin", "station.export")).singleElement().satisfies(e -> {
            assertThat(e.details()).startsWith("district=500103 status=OPEN rows=");
            assertThat(e.recordId()).isEmpty();
        });
    }

    @Test
    void anImportCommitIsAuditedWithItsCountsAndTheCommittingUser() throws Exception {
        byte[] csv = new ClassPathResource("spreadsheet/station-roster-sample.csv").getContentAsByteArray();
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("audit-importer", "n/a", "ROLE_UNION_STAFF"));
        StationImportStatus status;
        try {
            status = imports.start("roster.csv", csv, null, "audit-importer", Locale.SIMPLIFIED_CHINESE);
            status = await(status, StationImportStatus.State.READY);
            assertThat(status.problemCount()).isZero();
            imports.commit(status.id(), "audit-importer");
        } finally {
            SecurityContextHolder.clearContext();
        }
        status = await(status, StationImportStatus.State.COMMITTED);
        int created = status.toCreate();
        int total = status.total();
        assertThat(entries("audit-importer", "station.import.commit"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.recordType()).isEqualTo("import");
                    assertThat(e.details()).isEqualTo("rows=" + total + " created=" + created + " updated=0");
                    // Taken on the request thread and carried to the background write.
                    assertThat(e.clientAddress()).isEqualTo("127.0.0.1");
                });
    }

    private StationImportStatus await(StationImportStatus status, StationImportStatus.State wanted) {
        StationImportStatus reached = org.awaitility.Awaitility.await("import " + wanted)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> imports.status(status.id(), "audit-importer").orElseThrow(),
                        s -> s.state() == wanted || s.state().finished());
        assertThat(reached.state()).isEqualTo(wanted);
        return reached;
    }
}
