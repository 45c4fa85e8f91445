package org.nuanxin.membership.internal.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nuanxin.identity.DataScopes;
import org.nuanxin.identity.Masks;
import org.nuanxin.identity.PersonalData;
import org.nuanxin.identity.PersonalDataKind;
import org.nuanxin.identity.Role;
import org.nuanxin.identity.SealedValue;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.membership.MembershipState;
import org.nuanxin.membership.Occupation;
import org.nuanxin.support.ScopedUser;
import org.nuanxin.support.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The members list on a real database, on H2 ({@link MemberListH2Test}) and PostgreSQL ({@link MemberListPostgresTest}):
 * the data scope, the strict filters shared by list and export, masking, unmasking with a reason and its audit, and
 * formula-safe export cells.
 */
abstract class MemberListTest {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 5000) * 100);
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    @Autowired
    MemberList members;

    @Autowired
    MemberFilterParser parser;

    @Autowired
    DataScopes scopes;

    @Autowired
    PersonalData personalData;

    @Autowired
    JdbcClient jdbc;

    long yuzhong;
    long jiangbei;

    @BeforeEach
    void members() {
        yuzhong = StaffAccounts.organization(jdbc, "500103");
        jiangbei = StaffAccounts.organization(jdbc, "500105");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    void asCityStaff() {
        ScopedUser.signIn(ScopedUser.of(jdbc, "list-city", Role.UNION_STAFF, "500000"));
    }

    long insert(
            String name,
            String idNumber,
            String mobile,
            Occupation occupation,
            String route,
            String state,
            long organizationId,
            LocalDate joinedOn) {
        SealedValue id = personalData.seal(PersonalDataKind.RESIDENT_ID_NUMBER, idNumber);
        SealedValue phone = personalData.seal(PersonalDataKind.MOBILE, mobile);
        OffsetDateTime now = OffsetDateTime.of(2024, 12, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO member (person_key, id_number_sealed, id_number_masked, mobile_key, mobile_sealed,
                          mobile_masked, name, occupation, route, organization_id, state, member_number, source,
                          applied_at, version, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'IMPORT', ?, 0, ?, ?)""")
                .params(
                        id.lookupKey(),
                        id.ciphertext(),
                        Masks.residentIdNumber(idNumber),
                        phone.lookupKey(),
                        phone.ciphertext(),
                        Masks.mobile(mobile),
                        name,
                        occupation.name(),
                        route,
                        organizationId,
                        state,
                        "CQ2024" + "%07d".formatted(NEXT.incrementAndGet()),
                        now,
                        now,
                        now)
                .update();
        long memberId = jdbc.sql("SELECT id FROM member WHERE person_key = ?")
                .param(id.lookupKey())
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO membership_period (member_id, organization_id, started_on) VALUES (?, ?, ?)")
                .params(memberId, organizationId, joinedOn)
                .update();
        return memberId;
    }

    static String idNumber() {
        int n = NEXT.incrementAndGet();
        String seventeen = "500105"
                + LocalDate.of(1950, 1, 1).plusDays(n / 1000 % 3650).toString().replace("-", "")
                + "%03d".formatted(n % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (seventeen.charAt(i) - '0') * WEIGHTS[i];
        }
        return seventeen + "10X98765432".charAt(sum % 11);
    }

    MemberFilter filter(String occupation, String route, String state, String from, String to) {
        return parser.parse(null, occupation, route, state, from, to, null, scopes.current());
    }

    List<Long> ids(MemberFilter filter) {
        return members.page(filter, PageRequest.of(0, 200)).getContent().stream()
                .map(MemberRow::id)
                .toList();
    }

    @Test
    void aDistrictSeesItsOwnMembersMaskedAndAnotherDistrictsAreNotFound() {
        asCityStaff();
        long own = insert(
                "张三丰",
                idNumber(),
                "+8613900000001",
                Occupation.COURIER,
                "WORK_LOCATION",
                "ACTIVE",
                yuzhong,
                LocalDate.of(2024, 7, 25));
        long other = insert(
                "李四",
                idNumber(),
                "+8613900000002",
                Occupation.COURIER,
                "WORK_LOCATION",
                "ACTIVE",
                jiangbei,
                LocalDate.of(2024, 7, 25));
        assertThat(ids(MemberFilter.NONE)).contains(own, other);

        ScopedUser.signIn(ScopedUser.of(jdbc, "list-yz", Role.UNION_STAFF, "500103"));
        List<MemberRow> page =
                members.page(MemberFilter.NONE, PageRequest.of(0, 200)).getContent();
        assertThat(page).extracting(MemberRow::id).contains(own).doesNotContain(other);
        MemberRow row = page.stream().filter(m -> m.id() == own).findFirst().orElseThrow();
        assertThat(row.nameMasked()).isEqualTo("张**");
        assertThat(row.mobileMasked()).isEqualTo("139****0001");
        assertThat(row.idNumberMasked()).matches("5001\\*{10}.{4}");
        assertThatThrownBy(() -> members.find(other)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> members.unmask(other, "核对会籍转接")).isInstanceOf(NoSuchElementException.class);
        // Asking for the other district by filter is refused as an unknown union, never widened.
        assertThatThrownBy(() ->
                        parser.parse(String.valueOf(jiangbei), null, null, null, null, null, null, scopes.current()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .singleElement()
                                .satisfies(p -> assertThat(p.field()).isEqualTo("organization")));
    }

    @Test
    void filtersAreStrictAndReadSynonyms() {
        asCityStaff();
        long rider = insert(
                "王五",
                idNumber(),
                "+8613900000003",
                Occupation.FOOD_DELIVERY_RIDER,
                "ORIGIN_LOCATION",
                "ACTIVE",
                yuzhong,
                LocalDate.of(2024, 3, 1));
        long courier = insert(
                "赵六",
                idNumber(),
                "+8613900000004",
                Occupation.COURIER,
                "WORK_LOCATION",
                "WITHDRAWN",
                yuzhong,
                LocalDate.of(2024, 9, 1));
        assertThat(ids(filter("外卖骑手", null, null, null, null))).contains(rider).doesNotContain(courier);
        assertThat(ids(filter("骑手", "输出地入会", "会员", null, null))).contains(rider).doesNotContain(courier);
        assertThat(ids(filter(null, null, "WITHDRAWN", null, null)))
                .contains(courier)
                .doesNotContain(rider);
        assertThat(ids(filter(null, null, null, "2024-06-01", "2024-12-31")))
                .contains(courier)
                .doesNotContain(rider);
        assertThat(ids(filter(null, null, null, null, "2024-03-01")))
                .contains(rider)
                .doesNotContain(courier);
        assertThat(ids(parser.parse(String.valueOf(yuzhong), null, null, null, null, null, null, scopes.current())))
                .contains(rider, courier);
        assertThatThrownBy(() -> filter("程序员", "随便", "MAYBE", "2024-13-01", null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(p -> p.field() + "=" + p.args())
                                .containsExactly(
                                        "occupation=[程序员]", "route=[随便]", "state=[MAYBE]", "joinedFrom=[2024-13-01]"));
        assertThatThrownBy(() -> filter(null, null, null, "2024-06-01", "2024-01-01"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> parser.parse(null, null, null, null, null, null, "没有这家平台", scopes.current()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .singleElement()
                                .satisfies(p -> assertThat(p.field()).isEqualTo("enterprise")));
    }

    @Test
    void theExportFollowsTheFilterIsMaskedFormulaSafeAndAudited() throws IOException {
        asCityStaff();
        String id = idNumber();
        insert(
                "=1+2",
                id,
                "+8613900000005",
                Occupation.TRUCK_DRIVER,
                "WORK_LOCATION",
                "ACTIVE",
                yuzhong,
                LocalDate.of(2024, 5, 5));
        insert(
                "钱七",
                idNumber(),
                "+8613900000006",
                Occupation.COURIER,
                "WORK_LOCATION",
                "ACTIVE",
                yuzhong,
                LocalDate.of(2024, 5, 5));
        MemberFilter trucks = filter("货车司机", null, null, null, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        members.export(trucks, false, null, out, Locale.SIMPLIFIED_CHINESE);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("身份证号码");
            var mine = java.util.stream.IntStream.rangeClosed(1, sheet.getLastRowNum())
                    .mapToObj(sheet::getRow)
                    .filter(r -> r.getCell(2).getStringCellValue().equals(Masks.residentIdNumber(id)))
                    .findFirst()
                    .orElseThrow();
            assertThat(mine.getCell(1).getStringCellValue()).isEqualTo("=**");
            assertThat(mine.getCell(1).getCellStyle().getQuotePrefixed())
                    .as("a name starting with = is text")
                    .isTrue();
            assertThat(mine.getCell(3).getStringCellValue()).isEqualTo("139****0005");
            assertThat(mine.getCell(4).getStringCellValue()).isEqualTo("货车司机");
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                assertThat(sheet.getRow(r).getCell(4).getStringCellValue()).isEqualTo("货车司机");
                assertThat(sheet.getRow(r).getCell(2).getStringCellValue()).doesNotContain(id);
            }
        }
        assertThat(jdbc.sql("SELECT details FROM audit_log WHERE action = 'membership.export' ORDER BY id DESC")
                        .query(String.class)
                        .list()
                        .get(0))
                .contains("occupation=TRUCK_DRIVER")
                .contains("unmasked=false");
    }

    @Test
    void unmaskingNeedsThePermissionAndAReasonAndIsAudited() throws IOException {
        asCityStaff();
        String id = idNumber();
        long member = insert(
                "孙八",
                id,
                "+8613900000007",
                Occupation.OTHER,
                "WORK_LOCATION",
                "ACTIVE",
                yuzhong,
                LocalDate.of(2024, 5, 5));
        assertThatThrownBy(() -> members.unmask(member, " "))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("reason"));
        long before = jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'membership.unmask'")
                .query(Long.class)
                .single();
        assertThat(before)
                .as("a refused unmasking discloses nothing and records nothing")
                .isGreaterThanOrEqualTo(0);

        MemberList.Disclosed disclosed = members.unmask(member, "核对会员身份");
        assertThat(disclosed.idNumber()).isEqualTo(id);
        assertThat(disclosed.mobile()).isEqualTo("+8613900000007");
        assertThat(jdbc.sql("SELECT reason || ' ' || record_id || ' ' || actor FROM audit_log"
                                + " WHERE action = 'membership.unmask' ORDER BY id DESC")
                        .query(String.class)
                        .list()
                        .get(0))
                .isEqualTo("核对会员身份 " + member + " list-city");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> members.export(MemberFilter.NONE, true, "", out, Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(InvalidInputException.class);
        members.export(filter("其他", null, null, null, null), true, "年度会员核查", out, Locale.SIMPLIFIED_CHINESE);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(java.util.stream.IntStream.rangeClosed(1, sheet.getLastRowNum())
                            .mapToObj(r -> sheet.getRow(r).getCell(2).getStringCellValue()))
                    .contains(id);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action IN ('membership.export', 'membership.unmask')"
                                + " AND reason = '年度会员核查'")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        // Administrators view and export, masked; they do not unmask.
        ScopedUser.signIn(ScopedUser.of(jdbc, "list-admin", Role.CITY_ADMIN, "500000"));
        assertThat(members.find(member).state()).isEqualTo(MembershipState.ACTIVE);
        assertThatThrownBy(() -> members.unmask(member, "核对会员身份")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.export(
                        MemberFilter.NONE, true, "核对会员身份", new ByteArrayOutputStream(), Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(AccessDeniedException.class);
    }
}
