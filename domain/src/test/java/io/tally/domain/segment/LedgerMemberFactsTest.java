package io.tally.domain.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.fakes.InMemoryLocations;
import io.tally.domain.fakes.TestWorld;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LedgerMemberFactsTest {
    private final TestWorld w = new TestWorld();

    @Test
    void the_facts_carry_the_cards_current_balances_its_statistics_and_its_stored_score() {
        CardNumber scored = w.activeCard();
        CardNumber unscored = w.activeCard();
        w.issue(scored, 1_250);
        MemberStatistics stats = new MemberStatistics(4_000, 2, 3, 2, Optional.of(TestWorld.START), Set.of(), Map.of(),
                Map.of(), Map.of("review", 1L));
        var facts = new LedgerMemberFacts(w.ledger, w.cards, new InMemoryLocations(),
                card -> card.number().equals(scored) ? stats : MemberStatistics.NONE,
                card -> card.number().equals(scored) ? Optional.of(63) : Optional.empty(), w.clock);

        List<Card> page = List.of(w.cards.load(TestWorld.BRAND, scored).orElseThrow(),
                w.cards.load(TestWorld.BRAND, unscored).orElseThrow());
        List<MemberFacts> got = facts.facts(page);

        assertEquals(2, got.size());
        assertEquals(Optional.of(63), got.get(0).customerScore());
        assertEquals(stats, got.get(0).statistics());
        assertEquals(Map.of(TestWorld.USD, 1_250L), got.get(0).balances());
        assertEquals(Optional.empty(), got.get(1).customerScore());
        assertEquals(MemberStatistics.NONE, got.get(1).statistics());
    }
}
