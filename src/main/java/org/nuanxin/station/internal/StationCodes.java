package org.nuanxin.station.internal;

import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Generates station codes {@code <district code>-<4-digit sequence>}, e.g. 500103-0007, for stations
 * whose roster gives none. Callers hold the write transaction; the unique constraint on code is the
 * final guard should two writers race.
 */
@Component
class StationCodes {

    private final StationRepository repository;

    StationCodes(StationRepository repository) {
        this.repository = repository;
    }

    /** @return the next free code of the district */
    String next(String districtCode) {
        return format(districtCode, repository.maxSequence(districtCode) + 1);
    }

    /** @return an allocator for one batch: it reads each district's highest code once, then counts on */
    Allocator allocator() {
        return new Allocator();
    }

    final class Allocator {
        private final Map<String, Integer> last = new HashMap<>();

        String next(String districtCode) {
            int n = last.computeIfAbsent(districtCode, repository::maxSequence) + 1;
            last.put(districtCode, n);
            return format(districtCode, n);
        }
    }

    private static String format(String districtCode, int n) {
        return "%s-%04d".formatted(districtCode, n);
    }
}
