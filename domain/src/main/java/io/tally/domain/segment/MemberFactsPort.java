package io.tally.domain.segment;

import io.tally.domain.card.Card;
import java.time.Instant;
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

    /**
     * The facts with the time-dependent parts (expired value, lapsed holds) brought to {@code moment} instead of now:
     * what an evaluation fixed at its start reads. What is stored (the ledger head, the statistics) is read as it
     * stands; an adapter without a notion of time answers {@link #facts(List)}.
     */
    default List<MemberFacts> facts(List<Card> cards, Instant moment) {
        return facts(cards);
    }

    /** Both: only the {@code needed} facts, brought to {@code moment} (the evaluation job's page). */
    default List<MemberFacts> facts(List<Card> cards, FactsNeeded needed, Instant moment) {
        return facts(cards, moment);
    }
}
