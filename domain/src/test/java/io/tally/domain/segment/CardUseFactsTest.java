package io.tally.domain.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardLocationsPort;
import io.tally.domain.card.CardNumber;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CardUseFactsTest {
    private final List<FactsNeeded> asked = new ArrayList<>();

    /** Facts that remember what was asked of them. */
    private final MemberFactsPort recording = new MemberFactsPort() {
        @Override
        public List<MemberFacts> facts(List<Card> cards) {
            return facts(cards, FactsNeeded.ALL);
        }

        @Override
        public List<MemberFacts> facts(List<Card> cards, FactsNeeded needed) {
            asked.add(needed);
            return cards.stream().map(MemberFacts::of).toList();
        }
    };

    private final CardLocationsPort used = new CardLocationsPort() {
        @Override
        public void link(BrandId brand, CardNumber card, LocationId location) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<LocationId> locations(BrandId brand, CardNumber card) {
            return Set.of(new LocationId("MAIN"));
        }
    };

    @Test
    void passes_what_the_filters_need_on_so_events_and_rewards_are_read_only_when_needed() {
        List<Card> cards = List.of(Members.ANN.card(), Members.BOB.card());
        List<MemberFacts> facts = new CardUseFacts(recording, used).facts(cards, FactsNeeded.NONE);

        assertEquals(List.of(FactsNeeded.NONE), asked, "the wrapped facts were asked for what the filters need");
        assertEquals(2, facts.size());
        facts.forEach(f -> assertEquals(Set.of(new LocationId("MAIN")), f.usedAt()));
    }
}
