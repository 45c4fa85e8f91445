package org.nuanxin.organization.internal.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nuanxin.identity.Role;
import org.nuanxin.spreadsheet.XlsxExport;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The registry console over HTTP with real sign-ins of a 渝中区 and a 江北区 staff member: the list, one
 * enterprise, the export and the import stay within the signed-in user's scope, whatever ids and
 * parameters the client sends.
 */
@NuanxinTest
class EnterpriseConsoleTest {

    static final String PASSWORD = "enterprise-console-pw-1";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    EnterpriseService service;

    @Autowired
    XlsxExport xlsx;

    long yuzhongId;
    long jiangbeiId;
    Enterprise own;
    Enterprise other;

    @BeforeEach
    void registry() {
        jdbc.sql("DELETE FROM campaign_target").update();
        jdbc.sql("DELETE FROM campaign").update();
        jdbc.sql("DELETE FROM enterprise").update();
        StaffAccounts.ensure(jdbc, encoder, "yz-ent", PASSWORD, "UNION_STAFF", "500103");
        StaffAccounts.ensure(jdbc, encoder, "jb-ent", PASSWORD, "UNION_STAFF", "500105");
        StaffAccounts.ensure(jdbc, encoder, "yz-grid", PASSWORD, "GRID_STAFF", "500103");
        yuzhongId = EnterpriseFixtures.org(jdbc, "500103");
        jiangbeiId = EnterpriseFixtures.org(jdbc, "500105");
        EnterpriseFixtures.actAs("jb-ent", Role.UNION_STAFF, jiangbeiId);
        other = service.create(EnterpriseFixtures.input("江北货运平台", EnterpriseFixtures.code("500105", 201), "江北区"));
        EnterpriseFixtures.actAs("yz-ent", Role.UNION_STAFF, yuzhongId);
        own = service.create(EnterpriseFixtures.input("渝中配送平台", EnterpriseFixtures.code("500103", 202), "渝中区"));
        service.create(EnterpriseFixtures.established(
                "渝中速运", EnterpriseFixtures.code("500103", 203), "渝中区", "2024-04-01", null));
        EnterpriseFixtures.signOut();
    }

    @AfterEach
    void signOut() {
        EnterpriseFixtures.signOut();
    }

    MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(PASSWORD))
                .andReturn()
                .getRequest()
                .getSession(false);
    }

    String page(MockHttpSession session, String url) throws Exception {
        return mvc.perform(get(url).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void theListShowsTheOwnScopeAndAWideningParameterChangesNothing() throws Exception {
        MockHttpSession yz = signIn("yz-ent");
        String list = page(yz, "/console/enterprises");
        assertThat(list).contains("渝中配送平台", "渝中速运", "共 2 家企业").doesNotContain("江北货运平台");
        String widened = page(yz, "/console/enterprises?organization=" + jiangbeiId);
        assertThat(widened).contains("渝中配送平台", "共 2 家企业").doesNotContain("江北货运平台");
        assertThat(page(yz, "/console/enterprises?district=江北区")).contains("共 0 家企业");
        assertThat(page(yz, "/console/enterprises?union=ESTABLISHED")).contains("渝中速运", "共 1 家企业");
        assertThat(page(yz, "/console/enterprises?flag=HEAD")).contains("渝中速运", "共 1 家企业");
        // A misspelt filter is named, never "no filter".
        assertThat(page(yz, "/console/enterprises?union=maybe")).contains("maybe", "共 0 家企业");
    }

    @Test
    void anotherDistrictsEnterpriseIsNotFoundAndUnchanged() throws Exception {
        MockHttpSession yz = signIn("yz-ent");
        mvc.perform(get("/console/enterprises/" + other.id()).session(yz)).andExpect(status().isNotFound());
        mvc.perform(post("/console/enterprises/" + other.id())
                        .session(yz)
                        .with(csrf())
                        .param("version", Integer.toString(other.version()))
                        .param("name", "被改名")
                        .param("creditCode", other.creditCode())
                        .param("industry", "OTHER")
                        .param("district", "500105"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT name, version FROM enterprise WHERE id = ?")
                        .param(other.id())
                        .query((rs, n) -> rs.getString(1) + "/" + rs.getInt(2))
                        .single())
                .isEqualTo("江北货运平台/" + other.version());
        mvc.perform(get("/console/enterprises/not-a-number").session(yz)).andExpect(status().isNotFound());
        // Their own is there.
        assertThat(page(yz, "/console/enterprises/" + own.id())).contains("渝中配送平台");
    }

    @Test
    void anEditIsSavedAndAWrongCodeIsNamedBesideTheField() throws Exception {
        MockHttpSession yz = signIn("yz-ent");
        String wrong = EnterpriseFixtures.wrongCheck(own.creditCode());
        String answer = mvc.perform(post("/console/enterprises/" + own.id())
                        .session(yz)
                        .with(csrf())
                        .param("version", Integer.toString(own.version()))
                        .param("name", "渝中配送平台")
                        .param("creditCode", wrong)
                        .param("industry", "FOOD_DELIVERY")
                        .param("district", "500103"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(answer).contains("creditCode-error", "校验码（第 18 位）不正确", wrong);

        mvc.perform(post("/console/enterprises/" + own.id())
                        .session(yz)
                        .with(csrf())
                        .param("version", Integer.toString(own.version()))
                        .param("name", "渝中配送平台（新）")
                        .param("creditCode", own.creditCode())
                        .param("industry", "FOOD_DELIVERY")
                        .param("district", "500103")
                        .param("head", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT name || '/' || head FROM enterprise WHERE id = ?")
                        .param(own.id())
                        .query(String.class)
                        .single())
                .isEqualTo("渝中配送平台（新）/TRUE".replace("TRUE", headText()));
    }

    private String headText() {
        return jdbc.sql("SELECT CAST(TRUE AS VARCHAR(5))").query(String.class).single();
    }

    @Test
    void viewersSeeButCannotChangeOrExport() throws Exception {
        MockHttpSession grid = signIn("yz-grid");
        assertThat(page(grid, "/console/enterprises")).contains("渝中配送平台").doesNotContain("导出 Excel");
        assertThat(page(grid, "/console/enterprises/" + own.id())).contains("但不能修改", "disabled");
        mvc.perform(get("/console/enterprises/export.xlsx").session(grid)).andExpect(status().isForbidden());
        mvc.perform(get("/console/enterprises/import").session(grid)).andExpect(status().isForbidden());
        mvc.perform(post("/console/enterprises/" + own.id())
                        .session(grid)
                        .with(csrf())
                        .param("version", "0")
                        .param("name", "x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theExportObeysTheFiltersAndTheScopeAndIsAudited() throws Exception {
        MockHttpSession yz = signIn("yz-ent");
        byte[] all = mvc.perform(get("/console/enterprises/export.xlsx?organization=" + jiangbeiId)
                        .session(yz))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(names(all)).containsExactly("渝中速运", "渝中配送平台");
        byte[] established = mvc.perform(
                        get("/console/enterprises/export.xlsx?union=已建会").session(yz))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(names(established)).containsExactly("渝中速运");
        assertThat(jdbc.sql("SELECT details FROM audit_log WHERE action = 'enterprise.export' AND actor = 'yz-ent'"
                                + " ORDER BY id DESC")
                        .query(String.class)
                        .list())
                .first()
                .isEqualTo("union=已建会 rows=1");
    }

    @Test
    void anImportWithAWrongCheckCharacterNamesRowAndColumnOverHttpAndWritesNothing() throws Exception {
        MockHttpSession yz = signIn("yz-ent");
        String wrong = EnterpriseFixtures.wrongCheck(EnterpriseFixtures.code("500103", 204));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(EnterpriseImportTest.row("新公司甲", EnterpriseFixtures.code("500103", 205), "未建会", ""));
        rows.add(EnterpriseImportTest.row("新公司乙", wrong, "未建会", ""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        xlsx.write(out, "企业名录", EnterpriseSheet.SCHEMA.headers(), rows);
        String location = mvc.perform(multipart("/console/enterprises/import")
                        .file(new MockMultipartFile("file", "名录.xlsx", null, out.toByteArray()))
                        .session(yz)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String preview = page(yz, location);
        assertThat(preview).contains("<td>3</td>", "<td>统一社会信用代码</td>", "<td>B3</td>", wrong);
        assertThat(preview).doesNotContain("确认导入");
        String committed = mvc.perform(post(location + "/commit").session(yz).with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(committed).contains("B3");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM enterprise").query(Long.class).single())
                .isEqualTo(3);
        // Another staff member cannot open this upload.
        mvc.perform(get(location).session(signIn("jb-ent"))).andExpect(status().isNotFound());
    }

    private static List<String> names(byte[] xlsx) throws Exception {
        List<String> names = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : book.getSheetAt(0)) {
                if (row.getRowNum() > 0) {
                    names.add(row.getCell(0).getStringCellValue());
                }
            }
        }
        return names;
    }
}
