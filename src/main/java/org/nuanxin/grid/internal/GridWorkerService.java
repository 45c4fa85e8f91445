package org.nuanxin.grid.internal;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * Part-time grid workers (兼职网格员): a member rider (an ACTIVE membership under their signed-in mobile, module
 * membership) enrols in one active block at a time; leaving, a retired block or the end of the membership
 * ({@code MembershipEnded}) ends the enrolment. Points come from verified reports.
 */
public interface GridWorkerService {

    /** @return the worker's current enrolment, or empty */
    Optional<GridWorker> current(String mobile);

    /**
     * Enrols the worker in a block (moving them from another block when enrolled elsewhere).
     *
     * @throws org.nuanxin.kernel.InvalidInputException on {@code block} when it is not active, on {@code membership}
     *     ({@code grid.worker.notMember}) without an active membership
     */
    GridWorker enrol(String mobile, long blockId);

    /** @return whether the worker may enrol: they hold an active membership (module membership) */
    boolean mayEnrol(String mobile);

    /** Ends the worker's current enrolment, if any. */
    void leave(String mobile);

    /** @return points the worker has earned, all time */
    int points(String mobile);

    /** @return one page of a block's current grid workers (staff, VIEW on the block), most points first */
    Page<GridWorker> workers(long blockId, Pageable pageable);
}
