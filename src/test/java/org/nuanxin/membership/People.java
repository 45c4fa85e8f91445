package org.nuanxin.membership;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test fixture: made-up but valid identity numbers (GB 11643-1999, MOD 11-2 check character) and mainland mobile
 * numbers, different on every call, so tests sharing one database never collide.
 */
public final class People {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();
    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 400_000));

    private People() {}

    /** @return a valid 18-digit number of a person born in 1990 in the county {@code addressCode} */
    public static String idNumber(String addressCode) {
        int n = NEXT.incrementAndGet();
        // Birth dates walk through 1990's days; the sequence number takes the rest.
        java.time.LocalDate birth = java.time.LocalDate.of(1990, 1, 1).plusDays(n % 3650);
        String seventeen = addressCode + birth.toString().replace("-", "") + "%03d".formatted((n / 3650) % 1000);
        return seventeen + check(seventeen);
    }

    /** @return the MOD 11-2 check character of 17 digits */
    public static char check(String seventeen) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (seventeen.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** @return a mainland mobile number in E.164, different on every call */
    public static String mobile() {
        return "+86139%08d".formatted(NEXT.incrementAndGet() % 100_000_000);
    }
}
