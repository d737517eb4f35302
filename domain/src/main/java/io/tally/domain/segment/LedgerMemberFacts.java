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
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The member facts from the ports that exist today: the card read again with its ledger head (one consistent request
 * on DynamoDB, A11b: the index page that listed it may lag, and does not project every attribute), so the customer,
 * demographics, dates, the address's coordinates and the available balances (the head brought to now, as the balance
 * check does) are current; its owning
 * location's coordinates (the brand's locations, read once per page), and its statistics from {@code statistics}
 * (issue 14's per-card statistics plug in there; until then {@link MemberStatistics#NONE}). Not yet filled: the
 * customer score (no score job yet: empty), recent events and available rewards (0).
 */
public final class LedgerMemberFacts implements MemberFactsPort {
    private final CardLedgerPort ledger;
    private final CardPort cards;
    private final LocationsPort locations;
    private final Function<Card, MemberStatistics> statistics;
    private final Function<Card, Optional<Integer>> scores;
    private final Clock clock;

    public LedgerMemberFacts(CardLedgerPort ledger, CardPort cards, LocationsPort locations,
                             Function<Card, MemberStatistics> statistics, Clock clock) {
        this(ledger, cards, locations, statistics, card -> Optional.empty(), clock);
    }

    /** With the customer score the scores job stored for each card ({@code scores}: empty before its first run). */
    public LedgerMemberFacts(CardLedgerPort ledger, CardPort cards, LocationsPort locations,
                             Function<Card, MemberStatistics> statistics, Function<Card, Optional<Integer>> scores,
                             Clock clock) {
        this.scores = scores;
        this.ledger = ledger;
        this.cards = cards;
        this.locations = locations;
        this.statistics = statistics;
        this.clock = clock;
    }

    @Override
    public List<MemberFacts> facts(List<Card> page) {
        return facts(page, clock.instant());
    }

    /** The balances are the head brought to {@code moment} (an evaluation's fixed instant) rather than to now. */
    @Override
    public List<MemberFacts> facts(List<Card> page, Instant moment) {
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
            facts.add(new MemberFacts(card, balances, scores.apply(card), statistics.apply(card), List.of(), 0,
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
