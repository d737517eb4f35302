package io.tally.domain.segment;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardLocationsPort;
import java.time.Instant;
import java.util.List;

/**
 * Member facts with the locations each card was used at ({@link MemberFacts#usedAt}, from {@link CardLocationsPort}:
 * one read per card), which a by-location segment's matching needs. Every evaluation of segments (the live count, the
 * evaluation job) reads its facts through this, so a by-location segment never holds a card used elsewhere.
 */
public final class CardUseFacts implements MemberFactsPort {
    private final MemberFactsPort facts;
    private final CardLocationsPort locations;

    public CardUseFacts(MemberFactsPort facts, CardLocationsPort locations) {
        this.facts = facts;
        this.locations = locations;
    }

    @Override
    public List<MemberFacts> facts(List<Card> cards) {
        return withUsedAt(facts.facts(cards));
    }

    /** Passes {@code needed} on, so the wrapped facts still read events and rewards only when a filter needs them. */
    @Override
    public List<MemberFacts> facts(List<Card> cards, FactsNeeded needed) {
        return withUsedAt(facts.facts(cards, needed));
    }

    @Override
    public List<MemberFacts> facts(List<Card> cards, Instant moment) {
        return withUsedAt(facts.facts(cards, moment));
    }

    @Override
    public List<MemberFacts> facts(List<Card> cards, FactsNeeded needed, Instant moment) {
        return withUsedAt(facts.facts(cards, needed, moment));
    }

    private List<MemberFacts> withUsedAt(List<MemberFacts> page) {
        return page.stream().map(f -> f.withUsedAt(locations.locations(f.card().brand(), f.card().number()))).toList();
    }
}
