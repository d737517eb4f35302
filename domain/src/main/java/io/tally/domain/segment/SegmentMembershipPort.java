package io.tally.domain.segment;

import io.tally.domain.card.CardNumber;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;

/**
 * Whether a card belongs to a segment, as its latest complete (READY) evaluation snapshot says: what campaigns' "card
 * in segment" condition reads at a checkout or a recorded event. A segment never evaluated has no members. The
 * answer is the snapshot's, not a live evaluation: membership changes when the evaluation job next completes.
 * Implemented by the store of evaluation snapshots (a bounded number of single-item reads per call).
 */
public interface SegmentMembershipPort {
    /** True when the segment's latest READY snapshot lists {@code card}; false if not, or if there is none. */
    boolean isMember(BrandId brand, SegmentId segment, CardNumber card);

    /**
     * Whether the snapshot that was the segment's newest READY one at {@code asOf} lists {@code card}: what an event
     * campaign reads for an event of that time, so every delivery of the event decides the same whatever snapshot
     * completed in between. A port without a notion of time answers {@link #isMember(BrandId, SegmentId, CardNumber)}.
     */
    default boolean isMember(BrandId brand, SegmentId segment, CardNumber card, Instant asOf) {
        return isMember(brand, segment, card);
    }
}
