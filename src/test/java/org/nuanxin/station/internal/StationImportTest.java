package org.nuanxin.station.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.CoordinateTransform;
import org.nuanxin.geo.Divisions;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.station.Station;
import org.nuanxin.station.StationCatalog;
import org.nuanxin.station.StationFilter;
import org.nuanxin.station.StationImportStatus;
import org.nuanxin.station.StationImportStatus.State;
import org.nuanxin.station.StationImports;
import org.nuanxin.station.StationsChanged;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Roster imports end to end on a real database: the same tests run on H2 and on PostgreSQL
 * through {@link StationImportH2Test} and {@link StationImportPostgresTest}.
 */
// Imports are union staff's work: the service asks StationPermissions, so the tests act as staff.
@WithMockUser(username = StationImportTest.OWNER, roles = "UNION_STAFF")
abstract class StationImportTest {

    /** The 渝中区 federation (district 500103 of the territorial tree), the owner of stations written directly. */
    static final String YUZHONG_FEDERATION =
            "(SELECT id FROM organization WHERE division_code = '500103' AND kind = 'DISTRICT_FEDERATION')";

    static final String OWNER = "staff-1";

    @Autowired
    StationImports imports;

    @Autowired
    StationCatalog catalog;

    @Autowired
    Divisions divisions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @BeforeEach
    void emptyRoster() {
        jdbc.sql("DELETE FROM station").update();
        // Numbers once drawn are never drawn again; the tests start every district afresh.
        jdbc.sql("DELETE FROM station_code_sequence").update();
        events.publishEvent(new StationsChanged(Set.of(), true));
    }

    static byte[] resource(String path) throws IOException {
        return new ClassPathResource(path).getContentAsByteArray();
    }

    static String sampleCsv() throws IOException {
        return new String(resource("spreadsheet/station-roster-sample.csv"), StandardCharsets.UTF_8);
    }

    StationImportStatus checked(String file, byte[] content) {
        return await(
                imports.start(file, content, null, OWNER, Locale.SIMPLIFIED_CHINESE)
                        .id(),
                s -> s.state() != State.CHECKING);
    }

    StationImportStatus committed(StationImportStatus ready) {
        imports.commit(ready.id(), OWNER);
        return await(ready.id(), s -> s.state() != State.COMMITTING);
    }

    /** Every problem of an import, all pages. */
    List<org.nuanxin.spreadsheet.CellProblem> problems(StationImportStatus status) {
        return imports.problems(status.id(), OWNER, org.springframework.data.domain.Pageable.unpaged())
                .getContent();
    }

