package io.tally.backoffice.segments;

import io.tally.domain.segment.AvailableRewards;
import io.tally.domain.segment.CardUseFacts;
import io.tally.domain.segment.EngagementStatistics;
import io.tally.domain.segment.LedgerMemberFacts;
import io.tally.domain.segment.MemberFactsPort;
import io.tally.domain.segment.RecentEvents;
import io.tally.domain.tenant.LocationsPort;
import io.tally.dynamo.store.DynamoStorage;
import java.time.Clock;

/**
 * The member facts every evaluation of segments reads (the builder's live count, the evaluation job, the benchmark's
 * figure 11): the ledger's facts with the statistics (the brand's currency read once a minute), the stored score,
 * recent events and rewards (each only when a filter needs them), inside {@link CardUseFacts} for the locations each
 * card was used at (a by-location segment's rule).
 */
public final class SegmentFacts {
    private SegmentFacts() {
    }

    public static MemberFactsPort of(DynamoStorage storage, LocationsPort locations, Clock clock) {
        LedgerMemberFacts facts = new LedgerMemberFacts(storage.cardLedger(), storage.cards(), locations,
                new EngagementStatistics(storage.cardStats(), storage.checkoutConfig(), clock),
                card -> storage.customerScores().score(card.brand(), card.number()).map(s -> s.score().total()),
                new RecentEvents(storage.cardEvents()), new AvailableRewards(storage.coupons(), clock), clock);
        return new CardUseFacts(facts, storage.cardLocations());
    }
}
