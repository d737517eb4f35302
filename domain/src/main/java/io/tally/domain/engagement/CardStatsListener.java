package io.tally.domain.engagement;

import io.tally.domain.card.CardNumber;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.tenant.BrandId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Keeps every card's statistics in the events consumer, exactly once under redelivery, loss-then-redelivery and
 * reordering, and across a crash after any write:
 * <ul>
 *   <li>a ledger event of sequence {@code s} folds the card's entries {@code through + 1 .. s}, read from the ledger
 *       (the truth, so a late or lost event's entry is folded by whichever event comes first), and stores the fold
 *       conditional on the {@code through} it started from; an event at or below {@code through} is a redelivery and
 *       changes nothing; a lost race re-reads and goes on from the winner's fold; a stored fold of older rules
 *       ({@link CardLedgerStats#current}) is replaced by a fold from the first entry, conditional on its {@code through};</li>
 *   <li>a recorded event (after {@link RecordedEventsListener} kept it) recounts the card's kept events and stores
 *       the count only over a smaller one: the kept events are a set that only grows, so the larger count is newer.</li>
 * </ul>
 * Runs after the event's other listeners; a fault throws, so the message is delivered again.
 */
public final class CardStatsListener implements Consumer<DomainEvent> {
    /** Rounds of re-reading after a lost race before the message is left for redelivery. */
    static final int MAX_ROUNDS = 8;

    private final CardStatsPort stats;
    private final CardLedgerPort ledger;
    private final CardEventsPort cardEvents;

    public CardStatsListener(CardStatsPort stats, CardLedgerPort ledger, CardEventsPort cardEvents) {
        this.stats = stats;
        this.ledger = ledger;
        this.cardEvents = cardEvents;
    }

    @Override
    public void accept(DomainEvent event) {
        Optional<RecordedEvent> recorded = RecordedEvent.of(event);
        if (recorded.isPresent()) {
            recount(recorded.get().brand(), recorded.get().card());
            return;
        }
        String card = event.data().get("cardNumber");
        String sequence = event.data().get("sequence");
        if (event.type().startsWith("ledger.") && card != null && sequence != null) {
            foldThrough(event.brand(), new CardNumber(card), Long.parseLong(sequence));
        }
    }

    private void recount(BrandId brand, CardNumber card) {
        stats.putEventStats(CardEventStats.of(brand, card, cardEvents.marks(brand, card)));
    }

    private void foldThrough(BrandId brand, CardNumber card, long sequence) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Optional<CardLedgerStats> stored = stats.ledgerStats(brand, card);
            long storedThrough = stored.map(CardLedgerStats::through).orElse(0L);
            // a fold of older rules is folded again from the first entry, at least as far as it had come
            CardLedgerStats fold = stored.filter(CardLedgerStats::current).orElse(CardLedgerStats.empty(brand, card));
            long target = Math.max(sequence, storedThrough);
            if (target <= fold.through()) {
                return;
            }
            boolean lost = false;
            long expected = storedThrough;
            while (fold.through() < target && !lost) {
                long from = fold.through();
                long upTo = Math.min(target, from + CardLedgerPort.MAX_PAGE);
                List<LedgerEntry> page = oldestFirst(ledger.newestBefore(brand, card, upTo + 1, (int) (upTo - from)))
                        .stream().filter(e -> e.sequence() > from).toList();
                if (page.isEmpty()) {
                    // the event names a sequence the ledger does not hold: never spin on a fold that cannot move
                    throw new IllegalStateException("card " + card + " has no ledger entries after " + from + " up to " + upTo);
                }
                for (LedgerEntry entry : page) {
                    fold = fold.plus(entry);
                }
                if (fold.through() >= expected) {
                    // never store a fold behind the stored one: a fold again from the first entry writes once caught up
                    lost = !stats.putLedgerStats(fold, expected);
                    expected = fold.through();
                }
            }
            if (!lost) {
                return;
            }
        }
        throw new IllegalStateException("statistics of card " + card + " stayed contended for " + MAX_ROUNDS + " rounds");
    }

    private static List<LedgerEntry> oldestFirst(List<LedgerEntry> newestFirst) {
        List<LedgerEntry> entries = new ArrayList<>(newestFirst);
        Collections.reverse(entries);
        return entries;
    }
}
