package org.nuanxin.membership.internal.enrollment;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.nuanxin.membership.internal.enrollment.EnrollmentStatus.Mode;
import org.nuanxin.membership.internal.enrollment.EnrollmentStatus.State;
import org.nuanxin.spreadsheet.ParsedSheet;
import org.nuanxin.spreadsheet.SheetRow;
import org.nuanxin.spreadsheet.SpreadsheetReader;
import org.nuanxin.support.PostgresTest;
import org.nuanxin.support.StaffAccounts;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * PERFORMANCE.md §12: a generated 100,000-row roster xlsx checked and committed on PostgreSQL, against a floor
 * measured in the same run: the same file read into memory with the same reader, plus a plain COPY of the rows
 * into a bare table. Prints wall times and the peak heap in use (sampled every 20 ms) of each. Not part of the
 * build (surefire skips *Benchmark); run by {@code scripts/bench/enroll-100k.sh}.
 */
@PostgresTest
@WithMockUser(username = "bench-staff", roles = "UNION_STAFF")
class MassEnrollmentBenchmark {

    static final int ROWS = Integer.getInteger("bench.rows", 100_000);

    @Autowired
    MassEnrollmentService enrollment;

    @Autowired
    SpreadsheetReader reader;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void hundredThousandRows() throws Exception {
        Path dir = Path.of(System.getProperty("bench.out", "target/bench"));
        Files.createDirectories(dir);
        byte[] file = roster(ROWS);
        Files.write(dir.resolve("enroll-roster-" + ROWS + ".xlsx"), file);
        long union = StaffAccounts.organization(jdbc, "500103");

        // Warm-up on a small roster, so class loading and JIT are not billed to either side.
        floor(roster(2000));
        run(roster(2000), union, "warm.xlsx", 0);

        Measured floor = measure(() -> floor(file));
        long before = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM member")
                .query(Long.class)
                .single();
        Measured ours = measure(() -> run(file, union, "bench.xlsx", ROWS));
        Measured writes = copyWritten(before);
        System.out.printf(
                Locale.ROOT,
                "%n§12 rows=%d file=%d bytes%n floor (read into memory + COPY): %d ms, peak heap %d MB%n"
                        + " enrollment (check + commit):       %d ms, peak heap %d MB%n ratio time %.2f, heap %.2f%n"
                        + " rows written, COPYed into copies of member, membership_period, membership_card: %d ms%n"
                        + " ratio time to (floor + that COPY) %.2f%n",
                ROWS,
                file.length,
                floor.millis,
                floor.peakMb,
                ours.millis,
                ours.peakMb,
                (double) ours.millis / floor.millis,
                (double) ours.peakMb / Math.max(1, floor.peakMb),
                writes.millis,
                (double) ours.millis / (floor.millis + writes.millis));
    }

