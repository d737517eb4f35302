package io.tally.domain.segment;

import io.tally.domain.card.Card;
import java.util.List;

/**
 * Gathers what the filters look at for a page of one brand's cards: balances, score, statistics, events, coordinates
 * ({@link MemberFacts}). One call per page so an adapter can batch its reads.
 */
public interface MemberFactsPort {
    /** The facts of each card still there, in the same order (a card gone since it was listed is left out). */
    List<MemberFacts> facts(List<Card> cards);

    /**
     * The same, where the facts that cost reads of their own (recent events, rewards available) are gathered only if
     * {@code needed} says so and left empty (no events, 0 rewards) otherwise. By default all of them.
     */
    default List<MemberFacts> facts(List<Card> cards, FactsNeeded needed) {
        return facts(cards);
    }
}
