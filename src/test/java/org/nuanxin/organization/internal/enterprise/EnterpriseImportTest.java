package org.nuanxin.organization.internal.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nuanxin.geo.Division;
import org.nuanxin.geo.Divisions;
import org.nuanxin.identity.Role;
import org.nuanxin.spreadsheet.CellProblem;
import org.nuanxin.spreadsheet.XlsxExport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registry imports on a real database (H2: {@link EnterpriseImportH2Test}, PostgreSQL:
 * {@link EnterpriseImportPostgresTest}), with real xlsx files: rows created, a wrong check character named
 * by row and column with nothing written, another scope's enterprise refused, an export imported again
 * unchanged.
 */
abstract class EnterpriseImportTest {

    static final String OWNER = "yz-importer";
    static final List<String> HEADERS = EnterpriseSheet.SCHEMA.headers();

    @Autowired
    EnterpriseImportService imports;

    @Autowired
    EnterpriseService service;

    @Autowired
    EnterpriseRepository repository;

    @Autowired
    XlsxExport xlsx;

    @Autowired
    Divisions divisions;

    @Autowired
    JdbcClient jdbc;

    long yuzhong;

    @BeforeEach
    void emptyRegistry() {
        jdbc.sql("DELETE FROM campaign_target").update();
        jdbc.sql("DELETE FROM campaign").update();
        jdbc.sql("DELETE FROM enterprise").update();
        jdbc.sql("DELETE FROM enterprise_import").update();
        yuzhong = EnterpriseFixtures.org(jdbc, "500103");
        EnterpriseFixtures.actAs(OWNER, Role.UNION_STAFF, yuzhong);
    }

    @AfterEach
    void signOut() {
        EnterpriseFixtures.signOut();
    }

    static List<Object> row(String name, String code, String status, String date) {
        List<Object> row = new ArrayList<>(List.of(name, code, "快递物流", "中型", "渝中区", "是", "否", "是", "300", status));
        row.add(date);
        row.add("");
        row.add("=1+1 不是公式");
        return row;
    }

    byte[] sheet(List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        xlsx.write(out, "企业名录", HEADERS, rows);
        return out.toByteArray();
    }

    @Test
    void importsEveryRowWhenAllAreRight() {
        byte[] file = sheet(List.of(
                row("甲快递有限公司", EnterpriseFixtures.code("500103", 101), "未建会", ""),
                row("乙快递有限公司", EnterpriseFixtures.code("500103", 102), "已建会", "2024-05-06")));
        String id = imports.upload("名录.xlsx", file, OWNER);

        EnterpriseImportService.Checked checked =
                imports.check(id, OWNER, Locale.SIMPLIFIED_CHINESE).orElseThrow();
        assertThat(checked.problems()).isEmpty();
        assertThat(checked.toCreate()).isEqualTo(2);

        EnterpriseImportService.Committed done =
                imports.commit(id, OWNER, Locale.SIMPLIFIED_CHINESE).orElseThrow();
        assertThat(done.created()).isEqualTo(2);
        assertThat(done.checked()).isNull();
        Enterprise b = repository
                .findByCreditCode(EnterpriseFixtures.code("500103", 102))
                .orElseThrow();
        assertThat(b.unionStatus()).isEqualTo(UnionStatus.ESTABLISHED);
        assertThat(b.unionOrganizationId()).isNotNull();
        assertThat(b.organizationId()).isEqualTo(yuzhong);
        assertThat(b.notes()).isEqualTo("=1+1 不是公式");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'enterprise.import'")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(1);
        // The upload is gone once written: committing again finds nothing.
        assertThat(imports.commit(id, OWNER, Locale.SIMPLIFIED_CHINESE)).isEmpty();
    }

