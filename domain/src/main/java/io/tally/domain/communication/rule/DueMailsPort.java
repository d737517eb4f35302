package io.tally.domain.communication.rule;

import java.time.Instant;
import java.util.List;

/**
 * Rule sends waiting out a delay longer than a queue holds a message (SQS: 15 minutes; rules wait up to 90 days). Kept
 * under time buckets of their due time, so the sweep reads the buckets up to now by key, never by a scan.
 */
public interface DueMailsPort {
    /** Keeps a send until it is due; storing the same message id again is harmless (the same item). */
    void put(DueMail mail);

    /**
     * Sends due at or before {@code now}, oldest first, at most {@code limit}: however overdue (the jobs stopped for
     * days), none is left behind.
     */
    List<DueMail> due(Instant now, int limit);

    /** Forgets a send (once it is queued, or its rule is gone); forgetting one not stored is harmless. */
    void delete(DueMail mail);
}
