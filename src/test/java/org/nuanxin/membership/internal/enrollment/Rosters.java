package org.nuanxin.membership.internal.enrollment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Test fixtures: valid identity numbers nobody else uses, mobiles, and rosters built in code. */
final class Rosters {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();
    /** Each test context starts elsewhere, so numbers differ between runs that share a database. */
    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 10_000) * 1000);

    static final String[] HEADER = {"序号", "姓名", "身份证号码", "手机号码", "职业", "入会方式", "平台企业", "入会日期"};

    private Rosters() {}

    /** @return a valid 18-digit number of 渝中区 (500103) that no other call returns */
    static String idNumber() {
        int n = NEXT.incrementAndGet();
        // Born in the 1970s: People (membership tests) uses the 1990s, MemberListTest the 1950s, so no two classes
        // sharing a context ever make the same person.
        return idNumber(LocalDate.of(1970, 1, 1).plusDays(n / 1000 % 3650), n);
    }

    /** @return a valid identity number of someone born on {@code birth} (a child, say), different for each call */
    static String idNumberBornOn(LocalDate birth) {
        return idNumber(birth, NEXT.incrementAndGet());
    }

    private static String idNumber(LocalDate birth, int n) {
        String seventeen = "500103" + birth.toString().replace("-", "") + "%03d".formatted(n % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (seventeen.charAt(i) - '0') * WEIGHTS[i];
        }
        return seventeen + CHECK[sum % 11];
    }

    /** @return a valid mainland mobile number, different for each {@code n} below 10^8 */
    static String mobile(int n) {
        return "139" + "%08d".formatted(n);
    }

    static byte[] xlsx(Consumer<XSSFSheet> fill) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill.accept(workbook.createSheet("名册"));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes text cells (null: no cell) into row {@code r} (0-based). */
    static Row row(XSSFSheet sheet, int r, String... values) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < values.length; c++) {
            if (values[c] != null) {
                row.createCell(c).setCellValue(values[c]);
            }
        }
        return row;
    }
}
