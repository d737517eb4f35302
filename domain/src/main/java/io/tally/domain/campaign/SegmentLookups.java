package io.tally.domain.campaign;

import io.tally.domain.card.CardNumber;
import io.tally.domain.segment.SegmentId;
import io.tally.domain.segment.SegmentMembershipPort;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Looks up, before campaigns are evaluated, whether the card is in the segments that the campaigns in play name
 * ({@link Campaign.InSegment}): each distinct segment once, in the campaigns' evaluation order, at most
 * {@link #MAX_LOOKUPS} per checkout or event (one membership read each). A segment past the budget is left out of
 * the answer, and the condition naming it fails with {@link #NOT_LOOKED_UP} instead of a wrong "not in segment".
 */
public final class SegmentLookups {
    /** Upper bound of membership reads per checkout (or recorded event). */
    public static final int MAX_LOOKUPS = 20;
    static final String NOT_LOOKED_UP = "segment membership not looked up (more than " + MAX_LOOKUPS
            + " segments in play at once)";

    private SegmentLookups() {
    }

    /** The membership of {@code card} in each segment {@code inPlay} names, up to {@link #MAX_LOOKUPS} segments. */
    public static Map<SegmentId, Boolean> lookUp(SegmentMembershipPort port, BrandId brand, CardNumber card,
                                                 Collection<Campaign> inPlay) {
        return lookUp(brand, card, inPlay, (segment, number) -> port.isMember(brand, segment, number));
    }

    /**
     * The same, as the snapshots stood at {@code asOf} ({@link SegmentMembershipPort#isMember(BrandId, SegmentId,
     * CardNumber, Instant)}): what an event campaign reads for an event of that time, so a redelivery processed after
     * another snapshot completed decides as the first delivery did.
     */
    public static Map<SegmentId, Boolean> lookUpAsOf(SegmentMembershipPort port, BrandId brand, CardNumber card,
                                                     Collection<Campaign> inPlay, Instant asOf) {
        return lookUp(brand, card, inPlay, (segment, number) -> port.isMember(brand, segment, number, asOf));
    }

    private static Map<SegmentId, Boolean> lookUp(BrandId brand, CardNumber card, Collection<Campaign> inPlay,
                                                  BiPredicate<SegmentId, CardNumber> member) {
        Set<SegmentId> named = new LinkedHashSet<>();
        inPlay.stream().sorted(CampaignEngine.ORDER).forEach(c -> named.addAll(c.segments()));
        Map<SegmentId, Boolean> membership = new LinkedHashMap<>();
        for (SegmentId segment : named) {
            if (membership.size() == MAX_LOOKUPS) {
                break;
            }
            membership.put(segment, member.test(segment, card));
        }
        return membership;
    }

    /** The checkout campaigns the engine considers at {@code at} ({@link CampaignEngine}'s rule 1). */
    public static Collection<Campaign> atCheckout(CheckoutConfig config, Instant at) {
        return config.campaigns().stream().filter(c -> !c.onEvent() && c.activeAt(at)).toList();
    }
}
