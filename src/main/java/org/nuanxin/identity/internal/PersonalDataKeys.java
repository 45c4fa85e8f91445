package org.nuanxin.identity.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys of {@link AesGcmPersonalData}, read from {@link PersonalDataProperties}.
 *
 * <ul>
 *   <li>Both keys configured: they are used (each must be 32 bytes in Base64).
 *   <li>Both blank and the database is the embedded H2 ({@code jdbc:h2:file:…} or {@code jdbc:h2:mem:…}, not an H2
 *       server): development keys are generated once into {@code developmentKeyFile} (owner read/write only) and
 *       read from there on later starts, with a loud warning on every start.
 *   <li>Anything else (one key only, or no keys on PostgreSQL or an H2 server): the start is refused with an
 *       {@link IllegalStateException} saying what to set.
 * </ul>
 *
 * @param version  the version of {@code dataKey}, 1–255, written as the first byte of every new ciphertext
 * @param dataKey  the AES-256 key new values are sealed with
 * @param dataKeys every data key that opens ciphertexts, by version (the current one included)
 * @param lookupKey the HMAC-SHA-256 key of the lookup keys
 */
record PersonalDataKeys(int version, SecretKey dataKey, Map<Integer, SecretKey> dataKeys, SecretKey lookupKey) {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataKeys.class);
    static final int KEY_BYTES = 32;
    private static final String HOW = "Generate each with `openssl rand -base64 32` and keep them outside the database"
            + " and the repository; see README \"Personal data\".";

    PersonalDataKeys {
        dataKeys = Map.copyOf(dataKeys);
    }

    /**
     * @param properties     the configured keys
     * @param datasourceUrl  {@code spring.datasource.url}, to tell the embedded development database from others
     * @throws IllegalStateException when the keys are missing, malformed or of the wrong length
     */
    static PersonalDataKeys resolve(PersonalDataProperties properties, String datasourceUrl) {
        boolean hasData = !properties.dataKey().isEmpty();
        boolean hasLookup = !properties.lookupKey().isEmpty();
        if (hasData && hasLookup) {
            return of(properties, properties.dataKey(), properties.lookupKey());
        }
        if (hasData || hasLookup) {
            throw new IllegalStateException("Personal data: only one of NUANXIN_PERSONAL_DATA_DATA_KEY"
                    + " (nuanxin.personal-data.data-key) and NUANXIN_PERSONAL_DATA_LOOKUP_KEY"
                    + " (nuanxin.personal-data.lookup-key) is set; set both. " + HOW);
        }
        if (!isEmbeddedH2(datasourceUrl)) {
            throw new IllegalStateException("Personal data: NUANXIN_PERSONAL_DATA_DATA_KEY"
                    + " (nuanxin.personal-data.data-key) and NUANXIN_PERSONAL_DATA_LOOKUP_KEY"
                    + " (nuanxin.personal-data.lookup-key) are not set. They are required on any database other than"
                    + " the embedded H2 development database, because identity and phone numbers are stored encrypted"
                    + " with them. " + HOW);
        }
        Path file = Path.of(properties.developmentKeyFile());
        Properties stored = developmentKeys(file);
        log.warn("""

                ==================================================================
                  Nuanxin: personal data is encrypted with DEVELOPMENT keys from
                  {}
                  They were generated on this machine for the embedded H2 database
                  and are not protected: never use them for real people's data.
                  Set NUANXIN_PERSONAL_DATA_DATA_KEY and NUANXIN_PERSONAL_DATA_LOOKUP_KEY.
                ==================================================================""", file.toAbsolutePath());
        return of(properties, stored.getProperty("data-key", ""), stored.getProperty("lookup-key", ""));
    }

    /** An embedded H2 database (file or memory, not an H2 server reached over TCP or SSL). */
    static boolean isEmbeddedH2(String datasourceUrl) {
        String url = datasourceUrl.strip().toLowerCase(Locale.ROOT);
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
    }

    private static PersonalDataKeys of(PersonalDataProperties properties, String data, String lookup) {
        int version = properties.dataKeyVersion();
        if (version < 1 || version > 255) {
            throw new IllegalStateException(
                    "Personal data: nuanxin.personal-data.data-key-version must be 1 to 255, not " + version);
        }
        SecretKey current = aes(data, "nuanxin.personal-data.data-key");
        Map<Integer, SecretKey> keys = new HashMap<>();
        keys.put(version, current);
        for (String retired : properties.retiredDataKeys()) {
            int colon = retired.indexOf(':');
            int retiredVersion;
            try {
                retiredVersion = colon < 1 ? -1 : Integer.parseInt(retired.substring(0, colon));
            } catch (NumberFormatException e) {
                retiredVersion = -1;
            }
            if (retiredVersion < 1 || retiredVersion > 255) {
                throw new IllegalStateException("Personal data: each of nuanxin.personal-data.retired-data-keys is"
                        + " version:Base64 with a version from 1 to 255");
            }
            if (keys.putIfAbsent(retiredVersion, aes(retired.substring(colon + 1), "a retired data key")) != null) {
                throw new IllegalStateException(
                        "Personal data: data key version " + retiredVersion + " is configured twice");
            }
        }
        return new PersonalDataKeys(
                version,
                current,
                keys,
                new SecretKeySpec(bytes(lookup, "nuanxin.personal-data.lookup-key"), "HmacSHA256"));
    }

    private static SecretKey aes(String base64, String name) {
        return new SecretKeySpec(bytes(base64, name), "AES");
    }

    private static byte[] bytes(String base64, String name) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Personal data: " + name + " is not Base64. " + HOW);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(
                    "Personal data: " + name + " must be " + KEY_BYTES + " bytes, not " + key.length + ". " + HOW);
        }
        return key;
    }

    /** Reads the development key file, creating it (owner read/write only) on the first start. */
    private static Properties developmentKeys(Path file) {
        try {
            if (Files.notExists(file)) {
                create(file);
            }
            Properties stored = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                stored.load(in);
            }
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException("Personal data: cannot read or create the development key file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        SecureRandom random = new SecureRandom();
        Base64.Encoder base64 = Base64.getEncoder();
        byte[] data = new byte[KEY_BYTES];
        byte[] lookup = new byte[KEY_BYTES];
        random.nextBytes(data);
        random.nextBytes(lookup);
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException anotherNodeWasFaster) {
            return;
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            out.write("# Nuanxin DEVELOPMENT keys for personal data on the embedded H2 database. Not for real data.\n");
            out.write("data-key=" + base64.encodeToString(data) + "\n");
            out.write("lookup-key=" + base64.encodeToString(lookup) + "\n");
        }
    }
}