    /**
     * A second reference: the member, period and card rows the enrollment wrote (ids above {@code afterId}), copied
     * out beforehand and then COPYed, timed, into tables made {@code LIKE} the real ones {@code INCLUDING ALL} (the
     * same indexes, checks and identity; no foreign keys). What writing those rows costs at the least.
     */
    Measured copyWritten(long afterId) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            String[][] tables = {
                {"member", "SELECT * FROM member WHERE id > " + afterId},
                {"membership_period", "SELECT * FROM membership_period WHERE member_id > " + afterId},
                {"membership_card", "SELECT * FROM membership_card WHERE member_id > " + afterId}
            };
            java.util.List<byte[]> data = new java.util.ArrayList<>();
            try (var s = c.createStatement()) {
                for (String[] t : tables) {
                    s.execute("DROP TABLE IF EXISTS bench_" + t[0]);
                    s.execute("CREATE TABLE bench_" + t[0] + " (LIKE " + t[0] + " INCLUDING ALL)");
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    copy.copyOut("COPY (" + t[1] + ") TO STDOUT", out);
                    data.add(out.toByteArray());
                }
            }
            long start = System.nanoTime();
            for (int i = 0; i < tables.length; i++) {
                copy.copyIn("COPY bench_" + tables[i][0] + " FROM STDIN", new ByteArrayInputStream(data.get(i)));
            }
            return new Measured((System.nanoTime() - start) / 1_000_000, 0);
        }
    }

    /** Reads the file with the application's reader into memory and COPYs the rows into a bare table. */
    void floor(byte[] file) {
        ParsedSheet sheet =
                reader.read("floor.xlsx", new ByteArrayInputStream(file), RosterChecker.SCHEMA, Locale.ROOT);
        StringBuilder csv = new StringBuilder(sheet.rows().size() * 80);
        for (SheetRow row : sheet.rows()) {
            for (String key : List.of("name", "idNumber", "mobile", "occupation", "joinedOn")) {
                csv.append(row.value(key).orElse("").replace(",", " ")).append(key.equals("joinedOn") ? "\n" : ",");
            }
        }
        try (Connection c = dataSource.getConnection()) {
            try (var s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_floor");
                s.execute("CREATE TABLE bench_floor (name TEXT, id_number TEXT, mobile TEXT, occupation TEXT,"
                        + " joined_on TEXT)");
            }
            c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY bench_floor FROM STDIN WITH (FORMAT csv)", new StringReader(csv.toString()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void run(byte[] file, long union, String name, int expected) {
        EnrollmentStatus job =
                enrollment.start(name, file, union, LocalDate.of(2024, 11, 1), "bench-staff", Locale.ROOT);
        EnrollmentStatus checked = await().atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> enrollment.status(job.id(), "bench-staff").orElseThrow(), s -> !s.working());
        if (checked.state() != State.READY) {
            throw new IllegalStateException("not ready: " + checked);
        }
        enrollment.commit(job.id(), "bench-staff", Mode.ALL);
        EnrollmentStatus done = await().atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> enrollment.status(job.id(), "bench-staff").orElseThrow(), s -> !s.working());
        if (done.state() != State.COMMITTED || (expected > 0 && done.toCreate() != expected)) {
            throw new IllegalStateException("not committed: " + done);
        }
    }

    record Measured(long millis, long peakMb) {}

    static Measured measure(Runnable work) throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc(); // a full, stop-the-world collection on G1 (no ExplicitGCInvokesConcurrent): done when it returns
        long base = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(base);
        // The heap in use, sampled every 20 ms while the work runs (a sampling rate, not a wait for anything).
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(
                () -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                0,
                20,
                TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        long millis;
        try {
            work.run();
            millis = (System.nanoTime() - start) / 1_000_000;
        } finally {
            sampler.shutdown();
            sampler.awaitTermination(1, TimeUnit.SECONDS);
        }
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        return new Measured(millis, (peak.get() - base) / (1024 * 1024));
    }

    private static final String STEMS = "甲乙丙丁戊己庚辛壬癸";

    /** A name for person {@code i}: 会员 and its digits written as the ten stems (names hold no digits). */
    static String name(int i) {
        StringBuilder name = new StringBuilder("会员");
        for (char d : Integer.toString(i).toCharArray()) {
            name.append(STEMS.charAt(d - '0'));
        }
        return name.toString();
    }

    /** A roster of distinct valid people, text cells, the header of the template. */
    static byte[] roster(int rows) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            SXSSFSheet sheet = workbook.createSheet("名册");
            Row header = sheet.createRow(0);
            for (int c = 0; c < Rosters.HEADER.length; c++) {
                header.createCell(c).setCellValue(Rosters.HEADER[c]);
            }
            String[] occupations = {"外卖骑手", "快递员", "网约车司机", "货车司机", "家政服务员"};
            for (int i = 1; i <= rows; i++) {
                Row r = sheet.createRow(i);
                r.createCell(0).setCellValue(String.valueOf(i));
                r.createCell(1).setCellValue(name(i));
                r.createCell(2).setCellValue(Rosters.idNumber());
                r.createCell(3).setCellValue(Rosters.mobile(10_000_000 + i));
                r.createCell(4).setCellValue(occupations[i % occupations.length]);
                r.createCell(7).setCellValue("2024-07-25");
            }
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        }
    }
}
