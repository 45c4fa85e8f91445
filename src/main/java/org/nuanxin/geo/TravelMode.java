package org.nuanxin.geo;

/** How a worker gets to a station, for travel-time estimates. */
public enum TravelMode {
    WALKING,
    E_BIKE
}
