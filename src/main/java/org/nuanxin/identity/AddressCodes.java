package org.nuanxin.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The administrative division codes (GB/T 2260) an identity number may start with: every code listed from 1980 to
 * 2023, current and retired, read once from {@code identity/address-codes.csv} (provenance and licences in
 * {@code identity/address-codes.NOTICE.md}; rebuilt with {@code scripts/identity/build-address-codes.py}).
 */
final class AddressCodes {

    static final String RESOURCE = "identity/address-codes.csv";

    private AddressCodes() {}

    /** @return whether the six-digit code was ever a GB/T 2260 code (1980–2023) */
    static boolean exists(String code) {
        return Holder.CODES.contains(code);
    }

    /** @return how many codes the reference holds */
    static int size() {
        return Holder.CODES.size();
    }

    private static final class Holder {
        static final Set<String> CODES = load();

        private static Set<String> load() {
            InputStream in = AddressCodes.class.getClassLoader().getResourceAsStream(RESOURCE);
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Set<String> codes = new HashSet<>(8192);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                reader.readLine(); // header: code,name,first,last
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.length() >= 6) {
                        codes.add(line.substring(0, 6));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Set.copyOf(codes);
        }
    }
}
