package org.nuanxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nuanxin.identity.PersonalDataKind;
import org.nuanxin.identity.SealedValue;

/** Sealing, opening and lookup keys with fixed test keys, and the rotation of the data key. */
class AesGcmPersonalDataTest {

    static final String DATA_KEY_1 = key(1);
    static final String DATA_KEY_2 = key(2);
    static final String LOOKUP_KEY = key(3);
    static final String ID = "500103199001011236";

    static String key(int seed) {
        byte[] bytes = new byte[32];
        new SecureRandom(new byte[] {(byte) seed}).nextBytes(bytes);
        bytes[0] = (byte) seed; // distinct even if the seeded generator ignores the seed
        return Base64.getEncoder().encodeToString(bytes);
    }

    static AesGcmPersonalData personalData(String dataKey, int version, List<String> retired, String lookupKey) {
        return new AesGcmPersonalData(PersonalDataKeys.resolve(
                new PersonalDataProperties(dataKey, version, retired, lookupKey, null), "jdbc:postgresql://db/x"));
    }

    final AesGcmPersonalData data = personalData(DATA_KEY_1, 1, List.of(), LOOKUP_KEY);

    @Test
    void aSealedValueOpensToTheSameValue() {
        for (String value : List.of(ID, "+8613800138000", "张三丰", "𠀀𪚥 names outside the BMP", "x")) {
            SealedValue sealed = data.seal(PersonalDataKind.RESIDENT_ID_NUMBER, value);
            if (value.length() > 4) {
                assertThat(sealed.ciphertext()).doesNotContain(value);
            }
            assertThat(data.open(sealed.ciphertext())).isEqualTo(value);
        }
    }

    @Test
    void theCiphertextIsVersionNonceCiphertextAndTagInBase64() {
        SealedValue sealed = data.seal(PersonalDataKind.RESIDENT_ID_NUMBER, ID);
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        assertThat(bytes[0]).isEqualTo((byte) 1);
        assertThat(bytes).hasSize(1 + 12 + ID.length() + 16);
        // SealedValue's contract: at most 200 characters for values up to 64 characters.
        String sixtyFour = "9".repeat(64);
        assertThat(data.seal(PersonalDataKind.MOBILE, sixtyFour).ciphertext()).hasSize(124);
    }

    @Test
    void equalValuesGetDifferentCiphertextsButEqualLookupKeys() {
        SealedValue a = data.seal(PersonalDataKind.RESIDENT_ID_NUMBER, ID);
        SealedValue b = data.seal(PersonalDataKind.RESIDENT_ID_NUMBER, ID);
        assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
        byte[] nonceA = java.util.Arrays.copyOfRange(Base64.getDecoder().decode(a.ciphertext()), 1, 13);
        byte[] nonceB = java.util.Arrays.copyOfRange(Base64.getDecoder().decode(b.ciphertext()), 1, 13);
        assertThat(nonceA).isNotEqualTo(nonceB);
        assertThat(a.lookupKey()).isEqualTo(b.lookupKey()).matches("[0-9a-f]{64}");
        assertThat(data.lookupKey(PersonalDataKind.RESIDENT_ID_NUMBER, ID)).isEqualTo(a.lookupKey());
        assertThat(data.lookupKey(PersonalDataKind.RESIDENT_ID_NUMBER, "500103199001011244"))
                .isNotEqualTo(a.lookupKey());
    }

