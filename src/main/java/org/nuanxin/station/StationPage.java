package org.nuanxin.station;

import java.util.List;

/**
 * One page of a station list.
 *
 * @param items the stations on this page
 * @param total how many stations match the filter in all
 * @param page  zero-based page number
 * @param size  page size
 */
public record StationPage(List<Station> items, long total, int page, int size) {

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }
}
