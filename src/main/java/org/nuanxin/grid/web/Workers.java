package org.nuanxin.grid.web;

import org.nuanxin.identity.CurrentWorker;
import org.springframework.security.access.AccessDeniedException;

/** The signed-in worker of a worker page (the access rules let only workers in). */
final class Workers {

    private Workers() {}

    /** @throws AccessDeniedException when no worker is signed in */
    static CurrentWorker current() {
        return CurrentWorker.get().orElseThrow(() -> new AccessDeniedException("worker pages need a signed-in worker"));
    }
}
