package org.nuanxin.identity.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code nuanxin.personal-data}: the keys of {@link AesGcmPersonalData}.
 *
 * <p>Both keys are 32 random bytes in Base64 ({@code openssl rand -base64 32}), kept outside the database and the
 * repository (environment {@code NUANXIN_PERSONAL_DATA_DATA_KEY} and {@code NUANXIN_PERSONAL_DATA_LOOKUP_KEY}).
 *
 * @param dataKey            the AES-256 key new values are encrypted with; blank: see {@link PersonalDataKeys}
 * @param dataKeyVersion     the version written into every new ciphertext, 1–255 (1); raise it when the data key
 *                           changes and move the old key to {@code retiredDataKeys}
 * @param retiredDataKeys    earlier data keys, each {@code version:Base64}, still used to open older ciphertexts
 *                           (none); one environment variable takes them comma-separated
 * @param lookupKey          the HMAC-SHA-256 key of the lookup keys; never rotated without recomputing every stored
 *                           lookup key, because search and uniqueness compare them
 * @param developmentKeyFile where the generated development keys are kept when both keys are blank on the embedded
 *                           H2 database ({@code ./data/personal-data-development.keys})
 */
@ConfigurationProperties("nuanxin.personal-data")
public record PersonalDataProperties(
        @Nullable String dataKey,
        @Nullable Integer dataKeyVersion,
        @Nullable List<String> retiredDataKeys,
        @Nullable String lookupKey,
        @Nullable String developmentKeyFile) {

    public PersonalDataProperties {
        dataKey = dataKey == null ? "" : dataKey.strip();
        dataKeyVersion = dataKeyVersion == null ? 1 : dataKeyVersion;
        retiredDataKeys = retiredDataKeys == null
                ? List.of()
                : retiredDataKeys.stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        lookupKey = lookupKey == null ? "" : lookupKey.strip();
        developmentKeyFile = developmentKeyFile == null || developmentKeyFile.isBlank()
                ? "./data/personal-data-development.keys"
                : developmentKeyFile.strip();
    }
}