    @Test
    void theLookupKeyIsHmacSha256OfKindZeroAndValue() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(Base64.getDecoder().decode(LOOKUP_KEY), "HmacSHA256"));
        byte[] expected = mac.doFinal(("MOBILE\0+8613800138000").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(data.lookupKey(PersonalDataKind.MOBILE, "+8613800138000"))
                .isEqualTo(java.util.HexFormat.of().formatHex(expected));
    }

    @Test
    void kindsHaveSeparateLookupDomains() {
        String digits = "13800138000";
        assertThat(data.lookupKey(PersonalDataKind.MOBILE, digits))
                .isNotEqualTo(data.lookupKey(PersonalDataKind.RESIDENT_ID_NUMBER, digits));
    }

    @Test
    void anotherLookupKeyGivesOtherLookupKeysAndTheDataKeyDoesNotMatter() {
        AesGcmPersonalData otherLookup = personalData(DATA_KEY_1, 1, List.of(), DATA_KEY_2);
        AesGcmPersonalData otherData = personalData(DATA_KEY_2, 2, List.of(), LOOKUP_KEY);
        String mine = data.lookupKey(PersonalDataKind.MOBILE, "+8613800138000");
        assertThat(otherLookup.lookupKey(PersonalDataKind.MOBILE, "+8613800138000"))
                .isNotEqualTo(mine);
        assertThat(otherData.lookupKey(PersonalDataKind.MOBILE, "+8613800138000"))
                .isEqualTo(mine);
    }

    @Test
    void anAlteredCiphertextIsRefusedAtEveryByte() {
        String ciphertext = data.seal(PersonalDataKind.RESIDENT_ID_NUMBER, ID).ciphertext();
        byte[] bytes = Base64.getDecoder().decode(ciphertext);
        for (int i = 0; i < bytes.length; i++) {
            byte[] altered = bytes.clone();
            altered[i] ^= 0x01;
            String text = Base64.getEncoder().encodeToString(altered);
            assertThatThrownBy(() -> data.open(text))
                    .as("byte %d", i)
                    .isInstanceOf(IllegalArgumentException.class)
                    .message()
                    .doesNotContain(ID);
        }
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        assertThatThrownBy(() -> data.open(Base64.getEncoder().encodeToString(cut)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> data.open("not base64 !")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> data.open("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anotherDataKeyOfTheSameVersionCannotOpen() {
        String ciphertext = data.seal(PersonalDataKind.RESIDENT_ID_NUMBER, ID).ciphertext();
        AesGcmPersonalData other = personalData(DATA_KEY_2, 1, List.of(), LOOKUP_KEY);
        assertThatThrownBy(() -> other.open(ciphertext))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("altered or sealed with another key");
    }

    @Test
    void afterRotationOldCiphertextsOpenWithTheRetiredKeyAndNewOnesUseTheNewKey() {
        String old = data.seal(PersonalDataKind.RESIDENT_ID_NUMBER, ID).ciphertext();
        AesGcmPersonalData rotated = personalData(DATA_KEY_2, 2, List.of("1:" + DATA_KEY_1), LOOKUP_KEY);

        assertThat(rotated.open(old)).isEqualTo(ID);
        assertThat(rotated.isCurrent(old)).isFalse();
        String fresh = rotated.seal(PersonalDataKind.RESIDENT_ID_NUMBER, ID).ciphertext();
        assertThat(Base64.getDecoder().decode(fresh)[0]).isEqualTo((byte) 2);
        assertThat(rotated.isCurrent(fresh)).isTrue();
        assertThat(rotated.open(fresh)).isEqualTo(ID);
        // The lookup key stays: search and uniqueness work across the rotation.
        assertThat(rotated.lookupKey(PersonalDataKind.RESIDENT_ID_NUMBER, ID))
                .isEqualTo(data.lookupKey(PersonalDataKind.RESIDENT_ID_NUMBER, ID));

        // Once the retired key is removed, old ciphertexts no longer open; the message names the version only.
        AesGcmPersonalData withoutOld = personalData(DATA_KEY_2, 2, List.of(), LOOKUP_KEY);
        assertThatThrownBy(() -> withoutOld.open(old))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("personal data: no data key of version 1 is configured");
    }

    @Test
    void blankValuesAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> data.seal(PersonalDataKind.MOBILE, "  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("personal data: the value is blank");
        assertThatThrownBy(() -> data.lookupKey(PersonalDataKind.MOBILE, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
