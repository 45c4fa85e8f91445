package org.nuanxin.station.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates station codes {@code <district code>-<sequence>}, e.g. 500103-0007 (at least four digits),
 * for stations whose roster gives none. Numbers are drawn from a per-district counter
 * ({@code station_code_sequence}, V303) in a short transaction of their own, in blocks for imports, so
 * concurrent writers never draw the same number and never wait for one another's commit; a rolled-back
 * writer leaves a gap. Codes already taken (also typed ones in the same form, whatever their length)
 * are skipped, so no existing code can block new ones.
 */
@Component
class StationCodes {

    private final StationRepository repository;
    private final JdbcClient jdbc;
    private final TransactionTemplate separately;

    StationCodes(StationRepository repository, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** @return a free code of the district */
    String next(String districtCode) {
        return allocator(Map.of()).next(districtCode);
    }

    /** @return an allocator for a batch of unknown size: numbers are reserved 100 at a time */
    Allocator allocator() {
        return new Allocator(Map.of(), 100);
    }

    /**
     * @param expected how many codes each district will need (a hint: numbers are reserved in blocks)
     * @return an allocator for one batch
     */
    Allocator allocator(Map<String, Integer> expected) {
        return new Allocator(expected, 1);
    }

    final class Allocator {
        private final Map<String, Integer> expected;
        private final Map<String, Set<String>> taken = new HashMap<>();
        private final Map<String, long[]> blocks = new HashMap<>();
        private final int defaultBlock;

        private Allocator(Map<String, Integer> expected, int defaultBlock) {
            this.expected = expected;
            this.defaultBlock = defaultBlock;
        }

        /** Marks a code given in the batch itself as taken. */
        void taken(String districtCode, String code) {
            // A typed code in another district's form would clash with that district's numbers.
            boolean districtForm = code.length() > 7
                    && code.charAt(6) == '-'
                    && code.substring(0, 6).chars().allMatch(c -> c >= '0' && c <= '9');
            used(districtForm ? code.substring(0, 6) : districtCode).add(code);
        }

        String next(String districtCode) {
            Set<String> used = used(districtCode);
            while (true) {
                long[] block = blocks.get(districtCode);
                if (block == null || block[0] > block[1]) {
                    block = reserve(districtCode, Math.max(1, expected.getOrDefault(districtCode, defaultBlock)));
                    blocks.put(districtCode, block);
                }
                String code = format(districtCode, block[0]++);
                if (used.add(code)) {
                    return code;
                }
            }
        }

        private Set<String> used(String districtCode) {
            return taken.computeIfAbsent(districtCode, d -> new HashSet<>(repository.codesOf(d)));
        }
    }

    /** @return the first and last number of a block of {@code n} numbers no other caller will get */
    private long[] reserve(String districtCode, int n) {
        long last = separately.execute(tx -> {
            int moved = jdbc.sql("UPDATE station_code_sequence SET last_value = last_value + ? WHERE district_code = ?")
                    .params(n, districtCode)
                    .update();
            if (moved == 0) {
                // First use: start above the highest number in use. Two first users may race here; the
                // primary key lets one row in and the other's insert does nothing.
                jdbc.sql("INSERT INTO station_code_sequence (district_code, last_value) VALUES (?, ?)"
                                + " ON CONFLICT DO NOTHING")
                        .params(districtCode, repository.maxSequence(districtCode))
                        .update();
                jdbc.sql("UPDATE station_code_sequence SET last_value = last_value + ? WHERE district_code = ?")
                        .params(n, districtCode)
                        .update();
            }
            return jdbc.sql("SELECT last_value FROM station_code_sequence WHERE district_code = ?")
                    .param(districtCode)
                    .query(Long.class)
                    .single();
        });
        return new long[] {last - n + 1, last};
    }

    private static String format(String districtCode, long n) {
        return "%s-%04d".formatted(districtCode, n);
    }
}
