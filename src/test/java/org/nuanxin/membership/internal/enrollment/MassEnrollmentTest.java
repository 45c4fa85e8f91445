package org.nuanxin.membership.internal.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.nuanxin.membership.internal.enrollment.Rosters.HEADER;
import static org.nuanxin.membership.internal.enrollment.Rosters.idNumber;
import static org.nuanxin.membership.internal.enrollment.Rosters.mobile;
import static org.nuanxin.membership.internal.enrollment.Rosters.row;
import static org.nuanxin.membership.internal.enrollment.Rosters.xlsx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nuanxin.identity.PersonalData;
import org.nuanxin.identity.PersonalDataKind;
import org.nuanxin.membership.MembersEnrolled;
import org.nuanxin.membership.internal.enrollment.EnrollmentStatus.Action;
import org.nuanxin.membership.internal.enrollment.EnrollmentStatus.Mode;
import org.nuanxin.membership.internal.enrollment.EnrollmentStatus.State;
import org.nuanxin.spreadsheet.CellProblem;
import org.nuanxin.support.PublishedEvents;
import org.nuanxin.support.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Mass enrollment end to end on a real database, on H2 ({@link MassEnrollmentH2Test}) and PostgreSQL
 * ({@link MassEnrollmentPostgresTest}): every roster fault of issue 9, all-or-nothing, valid rows only, duplicates
 * in the file, people already members, the row limit and a zip bomb.
 */
@WithMockUser(username = MassEnrollmentTest.OWNER, roles = "UNION_STAFF")
abstract class MassEnrollmentTest {

    static final String OWNER = "enroll-staff";
    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Autowired
    MassEnrollmentService enrollment;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalData personalData;

    @Autowired
    PublishedEvents events;

    long yuzhong;
    long jiangbei;

    @BeforeEach
    void unions() {
        yuzhong = StaffAccounts.organization(jdbc, "500103");
        jiangbei = StaffAccounts.organization(jdbc, "500105");
    }

