package org.nuanxin.station;

import java.util.Set;

/**
 * Published in the transaction that creates, updates or imports stations, and delivered through the
 * outbox (Spring Modulith's JDBC event publication registry, table {@code event_publication}).
 *
 * <p>This is the pattern every module follows for its events (README "Events"):
 * <ol>
 *   <li>the event is a record in the publishing module's top-level (public) package, holding ids and
 *       small values only, because it is serialised to JSON (Jackson) into the outbox;</li>
 *   <li>it is published with {@code ApplicationEventPublisher} inside the {@code @Transactional}
 *       service method that makes the change, so the event is stored if and only if the change commits;</li>
 *   <li>it is consumed by an {@code @ApplicationModuleListener} (after commit, asynchronously, in a new
 *       transaction); the publication is completed when the listener returns and delivered again at the
 *       next start if it threw or the process stopped first, so a listener must tolerate a repeat.</li>
 * </ol>
 *
 * @param stationIds ids of the changed stations; empty together with {@code all} for a bulk change
 * @param all        true when so many changed that listeners should reload everything
 */
public record StationsChanged(Set<Long> stationIds, boolean all) {}
