package org.nuanxin.station;

/** Thrown when a station was changed by someone else after the editor loaded it. */
public class StationChangedConcurrentlyException extends RuntimeException {

    public StationChangedConcurrentlyException(String code) {
        super("station " + code + " was changed by someone else");
    }
}