    EnrollmentStatus checked(String name, byte[] file, long union) {
        EnrollmentStatus started = enrollment.start(name, file, union, LocalDate.of(2024, 11, 1), OWNER, ZH);
        return await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> enrollment.status(started.id(), OWNER).orElseThrow(), s -> !s.working());
    }

    EnrollmentStatus committed(EnrollmentStatus job, Mode mode) {
        enrollment.commit(job.id(), OWNER, mode);
        return await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> enrollment.status(job.id(), OWNER).orElseThrow(), s -> !s.working());
    }

    List<CellProblem> problems(EnrollmentStatus job) {
        return enrollment.problems(job.id(), OWNER, Pageable.unpaged()).getContent();
    }

    List<Action> actions(EnrollmentStatus job) {
        return enrollment.preview(job.id(), OWNER, Pageable.unpaged()).getContent().stream()
                .map(EnrollmentStatus.PreviewRow::action)
                .toList();
    }

    String memberState(String idNumber) {
        return jdbc.sql("SELECT state || '@' || organization_id FROM member WHERE person_key = ?")
                .param(personalData.lookupKey(PersonalDataKind.RESIDENT_ID_NUMBER, idNumber))
                .query(String.class)
                .optional()
                .orElse("none");
    }

    static byte[] roster(String[]... rows) {
        return xlsx(sheet -> {
            row(sheet, 0, HEADER);
            for (int i = 0; i < rows.length; i++) {
                row(sheet, i + 1, rows[i]);
            }
        });
    }

    @Test
    void aCleanRosterCreatesActiveMembersWithNumbersPeriodsAndCards() {
        String a = idNumber();
        String b = idNumber();
        EnrollmentStatus job = checked(
                "clean.xlsx",
                roster(
                        new String[] {"1", "张三", a, mobile(1), "外卖骑手", "工作地入会", null, "2024-10-01"},
                        new String[] {"2", "李四", b, mobile(2), "快递员", null, null, null}),
                yuzhong);
        assertThat(job.state()).isEqualTo(State.READY);
        assertThat(job.toCreate()).isEqualTo(2);
        assertThat(problems(job)).isEmpty();
        assertThat(memberState(a)).as("the check writes no member").isEqualTo("none");
        assertThat(stored(job.id(), "SELECT COUNT(*) FROM membership_enrollment WHERE id = ? AND content IS NULL"))
                .as("the uploaded file is dropped once checked")
                .isEqualTo(1);
        assertThat(stored(job.id(), "SELECT COUNT(*) FROM membership_enrollment_write WHERE enrollment_id = ?"))
                .as("what the commit writes is stored")
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM membership_enrollment_write WHERE enrollment_id = ?"
                                + " AND (id_number_sealed LIKE ? OR mobile_sealed LIKE ?)")
                        .params(
                                job.id(),
                                "%" + a.substring(6, 14) + "%",
                                "%" + mobile(1).substring(3) + "%")
                        .query(Long.class)
                        .single())
                .as("sealed, not in clear")
                .isZero();

        EnrollmentStatus done = committed(job, Mode.ALL);
        assertThat(done.state()).isEqualTo(State.COMMITTED);
        assertThat(done.toCreate()).isEqualTo(2);
        assertThat(memberState(a)).isEqualTo("ACTIVE@" + yuzhong);
        assertThat(memberState(b)).isEqualTo("ACTIVE@" + yuzhong);
        String key = personalData.lookupKey(PersonalDataKind.RESIDENT_ID_NUMBER, a);
        assertThat(jdbc.sql("""
                        SELECT m.member_number || ' ' || m.source || ' ' || m.id_number_masked || ' ' || p.started_on
                          || ' ' || (SELECT COUNT(*) FROM membership_card c WHERE c.member_id = m.id)
                        FROM member m JOIN membership_period p ON p.member_id = m.id WHERE m.person_key = ?""").param(key).query(String.class).single())
                .matches("CQ2025\\d{7} IMPORT 5001\\*{10}.{4} 2024-10-01 1");
        // The second row had no date: the event's.
        assertThat(jdbc.sql("SELECT p.started_on FROM member m JOIN membership_period p ON p.member_id = m.id"
                                + " WHERE m.person_key = ?")
                        .param(personalData.lookupKey(PersonalDataKind.RESIDENT_ID_NUMBER, b))
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(LocalDate.of(2024, 11, 1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM member WHERE id_number_sealed LIKE ? OR mobile_sealed LIKE ?")
                        .params("%" + a + "%", "%" + mobile(1).substring(3) + "%")
                        .query(Long.class)
                        .single())
                .as("stored sealed, not in clear")
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'membership.enroll' AND record_id = ?")
                        .param(job.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(events.of(MembersEnrolled.class))
                .contains(new MembersEnrolled(job.id(), yuzhong, LocalDate.of(2024, 11, 1), 2, 0));
        assertThat(stored(job.id(), "SELECT COUNT(*) FROM membership_enrollment_write WHERE enrollment_id = ?"))
                .as("the staged personal data goes with the commit")
                .isZero();
    }

    long stored(String id, String sql) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }

    @Test
    void aPersonWhoJoinsBetweenCheckAndCommitFailsTheCommitAndNothingIsWritten() throws IOException {
        String early = idNumber();
        String late = idNumber();
        EnrollmentStatus job = checked(
                "race.xlsx",
                roster(
                        new String[] {"1", "王五", early, mobile(51), "外卖骑手", null, null, null},
                        new String[] {"2", "赵六", late, mobile(52), "快递员", null, null, null}),
                yuzhong);
        assertThat(job.state()).isEqualTo(State.READY);
        // Meanwhile the second person joins elsewhere (another union's roster, committed first).
        committed(
                checked(
                        "other.xlsx",
                        roster(new String[] {"1", "赵六", late, mobile(52), "快递员", null, null, null}),
                        jiangbei),
                Mode.ALL);

        EnrollmentStatus done = committed(job, Mode.ALL);
        assertThat(done.state()).isEqualTo(State.FAILED);
        assertThat(done.message()).isNotBlank();
        assertThat(memberState(early))
                .as("all or nothing: the first row is not written either")
                .isEqualTo("none");
        assertThat(memberState(late)).isEqualTo("ACTIVE@" + jiangbei);
        assertThat(stored(job.id(), "SELECT COUNT(*) FROM membership_enrollment_write WHERE enrollment_id = ?"))
                .isZero();
        // The result says what happened: nothing written, and why.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        enrollment.writeResult(job.id(), OWNER, out, ZH);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            for (int r = 1; r <= 2; r++) {
                assertThat(sheet.getRow(r).getCell(3).getStringCellValue()).isEqualTo("未写入");
                assertThat(sheet.getRow(r).getCell(4).getStringCellValue()).isEqualTo(done.message());
            }
        }
    }

    @Test
    void aMembershipChangedBetweenCheckAndCommitFailsTheUpdate() {
        String person = idNumber();
        committed(
                checked(
                        "first.xlsx",
                        roster(new String[] {"1", "钱七", person, mobile(61), "骑手", null, null, null}),
                        yuzhong),
                Mode.ALL);
        EnrollmentStatus update = checked(
                "update.xlsx", roster(new String[] {"1", "钱七", person, mobile(61), "快递员", null, null, null}), yuzhong);
        assertThat(actions(update)).containsExactly(Action.UPDATE);
        // Meanwhile another roster changes the same membership.
        committed(
                checked(
                        "other.xlsx",
                        roster(new String[] {"1", "钱七", person, mobile(61), "网约车司机", null, null, null}),
                        yuzhong),
                Mode.ALL);

        EnrollmentStatus done = committed(update, Mode.ALL);
        assertThat(done.state()).isEqualTo(State.FAILED);
        assertThat(jdbc.sql("SELECT occupation FROM member WHERE person_key = ?")
                        .param(personalData.lookupKey(PersonalDataKind.RESIDENT_ID_NUMBER, person))
                        .query(String.class)
                        .single())
                .as("the later change stands")
                .isEqualTo("RIDE_HAILING_DRIVER");
    }

    @Test
    void rostersAsOfficesSendThem() throws IOException {
        String ok1 = idNumber();
        String ok2 = idNumber();
        String ok3 = idNumber();
        // A number Excel can hold as a number: one ending in X would be text anyway.
        String numeric = idNumber();
        while (numeric.endsWith("X")) {
            numeric = idNumber();
        }
        String typedAsNumber = numeric;
        byte[] file = xlsx(sheet -> {
            // A merged title, a subtitle, the header, an instruction row, then data.
            row(sheet, 0, "渝中区新就业形态劳动者集中入会活动名册");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 7));
            row(sheet, 1, "填报单位：渝中区总工会", null, null, null, null, null, "填报日期：2024年11月1日");
            row(sheet, 2, HEADER);
            row(sheet, 3, "填写说明：身份证号码请用文本格式");
            // Full-width digits and letters, a Chinese date and a date typed with dots.
            row(sheet, 4, "1", "王　五", toFullWidth(ok1), toFullWidth(mobile(11)), "外卖员", "输出地", null, "2024年7月25日");
            // A mobile number typed into a number cell: 11 digits, which Excel holds exactly.
            Row numericMobile = row(sheet, 5, "2", "赵六", ok2, null, "网约车司机", null, null, "2024.7.25");
            numericMobile.createCell(3).setCellValue(Double.parseDouble(mobile(12)));
            // A date as Excel's serial number in a General cell, and one formatted as a date.
            Row serial = row(sheet, 6, "3", "钱七", ok3, mobile(13), "货车司机", null, null, null);
            serial.createCell(7).setCellValue(45498); // 2024-07-25
            // An identity number typed into a number cell: Excel kept 15 significant digits.
            Row rounded = row(sheet, 7, "4", "孙八", null, mobile(14), "家政", null, null, null);
            rounded.createCell(2).setCellValue(Double.parseDouble(typedAsNumber));
            // A formula, and a formula whose result is an error.
            Row formula = row(sheet, 8, "5", "周九", idNumber(), null, "快递员", null, null, null);
            formula.createCell(3).setCellFormula("\"139\"&\"00000015\"");
            Row error = row(sheet, 9, "6", "吴十", idNumber(), mobile(16), null, null, null, null);
            error.createCell(4).setCellFormula("VLOOKUP(A10,Z1:Z2,2,FALSE)");
            error.getCell(4).setCellErrorValue(FormulaError.NA.getCode());
            // Missing required cells and an unknown occupation and platform.
            row(sheet, 10, "7", null, idNumber(), mobile(17), "程序员", null, "不存在的平台", null);
        });
        EnrollmentStatus job = checked("offices.xlsx", file, yuzhong);
        assertThat(job.state()).isEqualTo(State.INVALID);
        assertThat(job.total()).isEqualTo(7);
        assertThat(actions(job))
                .containsExactly(
                        Action.CREATE,
                        Action.CREATE,
                        Action.CREATE,
                        Action.REFUSED,
                        Action.REFUSED,
                        Action.REFUSED,
                        Action.REFUSED);
        List<String> problems =
                problems(job).stream().map(p -> p.cellRef() + " " + p.message()).toList();
        assertThat(problems)
                .anySatisfy(
                        p -> assertThat(p).startsWith("C8 ").contains("数字格式").contains("15 位"))
                .anySatisfy(p -> assertThat(p).startsWith("D9 ").contains("公式"))
                .anySatisfy(p -> assertThat(p).startsWith("E10 ").contains("#N/A"))
                .anySatisfy(p -> assertThat(p).startsWith("B11 ").contains("必填"))
                .anySatisfy(p -> assertThat(p).startsWith("E11 ").contains("程序员"))
                .anySatisfy(p -> assertThat(p).startsWith("G11 ").contains("不存在的平台"));
        assertThat(problems).as("the rounded number is never read as one").noneMatch(p -> p.contains("C8 身份证号码不正确"));
        assertThat(problems).hasSize(6);
        assertThat(String.join("\n", problems)).doesNotContain(numeric).doesNotContain(ok1);

        EnrollmentStatus done = committed(job, Mode.VALID_ROWS);
        assertThat(done.state()).isEqualTo(State.COMMITTED);
        assertThat(done.toCreate()).isEqualTo(3);
        for (String id : List.of(ok1, ok2, ok3)) {
            assertThat(jdbc.sql("SELECT p.started_on FROM member m JOIN membership_period p ON p.member_id = m.id"
                                    + " WHERE m.person_key = ?")
                            .param(personalData.lookupKey(PersonalDataKind.RESIDENT_ID_NUMBER, id))
                            .query(LocalDate.class)
                            .single())
                    .isEqualTo(LocalDate.of(2024, 7, 25));
        }
        assertThat(jdbc.sql("SELECT route || ' ' || name || ' ' || mobile_masked FROM member WHERE person_key = ?")
                        .param(personalData.lookupKey(PersonalDataKind.RESIDENT_ID_NUMBER, ok1))
                        .query(String.class)
                        .single())
                .isEqualTo("ORIGIN_LOCATION 王 五 139****0011");
        assertThat(jdbc.sql("SELECT mobile_masked FROM member WHERE person_key = ?")
                        .param(personalData.lookupKey(PersonalDataKind.RESIDENT_ID_NUMBER, ok2))
                        .query(String.class)
                        .single())
                .as("the mobile number read from a number cell")
                .isEqualTo("139****0012");
    }

    @Test
    void allOrNothingWritesNothingWhileOneRowIsWrong() {
        String good = idNumber();
        String valid = idNumber();
        // The same number with another check character: wrong by MOD 11-2 whatever the right one is.
        String bad = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        EnrollmentStatus job = checked(
                "one-bad.xlsx",
                roster(
                        new String[] {"1", "张三", good, mobile(21), "骑手", null, null, null},
                        new String[] {"2", "李四", bad, mobile(22), "骑手", null, null, null}),
                yuzhong);
        assertThat(job.state()).isEqualTo(State.INVALID);
        assertThat(problems(job)).singleElement().satisfies(p -> {
            assertThat(p.cellRef()).isEqualTo("C3");
            assertThat(p.columnHeader()).isEqualTo("身份证号码");
        });
        assertThatThrownBy(() -> enrollment.commit(job.id(), OWNER, Mode.ALL))
                .isInstanceOf(IllegalStateException.class);
        assertThat(memberState(good)).isEqualTo("none");
        assertThat(enrollment.status(job.id(), OWNER).orElseThrow().state()).isEqualTo(State.INVALID);
    }

    @Test
    void theSamePersonTwiceInTheFileRefusesBothRowsNamingEachOther() {
        String same = idNumber();
        EnrollmentStatus job = checked(
                "twice.xlsx",
                roster(
                        new String[] {"1", "张三", same, mobile(31), "骑手", null, null, null},
                        new String[] {"2", "李四", idNumber(), mobile(32), "骑手", null, null, null},
                        new String[] {"3", "张三", same.toLowerCase(Locale.ROOT), mobile(33), "骑手", null, null, null}),
                yuzhong);
        assertThat(actions(job)).containsExactly(Action.REFUSED, Action.CREATE, Action.REFUSED);
        assertThat(problems(job))
                .extracting(p -> p.cellRef() + " " + p.message())
                .containsExactly("C2 与第 4 行是同一个身份证号码，同一人只能入会一次", "C4 与第 2 行是同一个身份证号码，同一人只能入会一次");
        EnrollmentStatus done = committed(job, Mode.VALID_ROWS);
        assertThat(done.toCreate()).isEqualTo(1);
        assertThat(memberState(same)).isEqualTo("none");
    }

    @Test
    void aPersonAlreadyAMemberIsNeverCreatedTwice() {
        String person = idNumber();
        committed(
                checked(
                        "first.xlsx",
                        roster(new String[] {"1", "张三", person, mobile(41), "骑手", null, null, null}),
                        yuzhong),
                Mode.ALL);
        long members = jdbc.sql("SELECT COUNT(*) FROM member").query(Long.class).single();

        // Another union's roster: refused, saying where and in which state.
        EnrollmentStatus elsewhere = checked(
                "second.xlsx", roster(new String[] {"1", "张三", person, mobile(41), "骑手", null, null, null}), jiangbei);
        assertThat(actions(elsewhere)).containsExactly(Action.REFUSED);
        assertThat(problems(elsewhere)).singleElement().satisfies(p -> {
            assertThat(p.cellRef()).isEqualTo("C2");
            assertThat(p.message()).contains("渝中区").contains("会员");
        });

        // The same union's roster with a new occupation: an update of that field only.
        EnrollmentStatus again = checked(
                "third.xlsx", roster(new String[] {"1", "张三", person, mobile(41), "快递员", null, null, null}), yuzhong);
        assertThat(actions(again)).containsExactly(Action.UPDATE);
        EnrollmentStatus done = committed(again, Mode.ALL);
        assertThat(done.toUpdate()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT name || ' ' || occupation || ' ' || mobile_masked FROM member WHERE person_key = ?")
                        .param(personalData.lookupKey(PersonalDataKind.RESIDENT_ID_NUMBER, person))
                        .query(String.class)
                        .single())
                .isEqualTo("张三 COURIER 139****0041");
        // Unchanged the next time.
        EnrollmentStatus same = checked(
                "fourth.xlsx", roster(new String[] {"1", "张三", person, mobile(41), "快递员", null, null, null}), yuzhong);
        assertThat(actions(same)).containsExactly(Action.UNCHANGED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM member").query(Long.class).single())
                .isEqualTo(members);
    }

    @Test
    void aRosterNeverRenamesAMemberNorMovesTheirSignInToAnotherPhone() {
        String person = idNumber();
        committed(
                checked(
                        "first.xlsx",
                        roster(new String[] {"1", "孙八", person, mobile(71), "快递员", null, null, null}),
                        yuzhong),
                Mode.ALL);

        // Another name for the same identity number: a mistyped number or the wrong person.
        EnrollmentStatus renamed = checked(
                "renamed.xlsx",
                roster(new String[] {"1", "周四", person, mobile(71), "外卖骑手", null, null, null}),
                yuzhong);
        assertThat(actions(renamed)).containsExactly(Action.REFUSED);
        assertThat(problems(renamed)).singleElement().satisfies(p -> {
            assertThat(p.cellRef()).isEqualTo("B2");
            assertThat(p.message()).contains("孙**").contains("不一致").doesNotContain(person);
        });

        // Another mobile number: the member's sign-in, which a roster must not move to another phone.
        EnrollmentStatus moved = checked(
                "moved.xlsx", roster(new String[] {"1", "孙 八", person, mobile(72), "外卖骑手", null, null, null}), yuzhong);
        assertThat(actions(moved)).containsExactly(Action.REFUSED);
        assertThat(problems(moved)).singleElement().satisfies(p -> {
            assertThat(p.cellRef()).isEqualTo("D2");
            assertThat(p.message()).contains("登录账号");
        });
        assertThat(moved.state()).isEqualTo(State.INVALID);
        assertThatThrownBy(() -> enrollment.commit(moved.id(), OWNER, Mode.VALID_ROWS))
                .as("nothing valid to write")
                .isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.sql("SELECT name || ' ' || occupation || ' ' || mobile_masked FROM member WHERE person_key = ?")
                        .param(personalData.lookupKey(PersonalDataKind.RESIDENT_ID_NUMBER, person))
                        .query(String.class)
                        .single())
                .isEqualTo("孙八 COURIER 139****0071");
    }

    @Test
    void childrenAndNamesThatAreNotNamesAreRefused() {
        // 16 on the joining date is old enough; a day short of it is not (Labour Law art. 15).
        String sixteen = Rosters.idNumberBornOn(LocalDate.of(2008, 7, 25));
        String fifteen = Rosters.idNumberBornOn(LocalDate.of(2008, 7, 26));
        EnrollmentStatus job = checked(
                "young.xlsx",
                roster(
                        new String[] {"1", "吴一", sixteen, mobile(81), "外卖骑手", null, null, "2024-07-25"},
                        new String[] {"2", "吴二", fifteen, mobile(82), "外卖骑手", null, null, "2024-07-25"},
                        // A CSV saved in GBK turns 䶮 into "?"; digits are not names either.
                        new String[] {"3", "喆?", idNumber(), mobile(83), "快递员", null, null, null},
                        new String[] {"4", "张3", idNumber(), mobile(84), "快递员", null, null, null},
                        new String[] {"5", "阿依古丽·买买提", idNumber(), mobile(85), "快递员", null, null, null}),
                yuzhong);
        assertThat(actions(job))
                .containsExactly(Action.CREATE, Action.REFUSED, Action.REFUSED, Action.REFUSED, Action.CREATE);
        List<String> problems =
                problems(job).stream().map(p -> p.cellRef() + " " + p.message()).toList();
        assertThat(problems)
                .containsExactly(
                        "C3 未满 16 周岁不能入会（《劳动法》第十五条禁止招用未满十六周岁的未成年人）",
                        "B4 姓名中有不能用于姓名的字符“?”（如果原名册里是生僻字，请把文件另存为 xlsx 或 UTF-8 编码的 CSV 后再上传）",
                        "B5 姓名中有不能用于姓名的字符“3”（如果原名册里是生僻字，请把文件另存为 xlsx 或 UTF-8 编码的 CSV 后再上传）");
    }

    @Test
    void aMembershipOutsideTheUploadersScopeIsRefusedWithoutSayingWhereOrInWhichState() {
        String person = idNumber();
        committed(
                checked(
                        "yuzhong.xlsx",
                        roster(new String[] {"1", "郑十", person, mobile(91), "快递员", null, null, null}),
                        yuzhong),
                Mode.ALL);
        // Staff of 江北区 upload the same person for their own union.
        org.nuanxin.support.ScopedUser.signIn(
                org.nuanxin.support.ScopedUser.of(jdbc, OWNER, org.nuanxin.identity.Role.UNION_STAFF, "500105"));
        try {
            EnrollmentStatus elsewhere = checked(
                    "jiangbei.xlsx",
                    roster(new String[] {"1", "郑十", person, mobile(91), "快递员", null, null, null}),
                    jiangbei);
            assertThat(actions(elsewhere)).containsExactly(Action.REFUSED);
            assertThat(problems(elsewhere)).singleElement().satisfies(p -> {
                assertThat(p.cellRef()).isEqualTo("C2");
                assertThat(p.message()).contains("管辖范围之外").doesNotContain("渝中").doesNotContain("会员");
            });
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    @Test
    void anEventDateInTheFutureOrDecadesAgoIsRefusedByField() {
        byte[] file = roster(new String[] {"1", "陈一", idNumber(), mobile(95), "快递员", null, null, null});
        for (LocalDate date : List.of(LocalDate.of(1900, 1, 1), LocalDate.of(2999, 1, 1))) {
            assertThatThrownBy(() -> enrollment.start("dated.xlsx", file, yuzhong, date, OWNER, ZH))
                    .isInstanceOfSatisfying(
                            org.nuanxin.kernel.InvalidInputException.class,
                            e -> assertThat(e.errors())
                                    .singleElement()
                                    .satisfies(p -> assertThat(p.field()).isEqualTo("eventDate")));
        }
    }

    @Test
    void gbkCsvIsRead() {
        String person = idNumber();
        String csv = String.join(",", HEADER) + "\r\n1,欧阳娜娜," + person + "," + mobile(51) + ",家政服务员,,,2024/7/25\r\n";
        EnrollmentStatus job = checked("gbk.csv", csv.getBytes(Charset.forName("GBK")), yuzhong);
        assertThat(problems(job)).isEmpty();
        assertThat(job.state()).isEqualTo(State.READY);
        assertThat(enrollment.preview(job.id(), OWNER, Pageable.unpaged()).getContent())
                .singleElement()
                .satisfies(r -> assertThat(r.nameMasked()).isEqualTo("欧**"));
    }

    @Test
    void overTheRowLimitIsRefusedNamingTheLimitAndWritesNothing() {
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (int i = 1; i <= 100_001; i++) {
            csv.append(i).append(",某").append(",500103199001011232,13900000000,骑手,,,\n");
        }
        EnrollmentStatus job = checked("big.csv", csv.toString().getBytes(StandardCharsets.UTF_8), yuzhong);
        assertThat(job.state()).isEqualTo(State.REJECTED);
        assertThat(job.message()).contains("100000").contains("行");
        assertThat(enrollment.preview(job.id(), OWNER, Pageable.unpaged()).getContent())
                .isEmpty();
    }

    @Test
    void aZipBombIsRefused() throws IOException {
        byte[] bomb = zipBomb(roster(), 4_000_000);
        assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
        EnrollmentStatus job = checked("bomb.xlsx", bomb, yuzhong);
        assertThat(job.state()).isEqualTo(State.REJECTED);
        assertThat(job.message()).contains("bomb.xlsx").contains("解压");
    }

    @Test
    void theResultListsEveryRowWithWhatItDidAndWhy() throws IOException {
        String good = idNumber();
        EnrollmentStatus job = checked(
                "result.xlsx",
                roster(
                        new String[] {"1", "张三", good, mobile(61), "骑手", null, null, null},
                        new String[] {"2", "李四", idNumber(), "12345", "骑手", null, null, null},
                        new String[] {"3", null, idNumber(), mobile(62), null, null, null, null}),
                yuzhong);
        committed(job, Mode.VALID_ROWS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        enrollment.writeResult(job.id(), OWNER, out, ZH);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("结果");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("已入会");
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue())
                    .isEqualTo(good.substring(0, 4) + "**********" + good.substring(14));
            assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("未写入");
            assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).startsWith("手机号码：");
            // Each reason names its column.
            assertThat(sheet.getRow(3).getCell(4).getStringCellValue()).isEqualTo("姓名：必填，不能为空；职业：必填，不能为空");
        }
    }

    @Test
    void theTemplateHasChineseHeadersAndAnInstructionRowAndNoPersonToEnrol() throws IOException {
        for (Locale locale : List.of(ZH, Locale.ENGLISH)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            enrollment.writeTemplate(out, locale);
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
                var sheet = workbook.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("姓名");
                assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("身份证号码");
                assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
                        .startsWith("填写说明")
                        .contains("100000");
                var third = sheet.getRow(2);
                assertThat(third == null || third.getCell(1) == null)
                        .as("no example person: %s", third == null ? "" : third.getCell(0))
                        .isTrue();
                // Identity and mobile numbers typed into it stay text (Excel would round 18 digits to 15).
                assertThat(sheet.getColumnStyle(2).getDataFormatString()).isEqualTo("@");
                assertThat(sheet.getColumnStyle(3).getDataFormatString()).isEqualTo("@");
                assertThat(sheet.getColumnWidth(2) / 256).isGreaterThanOrEqualTo(20);
                assertThat(sheet.getColumnWidth(0) / 256)
                        .as("not fitted to the note")
                        .isLessThan(10);
                assertThat(sheet.getDataValidations())
                        .extracting(
                                v -> v.getRegions().getCellRangeAddress(0).getFirstColumn(),
                                v -> List.of(v.getValidationConstraint().getExplicitListValues()))
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple(
                                        4, List.of("快递员", "外卖骑手", "网约车司机", "货车司机", "家政服务员", "其他")),
                                org.assertj.core.groups.Tuple.tuple(5, List.of("工作地入会", "输出地入会")));
            }
            // Uploaded as it is, the instruction row is not a person.
            EnrollmentStatus job = checked("template.xlsx", out.toByteArray(), yuzhong);
            assertThat(job.state()).isEqualTo(State.REJECTED);
            assertThat(job.total()).isZero();
        }
    }

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @Test
    void theConsolePagesUploadShowCommitAndListAJob() throws Exception {
        // Checked first, while the test's own user is signed in (MockMvc's requests below replace it).
        EnrollmentStatus invalid = checked(
                "invalid.xlsx",
                roster(
                        new String[] {"1", "冯一", idNumber(), mobile(72), "骑手", null, null, null},
                        new String[] {"2", "冯二", idNumber(), "12345", "骑手", null, null, null}),
                yuzhong);
        String person = idNumber();
        var staff = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                        OWNER)
                .roles("UNION_STAFF");
        var upload = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                "/console/members/enroll")
                        .file(new org.springframework.mock.web.MockMultipartFile(
                                "file", "web.xlsx", "application/octet-stream", roster(new String[] {
                                    "1", "周九", person, mobile(71), "骑手", null, null, null
                                })))
                        .param("unionId", String.valueOf(yuzhong))
                        .param("eventDate", "2024-11-01")
                        .with(staff)
                        .with(
                                org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn()
                .getResponse();
        assertThat(upload.getStatus()).isEqualTo(302);
        String page = upload.getRedirectedUrl();
        assertThat(page).startsWith("/console/members/enroll/");
        String id = page.substring(page.lastIndexOf('/') + 1);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> enrollment.status(id, OWNER).orElseThrow(), s -> !s.working());
        String html = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(page)
                        .with(staff))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("检查通过").contains("周**").doesNotContain(person);
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        page + "/commit")
                                .param("mode", "ALL")
                                .with(staff)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> enrollment.status(id, OWNER).orElseThrow().state() == State.COMMITTED);
        // Committing again (a double click, Back and resubmit) is the same commit: back to the job, now written.
        var again = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(page + "/commit")
                                .param("mode", "ALL")
                                .with(staff)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn()
                .getResponse();
        assertThat(again.getRedirectedUrl()).isEqualTo(page);
        String done = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(page)
                        .with(staff))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(done).as("what was done, not what would be").contains("已入会").doesNotContain("将新入会");
        // "Write only if all are valid" on a roster with a problem row: back to the job, saying nothing was written.
        String invalidPage = "/console/members/enroll/" + invalid.id();
        var refused = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        invalidPage + "/commit")
                                .param("mode", "ALL")
                                .with(staff)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn()
                .getResponse();
        assertThat(refused.getRedirectedUrl()).isEqualTo(invalidPage + "?notCommitted");
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                        refused.getRedirectedUrl())
                                .with(staff))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("这次没有写入");
        assertThat(enrollment.status(invalid.id(), OWNER).orElseThrow().state()).isEqualTo(State.INVALID);
        String members = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/console/members?occupation=骑手")
                        .with(staff))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(members).contains("周**").contains("139****0071").doesNotContain(person);
    }

    @Test
    void aChosenFileOfNoBytesIsNamedAsEmptyAndNoFileAtAllIsAskedFor() throws Exception {
        var staff = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                        OWNER)
                .roles("UNION_STAFF");
        java.util.function.Function<String, org.springframework.mock.web.MockHttpServletResponse> upload = name -> {
            try {
                return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                        "/console/members/enroll")
                                .file(new org.springframework.mock.web.MockMultipartFile(
                                        "file", name, "application/octet-stream", new byte[0]))
                                .param("unionId", String.valueOf(yuzhong))
                                .param("eventDate", "2024-11-01")
                                .with(staff)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                        .andReturn()
                        .getResponse();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        var empty = upload.apply("渝中区名册.xlsx");
        assertThat(empty.getStatus()).isEqualTo(422);
        assertThat(empty.getContentAsString(StandardCharsets.UTF_8))
                .contains("“渝中区名册.xlsx”是空文件（0 字节）")
                .doesNotContain("请选择要上传的名册文件");
        var none = upload.apply("");
        assertThat(none.getStatus()).isEqualTo(422);
        assertThat(none.getContentAsString(StandardCharsets.UTF_8))
                .contains("请选择要上传的名册文件")
                .doesNotContain("是空文件");
    }

    private static String toFullWidth(String ascii) {
        StringBuilder s = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            s.append(c >= '!' && c <= '~' ? (char) (c - '!' + '！') : c);
        }
        return s.toString();
    }

    private static byte[] zipBomb(byte[] xlsx, int rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream zout = new ZipOutputStream(out)) {
            for (ZipEntry entry; (entry = zin.getNextEntry()) != null; ) {
                zout.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    StringBuilder head = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet"
                            + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row>");
                    for (String h : HEADER) {
                        head.append("<c t=\"inlineStr\"><is><t>").append(h).append("</t></is></c>");
                    }
                    zout.write(head.append("</row>").toString().getBytes(StandardCharsets.UTF_8));
                    byte[] row = "<row><c t=\"inlineStr\"><is><t>AAAAAAAAAAAAAAAAAAAA</t></is></c></row>"
                            .getBytes(StandardCharsets.UTF_8);
                    for (int i = 0; i < rows; i++) {
                        zout.write(row);
                    }
                    zout.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    zin.transferTo(zout);
                }
                zout.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