    StationImportStatus await(String id, java.util.function.Predicate<StationImportStatus> done) {
        return Awaitility.await("import " + id)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> imports.status(id, OWNER).orElseThrow(), done::test);
    }

    @Test
    void theSampleRosterImportsWithoutErrors() throws IOException {
        StationImportStatus ready =
                checked("station-roster-sample.xlsx", resource("spreadsheet/station-roster-sample.xlsx"));

        assertThat(problems(ready)).isEmpty();
        assertThat(ready.state()).isEqualTo(State.READY);
        assertThat(ready.total()).isEqualTo(38);
        assertThat(ready.toCreate()).isEqualTo(38);
        assertThat(catalog.count(StationFilter.ALL))
                .as("nothing is written before the commit")
                .isZero();

        StationImportStatus done = committed(ready);
        assertThat(done.state()).isEqualTo(State.COMMITTED);
        assertThat(done.toCreate()).isEqualTo(38);
        assertThat(catalog.count(StationFilter.ALL)).isEqualTo(38);
    }

    @Test
    void everyRowLandsInItsStatedDistrictWhateverItsCoordinateSystem() throws IOException {
        committed(checked("station-roster-sample.xlsx", resource("spreadsheet/station-roster-sample.xlsx")));
        List<String> lines = sampleCsv().lines().skip(1).toList();
        int gcj = 0;
        int bd = 0;
        int wgs = 0;
        for (String line : lines) {
            String[] f = line.split(",", 12);
            String district = divisions.districtByName(f[2]).orElseThrow().code();
            Station s = catalog.search(
                            new StationFilter(district, null, null, f[1], null), PageRequest.of(0, 5, Sort.by("code")))
                    .getContent()
                    .get(0);
            CoordinateSystem crs = CoordinateSystem.parse(f[6]).orElseThrow();
            GeoPoint entered = new GeoPoint(Double.parseDouble(f[4]), Double.parseDouble(f[5]));
            assertThat(s.enteredCrs()).isEqualTo(crs);
            assertThat(s.enteredLocation()).isEqualTo(entered);
            assertThat(s.location()).isEqualTo(CoordinateTransform.toWgs84(entered, crs));
            assertThat(divisions.locateDistrict(s.location()).orElseThrow().code())
                    .as(f[1])
                    .isEqualTo(district);
            switch (crs) {
                case GCJ02 -> gcj++;
                case BD09 -> bd++;
                case WGS84 -> wgs++;
            }
        }
        assertThat(new int[] {gcj, wgs, bd}).containsExactly(35, 2, 1);
    }

    @Test
    void importingTheSameFileAgainChangesNothing() throws IOException {
        byte[] file = resource("spreadsheet/station-roster-sample.xlsx");
        committed(checked("a.xlsx", file));
        Map<String, Integer> versions = versions();

        StationImportStatus again = checked("a.xlsx", file);
        assertThat(again.state()).isEqualTo(State.READY);
        assertThat(again.unchanged()).isEqualTo(38);
        assertThat(again.toCreate()).isZero();
        assertThat(again.toUpdate()).isZero();
        committed(again);

        assertThat(catalog.count(StationFilter.ALL)).isEqualTo(38);
        assertThat(versions()).isEqualTo(versions);
    }

    @Test
    void aGbkCsvWithATitleRowImportsLikeTheXlsxAndUpdatesWhatChanged() throws IOException {
        committed(checked("a.xlsx", resource("spreadsheet/station-roster-sample.xlsx")));
        String csv = "2024年工会驿站名册（更新）\n"
                + sampleCsv()
                        .replace("13800000102", "１３９００００１１０２") // full-width digits, as typed on a Chinese keyboard
                        .replace("09:00-21:00,\"饮水,充电,休息,卫生间,微波炉,空调\"", "9:00-21:30,\"饮水,充电,休息,卫生间,微波炉,空调\"");
        StationImportStatus ready = checked("更新.csv", csv.getBytes(Charset.forName("GBK")));

        assertThat(problems(ready)).isEmpty();
        assertThat(ready.toUpdate()).isEqualTo(1);
        assertThat(ready.unchanged()).isEqualTo(37);
        committed(ready);

        Station changed = catalog.search(
                        new StationFilter("500103", null, null, "解放碑商圈工会驿站", null),
                        PageRequest.of(0, 1, Sort.by("code")))
                .getContent()
                .get(0);
        assertThat(changed.contactPhone()).isEqualTo("+8613900001102");
        assertThat(changed.openingHours().toString()).isEqualTo("09:00-21:30");
        assertThat(changed.version()).isEqualTo(1);
        assertThat(catalog.count(StationFilter.ALL)).isEqualTo(38);
    }

    @Test
    void badRowsAreListedByRowAndColumnAndNothingIsWritten() throws IOException {
        List<String> lines = new java.util.ArrayList<>(sampleCsv().lines().toList());
        lines.set(2, lines.get(2).replace("13800000102", "12345")); // row 3: phone
        lines.set(3, lines.get(3).replace("106.5860,29.5660", "106.5330,29.5800")); // row 4: point in 江北区
        lines.set(4, lines.get(4).replace("饮水,充电,休息,微波炉", "饮水,游泳池")); // row 5: amenity
        lines.set(5, lines.get(5).replace("09:00-17:00", "早九晚五")); // row 6: hours
        lines.set(6, lines.get(6).replace(",GCJ-02,", ",,")); // row 7: no coordinate system
        lines.set(7, lines.get(7).replace("江北区,", "江北新区,")); // row 8: unknown district
        lines.add(lines.get(9)); // row 40: repeats row 10
        StationImportStatus checked =
                checked("bad.csv", String.join("\n", lines).getBytes(StandardCharsets.UTF_8));

        assertThat(checked.state()).isEqualTo(State.INVALID);
        assertThat(problems(checked))
                .extracting(p -> p.rowNumber() + ":" + p.columnHeader() + ":" + p.cellRef())
                .contains(
                        "3:联系电话:J3",
                        "4:经度:E4",
                        "4:纬度:F4",
                        "5:服务设施:L5",
                        "6:开放时间:K6",
                        "7:坐标系:G7",
                        "8:所属区县:C8",
                        "40:驿站名称:B40");
        assertThat(problems(checked))
                .filteredOn(p -> p.rowNumber() == 4)
                .first()
                .extracting(p -> p.message())
                .asString()
                .contains("江北区")
                .contains("渝中区");
        assertThat(problems(checked))
                .filteredOn(p -> p.rowNumber() == 5)
                .first()
                .extracting(p -> p.message())
                .asString()
                .contains("游泳池");
        assertThatThrownBy(() -> imports.commit(checked.id(), OWNER)).isInstanceOf(IllegalStateException.class);
        assertThat(catalog.count(StationFilter.ALL)).isZero();
    }

    @Test
    void aFileLevelCoordinateSystemAppliesToRowsThatNameNone() throws IOException {
        List<String> lines = sampleCsv().lines().toList();
        // Rows (numbered as in the file, header = 1) whose coordinates are not GCJ-02.
        List<Integer> notGcj = java.util.stream.IntStream.range(1, lines.size())
                .filter(i -> !lines.get(i).contains(",GCJ-02,"))
                .map(i -> i + 1)
                .boxed()
                .toList();
        assertThat(notGcj).hasSize(3);
        String csv = String.join(
                "\n",
                lines.stream()
                        .map(l -> l.replaceFirst(",(GCJ-02|WGS-84|BD-09),", ",,"))
                        .toList());

        StationImportStatus withoutChoice = checked("no-crs.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(withoutChoice.state()).isEqualTo(State.INVALID);
        assertThat(problems(withoutChoice))
                .filteredOn(p -> p.columnKey().equals("crs"))
                .extracting(p -> p.rowNumber())
                .as("every row asks for a coordinate system")
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.IntStream.rangeClosed(2, 39).boxed().toList());
        assertThat(problems(withoutChoice))
                .isNotEmpty()
                .allMatch(p -> p.columnKey().equals("crs")
                        || p.columnKey().equals("longitude")
                        || p.columnKey().equals("latitude"));

        StationImportStatus gcj = await(
                imports.start(
                                "no-crs.csv",
                                csv.getBytes(StandardCharsets.UTF_8),
                                CoordinateSystem.GCJ02,
                                OWNER,
                                Locale.SIMPLIFIED_CHINESE)
                        .id(),
                s -> s.state() != State.CHECKING);
        assertThat(gcj.total()).isEqualTo(38);
        assertThat(problems(gcj)).noneMatch(p -> p.columnKey().equals("crs"));
        // Only the three rows really in WGS-84 or BD-09, now read as GCJ-02 a few hundred metres off, can be in
        // the wrong district.
        assertThat(problems(gcj)).allSatisfy(p -> {
            assertThat(p.rowNumber()).isIn(notGcj);
            assertThat(p.message()).contains("位于");
        });
    }

    @Test
    void whatIsNotASpreadsheetIsRejectedAndNothingIsWritten() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        StationImportStatus rejected = checked("photo.xlsx", png);
        assertThat(rejected.state()).isEqualTo(State.REJECTED);
        assertThat(rejected.message()).isNotBlank();
        assertThat(catalog.count(StationFilter.ALL)).isZero();
    }

    @Test
    void aWebPageSavedAsXlsxIsToldItIsNotAnExcelOrCsvFile() {
        String html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>驿站名册</title></head><body>"
                + "<table><tr><td>驿站名称</td><td>所属区县</td></tr><tr><td>甲站</td><td>渝中区</td></tr></table>"
                + "</body></html>";
        StationImportStatus rejected = checked("名册.xlsx", html.getBytes(StandardCharsets.UTF_8));
        assertThat(rejected.state()).isEqualTo(State.REJECTED);
        assertThat(rejected.message()).isEqualTo("“名册.xlsx”不是 Excel 表格（.xlsx）或 CSV 文件，无法读取。");
        assertThat(catalog.count(StationFilter.ALL)).isZero();
    }

    @Test
    void committingTwiceWritesOnce() throws IOException {
        StationImportStatus ready = checked("a.xlsx", resource("spreadsheet/station-roster-sample.xlsx"));
        imports.commit(ready.id(), OWNER);
        imports.commit(ready.id(), OWNER);
        StationImportStatus done = await(ready.id(), s -> s.state() != State.COMMITTING);
        assertThat(imports.commit(ready.id(), OWNER).state()).isEqualTo(State.COMMITTED);
        assertThat(done.state()).isEqualTo(State.COMMITTED);
        assertThat(catalog.count(StationFilter.ALL)).isEqualTo(38);
    }

    @Test
    void anImportBelongsToWhoeverUploadedIt() throws IOException {
        StationImportStatus ready = checked("a.xlsx", resource("spreadsheet/station-roster-sample.xlsx"));
        assertThat(imports.status(ready.id(), "someone-else")).isEmpty();
        assertThatThrownBy(() -> imports.commit(ready.id(), "someone-else"))
                .isInstanceOf(java.util.NoSuchElementException.class);
    }

    @Test
    void generatedCodesFollowTheDistrict() throws IOException {
        committed(checked("a.xlsx", resource("spreadsheet/station-roster-sample.xlsx")));
        List<Station> yuzhong = catalog.search(
                        new StationFilter("500103", null, null, null, null), PageRequest.of(0, 50, Sort.by("code")))
                .getContent();
        assertThat(yuzhong)
                .extracting(Station::code)
                .containsExactly("500103-0001", "500103-0002", "500103-0003", "500103-0004", "500103-0005");
    }

    @Test
    void anImportLivesInTheDatabaseItsPreviewIsPagedAndItsFileGoesOnCommit() throws IOException {
        StationImportStatus ready = checked("a.xlsx", resource("spreadsheet/station-roster-sample.xlsx"));
        assertThat(jdbc.sql("SELECT import_state FROM station_import WHERE id = ?")
                        .param(ready.id())
                        .query(String.class)
                        .single())
                .isEqualTo("READY");
        org.springframework.data.domain.Page<StationImportStatus.PreviewRow> page =
                imports.preview(ready.id(), OWNER, PageRequest.of(1, 10));
        assertThat(page.getTotalElements()).isEqualTo(38);
        assertThat(page.getContent())
                .extracting(StationImportStatus.PreviewRow::rowNumber)
                .containsExactly(12, 13, 14, 15, 16, 17, 18, 19, 20, 21);
        assertThat(page.getContent()).allMatch(r -> r.action() == StationImportStatus.Action.CREATE);
        assertThat(imports.preview(ready.id(), "someone-else", PageRequest.of(0, 10)))
                .isEmpty();

        committed(ready);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM station_import WHERE id = ? AND content IS NULL")
                        .param(ready.id())
                        .query(Integer.class)
                        .single())
                .as("the file is dropped once committed")
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM station_import_row WHERE import_id = ?")
                        .param(ready.id())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(imports.status(ready.id(), OWNER).orElseThrow().toCreate()).isEqualTo(38);
    }

    @Test
    void aJobStoredByAnotherNodeIsShownWithItsProblemsPaged() {
        jdbc.sql("INSERT INTO station_import (id, owner_name, file_name, locale_tag, import_state, total, processed,"
                        + " problem_count, created_at, updated_at, organization_id) VALUES ('other-node-job', ?, 'b.csv',"
                        + " 'zh-CN', 'INVALID', 3, 3, 3, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
                        + " (SELECT id FROM organization WHERE parent_id IS NULL))")
                .param(OWNER)
                .update();
        for (int i = 0; i < 3; i++) {
            jdbc.sql("INSERT INTO station_import_problem (import_id, seq, line_no, column_key, column_header, cell_ref,"
                            + " message) VALUES ('other-node-job', ?, ?, 'contactPhone', '联系电话', ?, '电话有误')")
                    .params(i, i + 2, "J" + (i + 2))
                    .update();
        }
        StationImportStatus status = imports.status("other-node-job", OWNER).orElseThrow();
        assertThat(status.state()).isEqualTo(State.INVALID);
        assertThat(status.problemCount()).isEqualTo(3);
        org.springframework.data.domain.Page<org.nuanxin.spreadsheet.CellProblem> second =
                imports.problems("other-node-job", OWNER, PageRequest.of(1, 2));
        assertThat(second.getTotalElements()).isEqualTo(3);
        assertThat(second.getContent())
                .extracting(org.nuanxin.spreadsheet.CellProblem::cellRef)
                .containsExactly("J4");
    }

    @Test
    void moreRowsAndProblemsThanOneBatchAreAllStoredInTheirOrder() {
        // 700 rows with two problems each (no host type, a phone number that is not one): 1,400 problems and 700
        // preview rows, written in batches of ImportJobRepository.BATCH (1,000), each batch its own transaction.
        StringBuilder csv = new StringBuilder("驿站名称,所属区县,详细地址,经度,纬度,坐标系,依托场所,联系人,联系电话,开放时间,服务设施\n");
        for (int i = 0; i < 700; i++) {
            csv.append("批量驿站")
                    .append(i)
                    .append(",500103,民族路")
                    .append(i)
                    .append("号,106.5770,29.5573,GCJ-02,,李某,149,09:00-21:00,饮水\n");
        }
        StationImportStatus status = checked("batch.csv", csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(status.state()).isEqualTo(State.INVALID);
        assertThat(status.total()).isEqualTo(700);
        List<org.nuanxin.spreadsheet.CellProblem> all = problems(status);
        assertThat(status.problemCount()).isEqualTo(1400);
        assertThat(all).hasSize(1400);
        assertThat(all)
                .extracting(org.nuanxin.spreadsheet.CellProblem::rowNumber)
                .isSorted();
        assertThat(all.get(0).rowNumber()).isEqualTo(2);
        assertThat(all.get(1399).rowNumber()).isEqualTo(701);
        assertThat(imports.problems(status.id(), OWNER, PageRequest.of(10, 100)).getContent())
                .extracting(org.nuanxin.spreadsheet.CellProblem::rowNumber)
                .as("the page across the first batch boundary (problems 1,000 to 1,099)")
                .startsWith(502)
                .endsWith(551);
        assertThat(imports.preview(status.id(), OWNER, PageRequest.of(6, 100)).getContent())
                .extracting(StationImportStatus.PreviewRow::rowNumber)
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(602, 701).boxed().toList());
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT seq) FROM station_import_problem WHERE import_id = ?")
                        .param(status.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1400);
    }

    @Test
    void aJobStillCheckingShowsNoneOfTheRowsAndProblemsWrittenSoFar() {
        jdbc.sql("INSERT INTO station_import (id, owner_name, file_name, locale_tag, import_state, total, processed,"
                        + " problem_count, created_at, updated_at, organization_id) VALUES ('checking-job', ?, 'c.csv',"
                        + " 'zh-CN', 'CHECKING', 3, 2, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
                        + " (SELECT id FROM organization WHERE parent_id IS NULL))")
                .param(OWNER)
                .update();
        jdbc.sql("INSERT INTO station_import_problem (import_id, seq, line_no, column_key, column_header, cell_ref,"
                        + " message) VALUES ('checking-job', 0, 2, 'contactPhone', '联系电话', 'J2', '电话有误')")
                .update();
        jdbc.sql("INSERT INTO station_import_row (import_id, line_no, row_action, code, name, district)"
                        + " VALUES ('checking-job', 2, 'ERROR', NULL, '某驿站', '500103')")
                .update();

        assertThat(imports.problems("checking-job", OWNER, PageRequest.of(0, 10)))
                .isEmpty();
        assertThat(imports.preview("checking-job", OWNER, PageRequest.of(0, 10)))
                .isEmpty();

        jdbc.sql("UPDATE station_import SET import_state = 'INVALID', problem_count = 1 WHERE id = 'checking-job'")
                .update();
        assertThat(imports.problems("checking-job", OWNER, PageRequest.of(0, 10)))
                .hasSize(1);
        assertThat(imports.preview("checking-job", OWNER, PageRequest.of(0, 10)))
                .hasSize(1);
    }

    @Test
    void aCommitFindsThePlanChangedSinceThePreviewAndWritesNothing() throws IOException {
        committed(checked("a.xlsx", resource("spreadsheet/station-roster-sample.xlsx")));
        String csv = sampleCsv().replace("13800000102", "13900001102");
        StationImportStatus ready = checked("b.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(ready.toUpdate()).isEqualTo(1);
        // Someone edits that station between the preview and the commit.
        jdbc.sql("UPDATE station SET version = version + 1 WHERE name = '解放碑商圈工会驿站'")
                .update();
        StationImportStatus done = committed(ready);
        assertThat(done.state()).isEqualTo(State.FAILED);
        assertThat(done.message()).contains("预览后驿站名册已被修改");
        assertThat(jdbc.sql("SELECT contact_phone FROM station WHERE name = '解放碑商圈工会驿站'")
                        .query(String.class)
                        .single())
                .isEqualTo("+8613800000102");
    }

    @Test
    void aFormulaCellIsListedWithEveryOtherProblem() throws Exception {
        byte[] file;
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                        new java.io.ByteArrayInputStream(resource("spreadsheet/station-roster-sample.xlsx")));
                var out = new java.io.ByteArrayOutputStream()) {
            var sheet = workbook.getSheetAt(0);
            int header = 0;
            while (sheet.getRow(header) == null
                    || !"经度"
                            .equals(
                                    sheet.getRow(header).getCell(4) == null
                                            ? null
                                            : sheet.getRow(header).getCell(4).toString())) {
                header++;
            }
            sheet.getRow(header + 1).getCell(4).setCellFormula("106.5+0.077"); // first data row: longitude
            sheet.getRow(header + 3).getCell(9).setCellValue("12345"); // third data row: phone
            workbook.write(out);
            file = out.toByteArray();
        }
        StationImportStatus checked = checked("formula.xlsx", file);
        assertThat(checked.state()).isEqualTo(State.INVALID);
        assertThat(checked.total()).isEqualTo(38);
        assertThat(problems(checked))
                .extracting(p -> p.columnHeader() + ":" + p.cellRef())
                .containsExactly("经度:E2", "联系电话:J4");
        assertThat(problems(checked).get(0).message()).contains("公式");
    }

    @Autowired
    StationCodes codes;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    static final String TWO_IN_YUZHONG = "驿站名称,所属区县,详细地址,经度,纬度,坐标系,依托场所,联系人,联系电话,开放时间,服务设施\n"
            + "编码甲驿站,渝中区,渝中区民族路,106.5770,29.5573,GCJ-02,商圈商场,李某,13800000102,09:00-21:00,饮水\n"
            + "编码乙驿站,渝中区,渝中区临江路,106.5785,29.5640,GCJ-02,社区服务站,陈某,13800000103,08:00-22:00,饮水\n";

    @Test
    void aHugeCodeTypedByHandBlocksNoGeneratedCode() {
        String insert = "INSERT INTO station (code, name, host_type, district_code, address, longitude, latitude, "
                + "entered_crs, entered_longitude, entered_latitude, h3_cell, contact_name, contact_phone, opening_hours, "
                + "status, created_at, updated_at, organization_id) VALUES (?, ?, 'BANK', '500103', 'a', 106.5, 29.5, "
                + "'WGS84', 106.5, 29.5, 0, 'c', '+8613800138000', '全天24小时', 'OPEN', CURRENT_TIMESTAMP, "
                + "CURRENT_TIMESTAMP, " + YUZHONG_FEDERATION + ")";
        jdbc.sql(insert).params("500103-99999999", "手填大编码驿站").update();
        jdbc.sql(insert).params("500103-100000000", "手填更大编码驿站").update();
        jdbc.sql(insert).params("500103-999999999999", "手填超长编码驿站").update();

        StationImportStatus done = committed(checked("two.csv", TWO_IN_YUZHONG.getBytes(StandardCharsets.UTF_8)));
        assertThat(done.state()).isEqualTo(State.COMMITTED);
        assertThat(done.toCreate()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT code FROM station WHERE name LIKE '编码%' ORDER BY code")
                        .query(String.class)
                        .list())
                .containsExactly("500103-100000001", "500103-100000002");
    }

    @Test
    void writersDrawingCodesInOneDistrictAtOnceNeverDrawTheSameCode() throws Exception {
        int writers = 4;
        int each = 50;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(writers);
        try {
            List<java.util.concurrent.Future<List<String>>> drawn = new java.util.ArrayList<>();
            for (int w = 0; w < writers; w++) {
                drawn.add(pool.submit(() -> {
                    start.await();
                    return transactions.execute(tx -> {
                        List<String> mine = new java.util.ArrayList<>();
                        for (int i = 0; i < each; i++) {
                            // Single creates and an import's allocator, interleaved.
                            mine.add(
                                    i % 2 == 0
                                            ? codes.next("500103")
                                            : codes.allocator(Map.of("500103", 3))
                                                    .next("500103"));
                        }
                        return mine;
                    });
                }));
            }
            Set<String> all = new java.util.HashSet<>();
            for (var f : drawn) {
                all.addAll(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(all).hasSize(writers * each).allMatch(c -> c.startsWith("500103-"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void invisibleCharactersNeitherHideAHeaderNorMakeANameNew() {
        String csv = "驿站\u200b名称,所属区县,详细地址,经度,纬度,坐标系,依托场所,联系人,联系电话,开放时间,服务设施\n"
                + "隐形字符驿站,渝中区,渝中区民族路,106.5770,29.5573,GCJ-02,商圈商场,李某,13800000102,09:00-21:00,饮水\n"
                + "隐形\u200b字符驿站,渝中区,渝中区民族路,106.5770,29.5573,GCJ-02,商圈商场,李某,13800000102,09:00-21:00,饮水\n"
                + "\ufeff隐形字符驿站\u200d,渝中区,渝中区民族路,106.5770,29.5573,GCJ-02,商圈商场,李某,13800000102,09:00-21:00,饮水\n";
        StationImportStatus checked = checked("zw.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(checked.total()).as("the header was recognised").isEqualTo(3);
        assertThat(problems(checked))
                .extracting(p -> p.rowNumber() + ":" + p.columnKey())
                .containsExactly("3:name", "4:name");

        String one = "驿站名称,所属区县,详细地址,经度,纬度,坐标系,依托场所,联系人,联系电话,开放时间,服务设施\n"
                + "隐形\u200b字符驿站,渝中区,渝中区民族路,106.5770,29.5573,GCJ-02,商圈商场,李某,13800000102,09:00-21:00,饮水\n";
        committed(checked("one.csv", one.getBytes(StandardCharsets.UTF_8)));
        assertThat(jdbc.sql("SELECT name FROM station").query(String.class).single())
                .as("stored as written")
                .isEqualTo("隐形\u200b字符驿站");
        String plain = one.replace("\u200b", "");
        StationImportStatus again = checked("plain.csv", plain.getBytes(StandardCharsets.UTF_8));
        assertThat(again.toCreate()).as("the same station, not a new one").isZero();
    }

    @Test
    void theStationMigrationAppliedAndItsConstraintsHold() {
        assertThat(jdbc.sql("SELECT success FROM flyway_schema_history WHERE version = '300'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        String insert = "INSERT INTO station (code, name, host_type, district_code, address, longitude, latitude, "
                + "entered_crs, entered_longitude, entered_latitude, h3_cell, contact_name, contact_phone, opening_hours, "
                + "status, created_at, updated_at, organization_id) VALUES (?, ?, 'BANK', '500103', 'a', 106.5, 29.5, "
                + "'WGS84', 106.5, 29.5, 0, 'c', '+8613800138000', '全天24小时', ?, CURRENT_TIMESTAMP, "
                + "CURRENT_TIMESTAMP, " + YUZHONG_FEDERATION + ")";
        jdbc.sql(insert).params("X-1", "同名驿站", "OPEN").update();
        assertThatThrownBy(() -> jdbc.sql(insert).params("X-2", "同名驿站", "OPEN").update())
                .as("one name per district")
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql(insert).params("X-1", "另一个驿站", "OPEN").update())
                .as("one code")
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql(insert).params("X-3", "第三个驿站", "GONE").update())
                .as("known statuses only")
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    private Map<String, Integer> versions() {
        Map<String, Integer> v = new java.util.HashMap<>();
        catalog.forEach(StationFilter.ALL, s -> v.put(s.code(), s.version()));
        return v;
    }
}
