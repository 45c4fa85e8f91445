package org.nuanxin.grid.internal;

/** A block changed since the version the user saw. */
public class BlockChangedConcurrentlyException extends RuntimeException {

    public BlockChangedConcurrentlyException(long id) {
        super("block " + id + " changed concurrently");
    }
}
