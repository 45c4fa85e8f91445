package org.nuanxin.identity;

/**
 * What other modules may ask about staff accounts (never who they are): the organisation module asks
 * before dissolving an organisation whether anyone still works for it.
 */
public interface AccountDirectory {

    /** @return how many enabled accounts belong to {@code organizationId} itself (not its subtree) */
    long enabledIn(long organizationId);
}
