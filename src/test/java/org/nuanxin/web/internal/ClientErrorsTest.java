package org.nuanxin.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nuanxin.support.NuanxinTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;

/** Client errors answer 4xx and write no stack trace (no log amplification); /error opened directly is 404. */
@ExtendWith(OutputCaptureExtension.class)
@NuanxinTest
class ClientErrorsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void errorOpenedDirectlyIsNotFound() throws Exception {
        assertThat(mvc.perform(get("/error")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void malformedAnonymousRequestsLogNoStackTrace(CapturedOutput output) throws Exception {
        int start = output.getAll().length();
        String padding = "x".repeat(5_000);
        int[] statuses = {
            mvc.perform(get(URI.create("/m/stations/..;/console?" + padding)))
                    .andReturn()
                    .getResponse()
                    .getStatus(),
            mvc.perform(get(URI.create("/console/%2e%2e/%252e?" + padding)))
                    .andReturn()
                    .getResponse()
                    .getStatus(),
            mvc.perform(get("/api/v1/stations/nearest").param("lat", "north").param("lng", padding))
                    .andReturn()
                    .getResponse()
                    .getStatus(),
            mvc.perform(post("/api/v1/stations").contentType("application/json").content("{" + padding))
                    .andReturn()
                    .getResponse()
                    .getStatus()
        };
        assertThat(java.util.Arrays.stream(statuses).boxed().toList())
                .allSatisfy(s -> assertThat(s).isBetween(400, 499));
        String log = output.getAll().substring(start);
        assertThat(log).doesNotContain("\tat ").doesNotContain("Exception:");
        assertThat(log.length()).isLessThan(2_000);
    }
}
