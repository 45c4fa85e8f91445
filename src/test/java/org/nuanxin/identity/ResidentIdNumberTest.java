package org.nuanxin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;

/** GB 11643-1999 numbers, permits and foreigners' cards, one test per rule with the right value. */
class ResidentIdNumberTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    static ResidentIdNumber parse(String input) {
        return ResidentIdNumber.parse(input, TODAY);
    }

    /** Asserts the refusal's field and code, and that nothing of the number is in it. */
    static void refused(String input, String rule) {
        assertThatThrownBy(() -> parse(input))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> {
                    List<FieldProblem> errors = ((InvalidInputException) e).errors();
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).field()).isEqualTo("residentIdNumber");
                    assertThat(errors.get(0).code()).isEqualTo("identity.residentId." + rule);
                    assertThat(errors.get(0).args()).isEmpty();
                    if (input != null && input.strip().length() > 3) {
                        assertThat(e.getMessage()).doesNotContain(input.strip());
                    }
                });
    }

    @ParameterizedTest(name = "{0} {1} ({3})")
    @CsvFileSource(resources = "/vectors/resident-id.csv", numLinesToSkip = 1)
    void sharedVectors(String input, String expected, String normalized, String note) {
        if (expected.equals("valid")) {
            assertThat(parse(input).value()).isEqualTo(normalized);
        } else {
            assertThatThrownBy(() -> parse(input)).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void aCitizenNumberIsReadWithItsBirthDateAndCounty() {
        ResidentIdNumber id = parse("500103199001011232");
        assertThat(id.kind()).isEqualTo(ResidentIdNumber.Kind.CITIZEN);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(id.addressCode()).isEqualTo("500103");
        assertThat(id.homeCountyCode()).contains("500103");
        assertThat(id.masked()).isEqualTo("5001**********1232");
        assertThat(id.toString()).doesNotContain("500103199001011232");
    }

    @Test
    void fullWidthDigitsSpacesHyphensAndLowerCaseXAreNormalised() {
        assertThat(parse("  ５００１０３１９９００１０１１２３２ ").value()).isEqualTo("500103199001011232");
        assertThat(parse("500103 19900101 1232").value()).isEqualTo("500103199001011232");
        assertThat(parse("500103-19900101-1232").value()).isEqualTo("500103199001011232");
        assertThat(parse("11010519491231002x").value()).isEqualTo("11010519491231002X");
        assertThat(parse("11010519491231002ｘ").value()).isEqualTo("11010519491231002X");
    }

    @Test
    void theOld15DigitFormBecomes18Characters() {
        ResidentIdNumber id = parse("150102880730303");
        assertThat(id.value()).isEqualTo("150102198807303035");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1988, 7, 30));
    }

    @Test
    void retiredCountyCodesAreAccepted() {
        // 500221 长寿县 (1997–2000, now 长寿区 500115) and 110103 崇文区 (1980–2009, merged into 东城区).
        assertThat(parse("500221198001011236").addressCode()).isEqualTo("500221");
        assertThat(parse("110103197506100028").homeCountyCode()).contains("110103");
        assertThat(AddressCodes.exists("500115")).isTrue();
        assertThat(AddressCodes.size()).isEqualTo(6896);
    }

    @Test
    void hongKongMacaoAndTaiwanResidencePermits() {
        for (String number : List.of("810000199001011230", "820000198512310029", "83000020000229004X")) {
            ResidentIdNumber id = parse(number);
            assertThat(id.kind()).isEqualTo(ResidentIdNumber.Kind.HK_MACAO_TAIWAN_RESIDENCE_PERMIT);
            assertThat(id.homeCountyCode()).isEmpty();
        }
        assertThat(parse("83000020000229004X").birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
        refused("810000199001011231", "checkCharacter");
    }

    @Test
    void foreignPermanentResidenceCardOf2023() {
        ResidentIdNumber id = parse("911840198503150016");
        assertThat(id.kind()).isEqualTo(ResidentIdNumber.Kind.FOREIGN_PERMANENT_RESIDENT);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1985, 3, 15));
        assertThat(id.addressCode()).isEqualTo("110000");
        assertThat(id.homeCountyCode()).isEmpty();
        refused("911840198503150017", "checkCharacter");
        // Province 99 does not exist.
        refused("999840198503150018", "addressCode");
    }

    @Test
    void foreignPermanentResidenceCardOf2017() {
        ResidentIdNumber id = parse("usa310185031515");
        assertThat(id.value()).isEqualTo("USA310185031515");
        assertThat(id.kind()).isEqualTo(ResidentIdNumber.Kind.FOREIGN_PERMANENT_RESIDENT);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1985, 3, 15));
        assertThat(id.masked()).isEqualTo("USA3*******1515");
        // YYMMDD: the latest century that is not in the future.
        assertThat(parse("DEU310110060315").birthDate()).isEqualTo(LocalDate.of(2010, 6, 3));
        assertThat(parse("DEU310130060315").birthDate()).isEqualTo(LocalDate.of(1930, 6, 3));
        refused("USA310185133115", "birthDate");
        refused("XXX310185031515", "nationality");
        refused("US1310185031515", "characters");
        refused("USA3101850315A5", "characters");
    }

    @Test
    void blank() {
        refused("", "blank");
        refused("   ", "blank");
        refused(null, "blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"50010319900101123", "5001031990010112321", "5", "5001031990010"})
    void length(String input) {
        refused(input, "length");
    }

    @ParameterizedTest
    @ValueSource(strings = {"50010319900101123A", "5001031990010112X2", "X00103199001011232"})
    void characters(String input) {
        refused(input, "characters");
    }

    @Test
    void checkCharacter() {
        refused("500103199001011233", "checkCharacter");
        refused("11010519491231002Y", "characters");
        refused("110105194912310021", "checkCharacter");
        assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    }

    @Test
    void birthDate() {
        // 1990-02-30 does not exist; the check character is right.
        refused("500103199002301231", "birthDate");
        refused("201511221897205960", "birthDate");
    }

    @Test
    void birthDateFuture() {
        refused("500103202612011236", "birthDateFuture");
        // Born today is allowed.
        assertThat(ResidentIdNumber.parse("500103202612011236", LocalDate.of(2026, 12, 1))
                        .birthDate())
                .isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void birthDateTooOld() {
        refused("500103185912311239", "birthDateTooOld");
        assertThat(parse("440524188001010014").birthDate()).isEqualTo(LocalDate.of(1880, 1, 1));
    }

    @Test
    void addressCode() {
        // 110199 was never a division code; the check character is right.
        refused("110199199001011232", "addressCode");
        // 710000 (Taiwan province) never issues identity numbers: Taiwan residents' permits use 830000.
        refused("710000199001011237", "addressCode");
    }

    @Test
    void everyRuleHasAMessageInBothLanguages() throws IOException {
        List<String> rules = List.of(
                "blank",
                "length",
                "characters",
                "checkCharacter",
                "birthDate",
                "birthDateFuture",
                "birthDateTooOld",
                "addressCode",
                "nationality");
        for (String bundle : List.of("messages/identity.properties", "messages/identity_en.properties")) {
            Properties messages = new Properties();
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(bundle)) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String rule : rules) {
                assertThat(messages.getProperty("identity.residentId." + rule))
                        .as(bundle + " " + rule)
                        .isNotBlank()
                        .doesNotContain("{0}");
            }
        }
    }
}
