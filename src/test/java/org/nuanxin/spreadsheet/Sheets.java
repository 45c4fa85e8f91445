package org.nuanxin.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Test fixtures: the station schema, the sample files, and xlsx files built in code. */
final class Sheets {

    static final SheetSchema STATIONS = SheetSchema.builder()
            .optional("seq", "序号")
            .required("name", "驿站名称", "站点名称")
            .required("district", "所属区县", "区县")
            .required("address", "详细地址", "地址")
            .required("lon", "经度", "longitude")
            .required("lat", "纬度", "latitude")
            .optional("crs", "坐标系")
            .optional("host", "依托场所")
            .optional("contact", "联系人")
            .required("phone", "联系电话", "电话", "手机号")
            .optional("hours", "开放时间")
            .optional("amenities", "服务设施")
            .build();

    private Sheets() {}

    static byte[] resource(String name) {
        try (InputStream in = Sheets.class.getResourceAsStream("/spreadsheet/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    static InputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}
