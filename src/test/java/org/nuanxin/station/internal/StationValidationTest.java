package org.nuanxin.station.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.kernel.ProblemMessages;
import org.nuanxin.station.Station;
import org.nuanxin.station.StationCatalog;
import org.nuanxin.station.StationInput;
import org.nuanxin.station.StationStatus;
import org.nuanxin.station.StationsChanged;
import org.nuanxin.support.NuanxinTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** Each rule of a station's fields, one wrong value at a time: the problem names that field and says why. */
@NuanxinTest
class StationValidationTest {

    @Autowired
    StationCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ProblemMessages messages;

    /** A field and its problem's text, as a form or the API shows it. */
    record Shown(String field, String message) {}

    /** Checks like the console form: problems resolved to text in {@code locale}. */
    List<Shown> check(StationInput in, CoordinateSystem defaultCrs, Locale locale) {
        return catalog.check(in, defaultCrs).stream()
                .map(p -> new Shown(p.field(), messages.text(p, locale)))
                .toList();
    }

    /** 解放碑商圈工会驿站 from the sample roster, valid as it stands. */
    static StationInput valid() {
        return new StationInput(
                null,
                "解放碑商圈工会驿站",
                "商圈商场",
                "渝中区",
                "渝中区民族路解放碑商圈",
                "106.5770",
                "29.5573",
                "GCJ-02",
                "李某",
                "13800000102",
                "09:00-21:00",
                "饮水,充电,休息",
                null);
    }

    @ParameterizedTest(name = "{0}={1} → {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            code         | 站点#1                   | 编码只能由字母、数字和短横线组成
            name         | NULL                    | 必填
            address      | '   '                   | 必填
            district     | 江北新区                  | 不是重庆市的区县
            hostType     | 加油站                    | 依托场所“加油站”无法识别
            contactPhone | 1380013800              | 不是有效的电话号码
            contactPhone | 12345678901             | 不是有效的中国大陆手机号
            contactPhone | 14912345678             | 不是有效的中国大陆手机号：这个号段没有分配给运营商
            contactPhone | +1 650 253 0000         | 不是中国大陆的电话号码
            openingHours | 周一至周五 08:00-22:00     | 开放时间
            amenities    | 饮水,游泳池                | 游泳池
            amenities    | NULL                    | 请至少填写一项服务设施
            status       | 营业                     | 状态“营业”无法识别
            crs          | UTM                     | 坐标系“UTM”无法识别
            longitude    | 东经106度                 | 不是数字
            longitude    | 200                     | 超出范围
            latitude     | NaN                     | 超出范围
            latitude     | 106.5770                | 经度和纬度似乎填反了
            longitude    | 116.4074                | 不在重庆市范围内
            longitude    | 106.5330                | 与所填区县“渝中区”不符
            """)
    void eachRuleNamesItsField(String field, String value, String message) {
        StationInput in = with(valid(), field, value);
        if (field.equals("latitude") && "106.5770".equals(value)) {
            in = with(in, "longitude", "29.5573"); // typed into each other's column
        }
        if (field.equals("longitude") && "106.5330".equals(value)) {
            in = with(in, "latitude", "29.5800"); // 观音桥, in 江北区
        }
        assertThat(check(valid(), null, Locale.SIMPLIFIED_CHINESE)).isEmpty();
        assertThat(check(in, null, Locale.SIMPLIFIED_CHINESE))
                .extracting(Shown::field, Shown::message)
                .anySatisfy(t -> {
                    assertThat(t.toList().get(0)).isEqualTo(field);
                    assertThat((String) t.toList().get(1)).contains(message);
                });
    }

    @ParameterizedTest
    @CsvSource({"name,101", "address,201", "contactName,51"})
    void lengthsAreLimited(String field, int length) {
        StationInput in = with(valid(), field, "站".repeat(length));
        assertThat(check(in, null, Locale.SIMPLIFIED_CHINESE))
                .contains(new Shown(field, "不能超过 " + (length - 1) + " 个字"));
        assertThat(check(with(valid(), field, "站".repeat(length - 1)), null, Locale.SIMPLIFIED_CHINESE))
                .isEmpty();
    }

    @Test
    void aMissingCoordinateSystemNeedsAFileLevelChoice() {
        StationInput in = with(valid(), "crs", null);
        assertThat(check(in, null, Locale.SIMPLIFIED_CHINESE))
                .singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("crs"));
        assertThat(check(in, CoordinateSystem.GCJ02, Locale.SIMPLIFIED_CHINESE)).isEmpty();
    }

    @Test
    @WithMockUser(username = "staff", roles = "UNION_STAFF")
    void aMissingStatusIsNoProblemAndDefaultsToOpen() {
        StationInput in = with(with(valid(), "status", null), "name", "状态默认测试驿站");
        assertThat(check(in, null, Locale.SIMPLIFIED_CHINESE)).isEmpty();
        Station created = catalog.create(in);
        try {
            assertThat(created.status()).isEqualTo(StationStatus.OPEN);
            assertThat(catalog.findByCode(created.code()).orElseThrow().status())
                    .isEqualTo(StationStatus.OPEN);
        } finally {
            jdbc.sql("DELETE FROM station WHERE code = ?").param(created.code()).update();
            events.publishEvent(new StationsChanged(Set.of(created.id()), false));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "contactPhone,'023-6312-3456'",
        "openingHours,'全天24小时'",
        "amenities,'热水、充电宝、厕所'",
        "hostType,'银行'",
        "district,'500103'",
        "district,'渝中'",
        "crs,'高德'"
    })
    void acceptsWhatStaffReallyWrite(String field, String value) {
        assertThat(check(with(valid(), field, value), null, Locale.SIMPLIFIED_CHINESE))
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "contactPhone,1380013800,'is not a valid phone number'",
        "contactPhone,14912345678,'is not a valid mainland China mobile number'",
        "district,江北新区,'is not a district'"
    })
    void speaksEnglishToo(String field, String value, String message) {
        assertThat(check(with(valid(), field, value), null, Locale.ENGLISH))
                .anySatisfy(p -> assertThat(p.message()).contains(message));
    }

    static StationInput with(StationInput s, String field, String v) {
        return new StationInput(
                field.equals("code") ? v : s.code(),
                field.equals("name") ? v : s.name(),
                field.equals("hostType") ? v : s.hostType(),
                field.equals("district") ? v : s.district(),
                field.equals("address") ? v : s.address(),
                field.equals("longitude") ? v : s.longitude(),
                field.equals("latitude") ? v : s.latitude(),
                field.equals("crs") ? v : s.crs(),
                field.equals("contactName") ? v : s.contactName(),
                field.equals("contactPhone") ? v : s.contactPhone(),
                field.equals("openingHours") ? v : s.openingHours(),
                field.equals("amenities") ? v : s.amenities(),
                field.equals("status") ? v : s.status());
    }
}
