package io.tally.domain.ledger;

import io.tally.domain.program.ValueTypeKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pure core of the ledger: how a posting changes a card's state. {@link #replay} folds a card's
 * entries from the start, so a card's balances at any past instant can be rebuilt from its entries alone,
 * and tests can check that every stored state equals the fold of the entries before it.
 */
public final class LedgerRules {
    private LedgerRules() {
    }

    /** The state after {@code posting}. Throws if the posting does not fit the state: that is a bug, not a rejection. */
    public static CardState apply(CardState before, Posting posting) {
        if (posting.sequence() != before.sequence() + 1) {
            throw new IllegalStateException("entry " + posting.sequence() + " does not follow " + before.sequence());
        }
        Map<ValueTypeKey, Balance> balances = new HashMap<>(before.balances());
        for (Change change : posting.changes()) {
            Balance b = balances.getOrDefault(change.key(), Balance.empty(change.key()));
            balances.put(change.key(), applyTo(b, change, posting));
        }
        return new CardState(posting.sequence(), balances, voided(before, posting), requests(before, posting),
                before.enrolledAt().or(() -> posting.type() == EntryType.ENROLL ? Optional.of(posting.time()) : Optional.empty()),
                ledgerId(before, posting), checkouts(before, posting));
    }

    /**
     * A committed checkout counts (and its per-card limited campaigns fire); the VOID of one takes both back. Any
     * other entry keeps the statistics, within their bounds (a state stored before them is trimmed by its next entry).
     */
    private static CheckoutStats checkouts(CardState before, Posting posting) {
        if (posting.checkout().isEmpty() || posting.checkout().get().stage() != CheckoutFacts.Stage.COMMIT) {
            return before.checkouts().bounded();
        }
        CheckoutFacts sale = posting.checkout().get();
        if (posting.type() == EntryType.CHECKOUT) {
            return before.checkouts().committed(posting.time(), posting.sequence(), sale.perCardFires());
        }
        return before.checkouts().voided(posting.related().orElseThrow().sequence(), sale.perCardFires());
    }

    /** The state after the last of {@code entries} (a card's entries from sequence 1, in order). */
    public static CardState replay(List<LedgerEntry> entries) {
        CardState state = CardState.EMPTY;
        for (LedgerEntry e : entries) {
            state = apply(state, e.posting());
        }
        return state;
    }

    /** The state as it was at {@code at}: the fold of the entries made at or before that instant. */
    public static CardState stateAt(List<LedgerEntry> entries, Instant at) {
        return replay(entries.stream().filter(e -> !e.time().isAfter(at)).toList());
    }

    private static Balance applyTo(Balance b, Change change, Posting posting) {
        if (change instanceof Change.AddBucket add) {
            if (!add.bucket().source().equals(posting.transactionId())) {
                throw new IllegalStateException("a bucket is named after the entry that created it");
            }
            return b.withBucket(add.bucket());
        }
        if (change instanceof Change.TopUp top) {
            if (posting.type() != EntryType.ISSUE && posting.type() != EntryType.CHECKOUT && posting.type() != EntryType.ADJUST) {
                throw new IllegalStateException("only an issuance (or a checkout's, an adjustment's) tops up a bucket");
            }
            return b.withTopUp(top.bucket(), top.amount());
        }
        if (change instanceof Change.Take take) {
            return b.without(take.slice());
        }
        if (change instanceof Change.Restore restore) {
            return b.with(restore.slice());
        }
        if (change instanceof Change.OpenHold open) {
            if (!open.hold().id().equals(posting.transactionId()) || open.hold().sequence() != posting.sequence()) {
                throw new IllegalStateException("a hold is named after the entry that opened it");
            }
            return b.withHold(open.hold());
        }
        Change.ReduceHold reduce = (Change.ReduceHold) change;
        return b.withHoldReduced(reduce.hold(), reduce.amount());
    }

    private static Map<TransactionId, Long> voided(CardState before, Posting posting) {
        Map<TransactionId, Long> voided = new HashMap<>(before.voided());
        if (posting.type() == EntryType.VOID || (posting.type() == EntryType.CHECKOUT && posting.related().isPresent())) {
            Reference target = posting.related().orElseThrow();
            if (voided.put(target.transactionId(), target.sequence()) != null) {
                throw new IllegalStateException("transaction " + target.transactionId() + " voided twice");
            }
        }
        // Keep only what a later void could still reach: the next entry may void sequences > next - VOID_WINDOW.
        long oldestVoidable = posting.sequence() + 1 - LedgerLimits.VOID_WINDOW;
        voided.values().removeIf(seq -> seq < oldestVoidable);
        return voided;
    }

    /** A card keeps the ledger id its first entry's transaction id names (cards from before ledger ids get one later). */
    private static Optional<LedgerId> ledgerId(CardState before, Posting posting) {
        Optional<LedgerId> named = TransactionIds.locate(posting.transactionId())
                .filter(l -> l.sequence() == posting.sequence()).map(TransactionIds.Location::ledgerId);
        if (before.ledgerId().isPresent() && named.isPresent() && !named.equals(before.ledgerId())) {
            throw new IllegalStateException("entry " + posting.sequence() + " names another ledger id than its card's");
        }
        return before.ledgerId().or(() -> named);
    }

    private static List<RequestMark> requests(CardState before, Posting posting) {
        if (posting.origin().request().isEmpty()) {
            return before.recentRequests();
        }
        Origin.RequestKey key = posting.origin().request().get();
        List<RequestMark> ring = new ArrayList<>(before.recentRequests());
        ring.removeIf(m -> m.customRequestId().equals(key.customRequestId()));
        ring.add(new RequestMark(key.customRequestId(), key.fingerprint(), posting.transactionId(), posting.sequence()));
        while (ring.size() > LedgerLimits.REQUEST_RING) {
            ring.remove(0);
        }
        return ring;
    }
}
