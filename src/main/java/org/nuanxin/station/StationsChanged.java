package org.nuanxin.station;

import java.util.Set;

/**
 * Published in the transaction that creates, updates or imports stations.
 *
 * @param stationIds ids of the changed stations; empty together with {@code all} for a bulk change
 * @param all        true when so many changed that listeners should reload everything
 */
public record StationsChanged(Set<Long> stationIds, boolean all) {
}
