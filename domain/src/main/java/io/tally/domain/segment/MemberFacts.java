package io.tally.domain.segment;

import io.tally.domain.card.Card;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.shared.GeoPoint;
import io.tally.domain.tenant.LocationId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a segment's filters look at for one card, gathered once per card by the facts adapter
 * ({@link MemberFactsPort}): the card with its customer and demographics, its available balances per value type, the
 * customer score (empty until the score job has run), the statistics, its recent events (newest first, at most
 * {@link #MAX_EVENTS}: a period filter counts within them, an all-time filter uses the statistics' counts), the
 * number of rewards it can use now, the coordinates of the customer's address and of the card's owning
 * location, where known, and the locations the card was used at ({@code usedAt}, the card locations that scope a
 * manager's view of cards: a by-location segment holds only cards used at one of its locations; empty where not read,
 * so such a segment then matches nothing).
 */
public record MemberFacts(Card card, Map<ValueTypeKey, Long> balances, Optional<Integer> customerScore,
                          MemberStatistics statistics, List<EventOccurrence> recentEvents, long availableRewards,
                          Optional<GeoPoint> addressPoint, Optional<GeoPoint> owningLocationPoint,
                          Set<LocationId> usedAt) {
    /** Upper bound of the recent events kept in the facts. */
    public static final int MAX_EVENTS = 100;

    public MemberFacts {
        Objects.requireNonNull(card, "card");
        balances = Map.copyOf(balances);
        Objects.requireNonNull(customerScore, "customerScore");
        Objects.requireNonNull(statistics, "statistics");
        recentEvents = List.copyOf(recentEvents);
        if (recentEvents.size() > MAX_EVENTS) {
            throw new IllegalArgumentException("more than " + MAX_EVENTS + " events in the facts");
        }
        if (customerScore.isPresent() && (customerScore.get() < 0 || customerScore.get() > 100)) {
            throw new IllegalArgumentException("a customer score is 0..100");
        }
        Objects.requireNonNull(addressPoint, "addressPoint");
        Objects.requireNonNull(owningLocationPoint, "owningLocationPoint");
        usedAt = Set.copyOf(usedAt);
    }

    /** Facts whose card locations were not read ({@code usedAt} empty). */
    public MemberFacts(Card card, Map<ValueTypeKey, Long> balances, Optional<Integer> customerScore,
                       MemberStatistics statistics, List<EventOccurrence> recentEvents, long availableRewards,
                       Optional<GeoPoint> addressPoint, Optional<GeoPoint> owningLocationPoint) {
        this(card, balances, customerScore, statistics, recentEvents, availableRewards, addressPoint, owningLocationPoint,
                Set.of());
    }

    /** The same facts with the locations the card was used at. */
    public MemberFacts withUsedAt(Set<LocationId> locations) {
        return new MemberFacts(card, balances, customerScore, statistics, recentEvents, availableRewards, addressPoint,
                owningLocationPoint, locations);
    }

    /** A card with nothing else known about it yet (no balances, score, statistics, events or coordinates). */
    public static MemberFacts of(Card card) {
        return new MemberFacts(card, Map.of(), Optional.empty(), MemberStatistics.NONE, List.of(), 0, Optional.empty(),
                Optional.empty());
    }
}
