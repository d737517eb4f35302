package io.tally.domain.segment;

import io.tally.domain.card.Card;
import io.tally.domain.ledger.Balance;
import io.tally.domain.card.CardPort;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.ledger.CardLedgerPort.CardWithHead;
import io.tally.domain.ledger.CardState;
import io.tally.domain.ledger.Settlement;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.shared.GeoPoint;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.Location;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.LocationsPort;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The member facts from the ports: the card read again with its ledger head (one consistent request on DynamoDB, A11b:
 * the index page that listed it may lag, and does not project every attribute), so the customer, demographics, dates,
 * the address's coordinates and the available balances (the head brought to now, as the balance check does) are
 * current; its owning location's coordinates (the brand's locations, read once per page); its statistics from
 * {@code statistics} ({@link EngagementStatistics}), its stored customer score from {@code scores} (empty before the
 * score job's first run), and, only when the filters need them ({@link FactsNeeded}), its recent events from
 * {@code recentEvents} ({@link RecentEvents}) and the rewards it can use now from {@code rewards}
 * ({@link AvailableRewards}).
 */
public final class LedgerMemberFacts implements MemberFactsPort {
    private final CardLedgerPort ledger;
    private final CardPort cards;
    private final LocationsPort locations;
    private final Function<Card, MemberStatistics> statistics;
    private final Function<Card, Optional<Integer>> scores;
    private final Function<Card, List<EventOccurrence>> recentEvents;
    private final BiFunction<Card, Instant, Long> rewards;
    private final Clock clock;

    /** Without scores, recent events or rewards (every card: none). */
    public LedgerMemberFacts(CardLedgerPort ledger, CardPort cards, LocationsPort locations,
                             Function<Card, MemberStatistics> statistics, Clock clock) {
        this(ledger, cards, locations, statistics, card -> Optional.empty(), clock);
    }

    /** Without recent events or rewards (every card: none). */
    public LedgerMemberFacts(CardLedgerPort ledger, CardPort cards, LocationsPort locations,
                             Function<Card, MemberStatistics> statistics, Function<Card, Optional<Integer>> scores,
                             Clock clock) {
        this(ledger, cards, locations, statistics, scores, card -> List.of(), (card, at) -> 0L, clock);
    }

    public LedgerMemberFacts(CardLedgerPort ledger, CardPort cards, LocationsPort locations,
                             Function<Card, MemberStatistics> statistics, Function<Card, Optional<Integer>> scores,
                             Function<Card, List<EventOccurrence>> recentEvents, BiFunction<Card, Instant, Long> rewards,
                             Clock clock) {
        this.ledger = ledger;
        this.cards = cards;
        this.locations = locations;
        this.statistics = statistics;
        this.scores = scores;
        this.recentEvents = recentEvents;
        this.rewards = rewards;
        this.clock = clock;
    }

    /** Every fact, recent events and rewards included. */
    @Override
    public List<MemberFacts> facts(List<Card> page) {
        return facts(page, FactsNeeded.ALL, clock.instant());
    }

    @Override
    public List<MemberFacts> facts(List<Card> page, FactsNeeded needed) {
        return facts(page, needed, clock.instant());
    }

    /** The balances are the head brought to {@code moment} (an evaluation's fixed instant) rather than to now. */
    @Override
    public List<MemberFacts> facts(List<Card> page, Instant moment) {
        return facts(page, FactsNeeded.ALL, moment);
    }

    @Override
    public List<MemberFacts> facts(List<Card> page, FactsNeeded needed, Instant moment) {
        Map<BrandId, Map<LocationId, GeoPoint>> placesByBrand = new HashMap<>();
        List<MemberFacts> facts = new ArrayList<>(page.size());
        for (Card listed : page) {
            Optional<CardWithHead> read = ledger.cardWithHead(cards, listed.brand(), listed.number());
            if (read.isEmpty()) {
                continue;
            }
            Card card = read.get().card();
            Map<LocationId, GeoPoint> places = placesByBrand.computeIfAbsent(card.brand(), b -> coordinates(card));
            CardState state = read.get().head().map(h -> Settlement.settled(h, moment)).orElse(CardState.EMPTY);
            Map<ValueTypeKey, Long> balances = state.balanceList().stream()
                    .collect(Collectors.toMap(Balance::key, Balance::available));
            facts.add(new MemberFacts(card, balances, scores.apply(card), statistics.apply(card),
                    needed.recentEvents() ? recentEvents.apply(card) : List.of(), needed.rewards() ? rewards.apply(card, moment) : 0,
                    card.primaryCustomer().map(c -> c.addressPoint()),
                    card.owningLocation().map(places::get)));
        }
        return facts;
    }

    private Map<LocationId, GeoPoint> coordinates(Card card) {
        Map<LocationId, GeoPoint> points = new HashMap<>();
        for (Location l : locations.locations(card.brand())) {
            l.coordinates().ifPresent(p -> points.put(l.id(), p));
        }
        return points;
    }
}
