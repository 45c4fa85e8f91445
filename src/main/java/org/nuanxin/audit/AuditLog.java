package org.nuanxin.audit;

import org.jspecify.annotations.Nullable;
import org.nuanxin.kernel.ActingOrganization;
import org.nuanxin.kernel.RowScope;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * Records staff actions that change or disclose data, and searches them for the console.
 *
 * <p>Call {@code record} inside the transaction of the change (the caller's {@code @Transactional}
 * method): the entry commits with the change and a rolled-back change leaves none. The actor is the
 * username of Spring Security's current authentication and the client address that of the current
 * request; code running outside a request (a background job) captures {@link #currentOrigin()} on the
 * request thread and passes it to {@link #record(Origin, String, String, String, String, String)}.
 * Retention: entries older than {@code nuanxin.audit.retention} (at least 180 days, Cybersecurity Law
 * of the PRC art. 21) are purged daily.
 */
public interface AuditLog {

    /** The actor recorded when nobody (or an account that does not exist) is behind an action. */
    String UNKNOWN_ACTOR = "(unknown)";

    /**
     * Who acted, for which organisation and from where.
     *
     * @param actor          username, or {@link #UNKNOWN_ACTOR}
     * @param clientAddress  IP address of the client, empty when unknown
     * @param organizationId the organisation the actor belongs to (see {@link ActingOrganization}), null
     *     when unknown (anonymous attempts, the system's own work)
     */
    record Origin(
            String actor, String clientAddress, @Nullable Long organizationId) {

        public Origin {
            actor = actor == null || actor.isBlank() ? UNKNOWN_ACTOR : actor;
            clientAddress = clientAddress == null ? "" : clientAddress;
        }

        /** An origin of no known organisation. */
        public Origin(String actor, String clientAddress) {
            this(actor, clientAddress, null);
        }
    }

    /** @return the current authentication's username and the current request's client address */
    Origin currentOrigin();

    /**
     * Records an action of the current user.
     *
     * @param action     action code, e.g. {@code station.create}
     * @param recordType kind of record, e.g. {@code station} (null: none)
     * @param recordId   the record's id or code (null: none)
     * @param reason     the reason given (null: none asked)
     */
    default void record(
            String action, @Nullable String recordType, @Nullable String recordId, @Nullable String reason) {
        record(currentOrigin(), action, recordType, recordId, reason, null);
    }

    /** As {@link #record(String, String, String, String)} with short non-personal details (counts, filters). */
    default void record(
            String action,
            @Nullable String recordType,
            @Nullable String recordId,
            @Nullable String reason,
            @Nullable String details) {
        record(currentOrigin(), action, recordType, recordId, reason, details);
    }

    /**
     * Records an action of the given origin (for work done off the request thread, or before sign-in).
     *
     * @throws IllegalArgumentException when the action code is blank
     */
    void record(
            Origin origin,
            String action,
            @Nullable String recordType,
            @Nullable String recordId,
            @Nullable String reason,
            @Nullable String details);

    /** The largest page {@link #search} serves. */
    int MAX_PAGE_SIZE = 200;

    /**
     * Searches the log, newest first.
     *
     * @param pageable the page, of at most {@link #MAX_PAGE_SIZE} entries (its sort is ignored: newest first)
     * @throws IllegalArgumentException on a larger page
     */
    Page<AuditEntry> search(AuditQuery query, Pageable pageable);

    /**
     * Searches the entries of a data scope, newest first: those whose actor's organisation lies in it
     * ({@code scope} is a condition on the entries' organisation column; see identity's {@code DataScope}).
     *
     * @throws IllegalArgumentException on a page larger than {@link #MAX_PAGE_SIZE}
     */
    Page<AuditEntry> search(AuditQuery query, RowScope scope, Pageable pageable);
}
