package io.tally.domain.ledger;

import io.tally.domain.card.CardNumber;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The answer to a balance change: the entry written and whether it was written by an earlier identical
 * request (same customRequestId). The HTTP adapter renders transactionId, didOverdraw and balances from it.
 */
public record BalanceResult(LedgerEntry entry, boolean replayed) {
    public BalanceResult {
        Objects.requireNonNull(entry, "entry");
    }

    public TransactionId transactionId() {
        return entry.transactionId();
    }

    public CardNumber card() {
        return entry.card();
    }

    public boolean didOverdraw() {
        return entry.didOverdraw();
    }

    /** With redeemMaxOnOverdraw: what the card could not cover, in minor units. */
    public long amountDue() {
        return entry.posting().amountDue();
    }

    /** The entry's instant: the card's balances below are as of then. */
    public Instant at() {
        return entry.time();
    }

    /** The card's state as of the entry's instant, with whatever that instant itself settles (Settlement). */
    public CardState state() {
        return Settlement.settled(entry, entry.time());
    }

    public List<Balance> balances() {
        return state().balanceList();
    }

    static BalanceResult of(CardLedgerWriter.Written written) {
        return new BalanceResult(written.entry().orElseThrow(), written.replayed());
    }
}
