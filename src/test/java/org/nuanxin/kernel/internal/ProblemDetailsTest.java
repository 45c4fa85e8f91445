package org.nuanxin.kernel.internal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.nuanxin.kernel.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * RFC 9457 problem details for API errors, using controllers that exist only in this test: a web slice
 * (the advice, the locale configuration, Spring MVC) without the application's security filters, which
 * {@code SecurityBaselineTest} covers with the whole application.
 */
// The slice would also pick up the modules' navigation advice, which needs their permission beans.
@WebMvcTest(
        controllers = {ProblemDetailsTest.FakeApi.class, ProblemDetailsTest.FakeConsole.class},
        excludeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = "org\\.nuanxin\\.(identity|station|audit|organization|membership|grid)\\..*"))
@AutoConfigureMockMvc(addFilters = false)
@Import({ProblemDetailsTest.FakeApi.class, ProblemDetailsTest.FakeConsole.class})
class ProblemDetailsTest {

    record Body(@NotBlank String name) {}

    @RestController
    @RequestMapping("/api/v1/test-only")
    static class FakeApi {

        @GetMapping("/invalid")
        String invalid() {
            throw new InvalidInputException("phone", "kernel.problem.field.type", "phone");
        }

        @GetMapping("/near")
        String near(@RequestParam double lat, @RequestParam("lng") double longitude) {
            return "ok";
        }

        @GetMapping("/limited")
        String limited(@RequestParam @Min(1) int limit) {
            return "ok";
        }

        @PostMapping("/body")
        String body(@Valid @RequestBody Body body) {
            return "ok";
        }

        @GetMapping("/boom")
        String boom() {
            throw new IllegalStateException("database said: id 500101199001011234 not unique");
        }

        @GetMapping("/too-large")
        String tooLarge() {
            throw new MaxUploadSizeExceededException(10L * 1024 * 1024);
        }
    }

    @Controller
    static class FakeConsole {

        @PostMapping("/console/test-only/upload")
        String upload() {
            throw new MaxUploadSizeExceededException(10L * 1024 * 1024);
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void invalidInputIs400WithFieldErrors() throws Exception {
        mvc.perform(get("/api/v1/test-only/invalid"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("输入有误"))
                .andExpect(jsonPath("$.instance").value("/api/v1/test-only/invalid"))
                .andExpect(jsonPath("$.errors[0].field").value("phone"))
                .andExpect(jsonPath("$.errors[0].code").value("kernel.problem.field.type"))
                .andExpect(jsonPath("$.errors[0].message").value("“phone”的格式不正确"));
    }

    @Test
    void browsersOpeningTheApiGetTheProblemToo() throws Exception {
        mvc.perform(get("/api/v1/test-only/invalid").accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("phone"));
    }

    @Test
    void typeMismatchNamesTheParameter() throws Exception {
        mvc.perform(get("/api/v1/test-only/near").param("lat", "abc").param("lng", "106.5"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lat"))
                .andExpect(jsonPath("$.errors[0].message").value("“lat”的格式不正确"))
                .andExpect(content().string(not(containsString("abc"))));
        mvc.perform(get("/api/v1/test-only/near").param("lat", "29.5").param("lng", "east"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lng"));
    }

    @Test
    void missingParameterIsNamed() throws Exception {
        mvc.perform(get("/api/v1/test-only/near").param("lat", "29.5"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lng"))
                .andExpect(jsonPath("$.errors[0].message").value("缺少必填参数“lng”"));
    }

    @Test
    void parameterConstraintsAreReportedByField() throws Exception {
        mvc.perform(get("/api/v1/test-only/limited").param("limit", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
    }

    @Test
    void invalidBodyIsReportedByField() throws Exception {
        mvc.perform(post("/api/v1/test-only/body")
                        .with(user("staff").roles("UNION_STAFF"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(post("/api/v1/test-only/body")
                        .with(user("staff").roles("UNION_STAFF"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("请求内容无法解析"));
    }

    @Test
    void unexpectedErrorsAre500WithoutDetails() throws Exception {
        mvc.perform(get("/api/v1/test-only/boom"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("服务器内部错误"))
                .andExpect(content().string(not(containsString("500101199001011234"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))));
    }

    @Test
    void uploadTooLargeIs413ForApiAndConsole() throws Exception {
        mvc.perform(get("/api/v1/test-only/too-large"))
                .andExpect(status().is(413))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("内容太大"));
        // The console gets the status; the friendly error/413 page it leads to over real HTTP is
        // ImportUploadLimitHttpTest's (MockMvc does not forward to /error).
        mvc.perform(post("/console/test-only/upload")
                        .with(user("staff").roles("UNION_STAFF"))
                        .with(csrf()))
                .andExpect(status().is(413));
    }

    @Test
    void unknownApiPathIs404Problem() throws Exception {
        mvc.perform(get("/api/v1/test-only/nothing-here"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("未找到"));
    }

    @Test
    void problemsAreInEnglishWhenChosen() throws Exception {
        mvc.perform(get("/api/v1/test-only/near").param("lat", "29.5").param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.errors[0].message").value("Required parameter 'lng' is missing"));
    }
}
