package org.nuanxin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.spreadsheet.XlsxExport;
import org.nuanxin.station.NearbyStation;
import org.nuanxin.station.Station;
import org.nuanxin.station.StationCatalog;
import org.nuanxin.station.StationFinder;
import org.nuanxin.station.StationInput;
import org.nuanxin.support.MutableClock;
import org.nuanxin.support.NuanxinTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The time rules on a server whose JVM runs in UTC (surefire's {@code utc} execution runs every
 * {@code *UtcTest}), at an instant where the UTC date and the Chongqing date differ:
 * 2026-03-01T17:30Z is 01:30 on 2 March in Asia/Shanghai ({@code nuanxin.time-zone}). Anything read
 * in the JVM's zone instead of the configured one answers for 17:30 on 1 March and fails here.
 */
@EnabledIfSystemProperty(
        named = "nuanxin.test.utc-execution",
        matches = "true",
        disabledReason = "runs in surefire's utc execution (a JVM in UTC) only")
@NuanxinTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimeZoneRulesUtcTest {

    static final Instant UTC_EVENING = Instant.parse("2026-03-01T17:30:00Z");

    /** Near 解放碑 (WGS-84); the four stations stand within about 200 m. */
    static final GeoPoint HERE = new GeoPoint(106.5734, 29.5603);

    @Autowired
    MutableClock clock;

    @Autowired
    StationCatalog catalog;
    /** The application's exporter, so the zone it shows times in is the configured one, not the JVM's. */
    @Autowired
    XlsxExport export;

    @Autowired
    StationFinder finder;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    Station daytime;

    @BeforeAll
    void fourStationsWithDifferentHours() {
        clock.set(UTC_EVENING);
        daytime = create("日间驿站", 0.0005, "08:00-22:00");
        create("夜间驿站", 0.0010, "22:00-06:00");
        create("全天驿站", 0.0015, "全天24小时");
        create("晚间驿站", 0.0020, "18:00-24:00");
    }

    /** Creates a station as union staff would (StationPermissions lets staff create). */
    private Station create(String name, double offset, String hours) {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("staff", "n/a", "ROLE_UNION_STAFF"));
        try {
            return createAsStaff(name, offset, hours);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Station createAsStaff(String name, double offset, String hours) {
        return catalog.create(new StationInput(
                null,
                name,
                "企业",
                "渝中区",
                "渝中区民族路 " + name,
                Double.toString(HERE.longitude() + offset),
                Double.toString(HERE.latitude()),
                "WGS-84",
                "测试",
                "13800138000",
                hours,
                "饮水",
                null));
    }

    @AfterEach
    void backToTheUtcEvening() {
        clock.set(UTC_EVENING);
    }

    /** The utc execution's argLine sets the zone; if someone changes it, this class no longer tests anything. */
    @Test
    void theJvmReallyRunsInUtc() {
        assertThat(TimeZone.getDefault().getID()).isEqualTo("UTC");
    }

    @ParameterizedTest(name = "{0} = {1} in Chongqing: open {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-03-01T17:30:00Z | 03-02 01:30 | 夜间驿站,全天驿站
            2026-03-01T22:00:00Z | 03-02 06:00 | 全天驿站
            2026-03-01T00:00:00Z | 03-01 08:00 | 日间驿站,全天驿站
            2026-03-01T14:00:00Z | 03-01 22:00 | 夜间驿站,全天驿站,晚间驿站
            2026-03-01T15:59:00Z | 03-01 23:59 | 夜间驿站,全天驿站,晚间驿站
            2026-03-01T16:00:00Z | 03-02 00:00 | 夜间驿站,全天驿站
            """)
    void openNowReadsChongqingHoursIncludingHoursPastMidnight(String instant, String chongqing, String open) {
        clock.set(Instant.parse(instant));
        List<String> expected = List.of(open.split(","));

        assertThat(finder.nearest(HERE, Set.of(), true, 10))
                .extracting(n -> n.station().name())
                .containsExactlyInAnyOrderElementsOf(expected);
        List<NearbyStation> all = finder.nearest(HERE, Set.of(), false, 10);
        assertThat(all)
                .hasSize(4)
                .allSatisfy(n -> assertThat(n.openNow())
                        .as(n.station().name())
                        .isEqualTo(expected.contains(n.station().name())));
    }

    @Test
    void timestampsAreStoredAsTheInstantWhateverTheServerZone() {
        assertThat(daytime.updatedAt()).isEqualTo(UTC_EVENING);
        assertThat(catalog.findByCode(daytime.code()).orElseThrow().updatedAt()).isEqualTo(UTC_EVENING);
        OffsetDateTime stored = jdbc.sql("SELECT created_at FROM station WHERE code = ?")
                .param(daytime.code())
                .query(OffsetDateTime.class)
                .single();
        assertThat(stored.toInstant()).isEqualTo(UTC_EVENING);
    }

    @Test
    void spreadsheetTimestampsAreShownInChongqingTime() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.write(out, "时间", List.of("时间"), List.of(List.of(UTC_EVENING)));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(new DataFormatter(Locale.ROOT)
                            .formatCellValue(workbook.getSheetAt(0).getRow(1).getCell(0)))
                    .isEqualTo("2026-03-02 01:30:00");
        }
    }

    @Test
    void theExportFileIsNamedForTheChongqingDate() throws Exception {
        MvcResult result = mvc.perform(
                        get("/console/stations/export.xlsx").with(user("staff").roles("UNION_STAFF")))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .contains("filename*=UTF-8''" + URLEncoder.encode("工会驿站名册-2026-03-02.xlsx", StandardCharsets.UTF_8));
    }
}
