package org.nuanxin.audit;

import java.util.List;

/**
 * One page of audit entries, newest first.
 *
 * @param entries the entries of this page
 * @param total   how many entries match the query
 * @param page    zero-based page number
 * @param size    page size
 */
public record AuditPage(List<AuditEntry> entries, long total, int page, int size) {

    public AuditPage {
        entries = List.copyOf(entries);
    }

    /** @return the number of pages, at least one */
    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
