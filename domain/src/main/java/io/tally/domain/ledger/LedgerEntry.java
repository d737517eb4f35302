package io.tally.domain.ledger;

import io.tally.domain.card.CardNumber;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One immutable entry of a card's ledger: what happened ({@link Posting}) and the card's full state after it.
 * Entries of a card are numbered 1, 2, 3 …; the latest one is the card's current state.
 */
public record LedgerEntry(Posting posting, CardState stateAfter) {
    public LedgerEntry {
        Objects.requireNonNull(posting, "posting");
        Objects.requireNonNull(stateAfter, "stateAfter");
        if (stateAfter.sequence() != posting.sequence()) {
            throw new IllegalArgumentException("state after entry " + posting.sequence() + " says " + stateAfter.sequence());
        }
    }

    public BrandId brand() {
        return posting.brand();
    }

    public CardNumber card() {
        return posting.card();
    }

    public long sequence() {
        return posting.sequence();
    }

    public TransactionId transactionId() {
        return posting.transactionId();
    }

    public EntryType type() {
        return posting.type();
    }

    public Instant time() {
        return posting.time();
    }

    public boolean didOverdraw() {
        return posting.amountDue() > 0;
    }

    /** Net effect per value type, in the order the changes name them. */
    public List<Movement> movements() {
        Map<ValueTypeKey, long[]> sums = new LinkedHashMap<>();
        for (Change c : posting.changes()) {
            long[] s = sums.computeIfAbsent(c.key(), k -> new long[2]);
            s[0] += c.balanceDelta();
            s[1] += c.heldDelta();
        }
        return sums.entrySet().stream().map(e -> new Movement(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }
}
