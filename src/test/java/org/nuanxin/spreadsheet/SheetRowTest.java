package org.nuanxin.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SheetRowTest {

    @Test
    void comparableDropsTheInvisibleCharactersPastedTextCarriesAndKeepsEverythingElse() {
        assertThat(SheetRow.comparable("13800138000")).isEqualTo("13800138000");
        assertThat(SheetRow.comparable("Zhang San-Feng")).isEqualTo("Zhang San-Feng");
        assertThat(SheetRow.comparable("张\u200B三")).isEqualTo("张三");
        assertThat(SheetRow.comparable("\uFEFF500103\u00AD19900101\u200D1234")).isEqualTo("500103199001011234");
        assertThat(SheetRow.comparable("\u202A外卖骑手\u202C")).isEqualTo("外卖骑手");
        assertThat(SheetRow.comparable("Müller")).isEqualTo("Müller");
    }
}
