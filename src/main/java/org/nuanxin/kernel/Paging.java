package org.nuanxin.kernel;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Page requests from hand-editable query strings. Lists in every module page with Spring Data's
 * {@link org.springframework.data.domain.Page}/{@link Pageable}; a page number that is not a
 * number or is negative (an edited URL) means the first page rather than an error.
 */
public final class Paging {

    private Paging() {}

    /**
     * @param page zero-based page number as typed, may be null or junk
     * @param size page size, 1 or more
     * @param sort the order
     * @return the page request
     * @throws IllegalArgumentException when {@code size} is below 1
     */
    public static Pageable of(String page, int size, Sort sort) {
        return PageRequest.of(pageNumber(page), size, sort);
    }

    /** @return the zero-based page number, 0 for null, junk, negative or absurdly large values */
    public static int pageNumber(String page) {
        if (page == null) {
            return 0;
        }
        try {
            int n = Integer.parseInt(page.strip());
            return n < 0 ? 0 : n;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
