package org.nuanxin.geo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nuanxin.geo.Division;

/**
 * All 38 districts against the romanisation written out by hand (the names as on the districts' own English pages and
 * road signs): generic dropped, 忠县 keeps it, 南岸 takes an apostrophe, polyphones read as in the place name.
 */
class PlaceNamePinyinTest {

    static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("万州区", "Wanzhou");
        EXPECTED.put("涪陵区", "Fuling");
        EXPECTED.put("渝中区", "Yuzhong");
        EXPECTED.put("大渡口区", "Dadukou");
        EXPECTED.put("江北区", "Jiangbei");
        EXPECTED.put("沙坪坝区", "Shapingba");
        EXPECTED.put("九龙坡区", "Jiulongpo");
        EXPECTED.put("南岸区", "Nan'an");
        EXPECTED.put("北碚区", "Beibei");
        EXPECTED.put("綦江区", "Qijiang");
        EXPECTED.put("大足区", "Dazu");
        EXPECTED.put("渝北区", "Yubei");
        EXPECTED.put("巴南区", "Banan");
        EXPECTED.put("黔江区", "Qianjiang");
        EXPECTED.put("长寿区", "Changshou");
        EXPECTED.put("江津区", "Jiangjin");
        EXPECTED.put("合川区", "Hechuan");
        EXPECTED.put("永川区", "Yongchuan");
        EXPECTED.put("南川区", "Nanchuan");
        EXPECTED.put("璧山区", "Bishan");
        EXPECTED.put("铜梁区", "Tongliang");
        EXPECTED.put("潼南区", "Tongnan");
        EXPECTED.put("荣昌区", "Rongchang");
        EXPECTED.put("开州区", "Kaizhou");
        EXPECTED.put("梁平区", "Liangping");
        EXPECTED.put("武隆区", "Wulong");
        EXPECTED.put("城口县", "Chengkou");
        EXPECTED.put("丰都县", "Fengdu");
        EXPECTED.put("垫江县", "Dianjiang");
        EXPECTED.put("忠县", "Zhongxian");
        EXPECTED.put("云阳县", "Yunyang");
        EXPECTED.put("奉节县", "Fengjie");
        EXPECTED.put("巫山县", "Wushan");
        EXPECTED.put("巫溪县", "Wuxi");
        EXPECTED.put("石柱土家族自治县", "Shizhu");
        EXPECTED.put("秀山土家族苗族自治县", "Xiushan");
        EXPECTED.put("酉阳土家族苗族自治县", "Youyang");
        EXPECTED.put("彭水苗族土家族自治县", "Pengshui");
    }

    @Test
    void everyDistrictHasItsHandCheckedRomanName() {
        ChongqingDivisions divisions = new ChongqingDivisions();
        assertThat(divisions.districts()).hasSize(38);
        Map<String, String> actual = new LinkedHashMap<>();
        for (Division d : divisions.districts()) {
            actual.put(d.name(), divisions.romanName(d.code()));
        }
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(EXPECTED);
    }

    @Test
    void polyphonesAreReadAsInThePlaceName() {
        var icu = PlaceNamePinyin.transliterator();
        // ICU alone reads 长 as zhang and 都 as dou: the phrase table is what makes these right.
        assertThat(icu.transliterate("长寿").replace(" ", "")).isEqualTo("zhangshou");
        assertThat(icu.transliterate("丰都").replace(" ", "")).isEqualTo("fengdou");
        assertThat(PlaceNamePinyin.of("长寿区", icu)).isEqualTo("Changshou");
        assertThat(PlaceNamePinyin.of("丰都县", icu)).isEqualTo("Fengdu");
        assertThat(PlaceNamePinyin.of("重庆市", icu)).isEqualTo("Chongqingshi");
    }
}
