package org.nuanxin.station.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code nuanxin.station}; defaults documented in application.yaml.
 *
 * @param demoData        "auto" (demo data on an empty embedded H2 database only), "true" or "false"
 * @param demoTargetTotal how many stations the demo roster grows to (Chongqing's real total, 5,444)
 * @param finder          limits of the nearest-station finder
 * @param map             limits of the station map layer
 */
@ConfigurationProperties("nuanxin.station")
record StationProperties(
        @DefaultValue("auto") String demoData,
        @DefaultValue("5444") int demoTargetTotal,
        @DefaultValue Finder finder,
        @DefaultValue MapLayer map) {

    /**
     * @param maxFeatures      the most stations or clusters one answer of the map layer holds
     * @param clusterBelowZoom below this zoom level the map layer answers clusters per H3 cell
     */
    record MapLayer(
            @DefaultValue("1000") int maxFeatures,
            @DefaultValue("13") int clusterBelowZoom) {}

    /**
     * @param maxLimit     the most stations one query may ask for
     * @param defaultLimit how many when the query does not say
     * @param overlayLimit how many changed stations the index keeps beside its tree before rebuilding the tree
     */
    record Finder(
            @DefaultValue("50") int maxLimit,
            @DefaultValue("10") int defaultLimit,
            @DefaultValue("256") int overlayLimit) {}
}