    @Test
    void aWrongCheckCharacterIsNamedByRowAndColumnAndNothingIsWritten() {
        String wrong = EnterpriseFixtures.wrongCheck(EnterpriseFixtures.code("500103", 104));
        List<Object> badDistrict = row("丁公司", EnterpriseFixtures.code("500103", 105), "未建会", "");
        badDistrict.set(4, "不存在区");
        byte[] file = sheet(List.of(
                row("丙公司", EnterpriseFixtures.code("500103", 103), "未建会", ""),
                row("错误公司", wrong, "未建会", ""),
                badDistrict));
        String id = imports.upload("名录.xlsx", file, OWNER);

        EnterpriseImportService.Committed done =
                imports.commit(id, OWNER, Locale.SIMPLIFIED_CHINESE).orElseThrow();
        assertThat(done.created()).isZero();
        List<CellProblem> problems = done.checked().problems();
        assertThat(problems)
                .extracting(CellProblem::rowNumber, CellProblem::columnHeader, CellProblem::cellRef)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "统一社会信用代码", "B3"),
                        org.assertj.core.groups.Tuple.tuple(4, "所在区县", "E4"));
        assertThat(problems.get(0).message()).contains(wrong).contains("校验码");
        // All or nothing: the right first row was not written either.
        assertThat(repository.countAll()).isZero();
        assertThat(done.checked().rows())
                .extracting(EnterpriseImportService.PreviewRow::action)
                .containsExactly(
                        EnterpriseImportService.RowAction.CREATE,
                        EnterpriseImportService.RowAction.ERROR,
                        EnterpriseImportService.RowAction.ERROR);
    }

    @Test
    void messagesAreInTheUploadersLanguage() {
        String wrong = EnterpriseFixtures.wrongCheck(EnterpriseFixtures.code("500103", 106));
        String id = imports.upload("x.xlsx", sheet(List.of(row("错误公司", wrong, "未建会", ""))), OWNER);
        CellProblem p = imports.check(id, OWNER, Locale.ENGLISH)
                .orElseThrow()
                .problems()
                .get(0);
        assertThat(p.cellRef()).isEqualTo("B2");
        assertThat(p.message()).contains(wrong).doesNotContain("校验码");
    }

    @Test
    void aCodeTwiceInTheFileAndAnotherScopesEnterpriseAreProblems() {
        String jiangbeiCode = EnterpriseFixtures.code("500105", 107);
        EnterpriseFixtures.actAs("jb", Role.UNION_STAFF, EnterpriseFixtures.org(jdbc, "500105"));
        service.create(EnterpriseFixtures.input("江北公司", jiangbeiCode, "江北区"));
        EnterpriseFixtures.actAs(OWNER, Role.UNION_STAFF, yuzhong);

        String code = EnterpriseFixtures.code("500103", 108);
        List<Object> other = row("想改江北的公司", jiangbeiCode, "未建会", "");
        byte[] file = sheet(List.of(row("戊公司", code, "未建会", ""), row("戊公司二", code, "未建会", ""), other));
        String id = imports.upload("x.xlsx", file, OWNER);
        List<CellProblem> problems = imports.check(id, OWNER, Locale.SIMPLIFIED_CHINESE)
                .orElseThrow()
                .problems();
        assertThat(problems).extracting(CellProblem::cellRef).containsExactly("B3", "B4");
        assertThat(problems.get(0).message()).contains("第 2 行");
        assertThat(problems.get(1).message()).contains("其他组织");
        assertThat(imports.commit(id, OWNER, Locale.SIMPLIFIED_CHINESE)
                        .orElseThrow()
                        .created())
                .isZero();
        assertThat(jdbc.sql("SELECT name FROM enterprise WHERE credit_code = ?")
                        .param(jiangbeiCode)
                        .query(String.class)
                        .single())
                .isEqualTo("江北公司");
    }

    @Test
    void anotherUsersUploadIsNotFound() {
        String id = imports.upload(
                "x.xlsx", sheet(List.of(row("己公司", EnterpriseFixtures.code("500103", 109), "", ""))), OWNER);
        EnterpriseFixtures.actAs("someone-else", Role.UNION_STAFF, yuzhong);
        assertThat(imports.check(id, "someone-else", Locale.SIMPLIFIED_CHINESE)).isEmpty();
        assertThat(imports.commit(id, "someone-else", Locale.SIMPLIFIED_CHINESE))
                .isEmpty();
        assertThat(repository.countAll()).isZero();
    }

    @Test
    void anExportImportsAgainUnchangedAndAnEditedCellUpdatesOnlyItsRow() throws IOException {
        service.create(EnterpriseFixtures.input("=HYPERLINK(\"x\") 公司", EnterpriseFixtures.code("500103", 110), "渝中区"));
        service.create(EnterpriseFixtures.established(
                "庚速运有限公司", EnterpriseFixtures.code("500103", 111), "渝中区", "2024-03-04", null));
        service.create(new EnterpriseInput(
                "辛家政",
                EnterpriseFixtures.code("500103", 112),
                "家政",
                null,
                "500103",
                null,
                null,
                "是",
                null,
                "筹建中",
                null,
                null,
                "+86 备注以加号开头",
                null,
                null));
        Map<String, String> names =
                divisions.districts().stream().collect(Collectors.toMap(Division::code, Division::name));

        List<List<Object>> rows = new ArrayList<>();
        service.export(EnterpriseFilter.ALL, "all", e -> rows.add(EnterpriseSheet.row(e, names)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        xlsx.write(out, "企业名录", EnterpriseSheet.headers(), rows);
        byte[] exported = out.toByteArray();
        List<Enterprise> before = all();

        String id = imports.upload("导出.xlsx", exported, OWNER);
        EnterpriseImportService.Checked checked =
                imports.check(id, OWNER, Locale.SIMPLIFIED_CHINESE).orElseThrow();
        assertThat(checked.problems()).isEmpty();
        assertThat(checked.unchanged()).isEqualTo(3);
        assertThat(checked.toCreate() + checked.toUpdate()).isZero();
        EnterpriseImportService.Committed done =
                imports.commit(id, OWNER, Locale.SIMPLIFIED_CHINESE).orElseThrow();
        assertThat(done.created() + done.updated()).isZero();
        assertThat(all()).isEqualTo(before);

        // The formula-like name is text in the export (quote-prefixed, not a formula).
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(exported))) {
            var cell = book.getSheetAt(0).getRow(1).getCell(0);
            assertThat(cell.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(cell.getStringCellValue()).isEqualTo("=HYPERLINK(\"x\") 公司");
        }

        // One edited cell: that row updates, the others stay unchanged.
        rows.get(0).set(8, 999);
        out = new ByteArrayOutputStream();
        xlsx.write(out, "企业名录", EnterpriseSheet.headers(), rows);
        id = imports.upload("改.xlsx", out.toByteArray(), OWNER);
        checked = imports.check(id, OWNER, Locale.SIMPLIFIED_CHINESE).orElseThrow();
        assertThat(checked.toUpdate()).isEqualTo(1);
        assertThat(checked.unchanged()).isEqualTo(2);
        imports.commit(id, OWNER, Locale.SIMPLIFIED_CHINESE).orElseThrow();
        assertThat(repository
                        .findByCreditCode(before.get(0).creditCode())
                        .orElseThrow()
                        .workerCount())
                .isEqualTo(999);
    }

    private List<Enterprise> all() {
        return service.search(EnterpriseFilter.ALL, PageRequest.of(0, 100, Sort.by("name")))
                .getContent();
    }
}
