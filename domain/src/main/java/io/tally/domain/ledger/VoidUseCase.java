package io.tally.domain.ledger;

import io.tally.domain.card.CardNumber;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.shared.Fingerprint;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.domain.shared.Rejection;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.MerchantContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The immediate reversal of an ISSUE or REDEEM, exactly once. Rules:
 * <ul>
 * <li>Only among the card's last {@link LedgerLimits#VOID_WINDOW} entries; the head state remembers voided ids
 * within that window, so "already voided" is decided from the one head read, never from the lookup of the id
 * (which only finds the entry: the id names its card's ledger id and its sequence, so it never reaches another card).</li>
 * <li>An ISSUE is voidable only while its bucket still holds the issuance's full amount and the rest of the
 * balance still covers the holds. For a bucket of its own that means untouched; for an issuance that topped up
 * a bucket (or a bucket topped up since) the bucket holds several issuances and does not know which was spent,
 * so each is voidable while the bucket holds its amount. A partly spent issuance is NOT_VOIDABLE rather than
 * "void what remains": a void is a cashier undoing a mistake and refunding the full amount, and a partial void
 * would leave till and card disagreeing; the merchant can redeem what is left instead.</li>
 * <li>A REDEEM is voided by putting each spent slice back into its bucket (recreated with its original expiry
 * if it emptied). Value whose expiry has passed meanwhile comes back expired: it is kept while the holds reserve at
 * least as much kept value, and otherwise expires at the void's own instant ({@link Settlement}, applied by the
 * writer right after the VOID). A capture from a hold gives the value back to the balance, not to the hold.</li>
 * <li>An ISSUE whose expiry has passed is not voidable: its value has expired, or is kept for a hold.</li>
 * </ul>
 */
public final class VoidUseCase {
    private final CardLedgerWriter writer;
    private final CardLedgerPort ledger;

    public VoidUseCase(CardLedgerWriter writer, CardLedgerPort ledger) {
        this.writer = writer;
        this.ledger = ledger;
    }

    /** {@code card}: when the caller names the card, a transaction of another card is TRANSACTION_NOT_FOUND. */
    public record VoidCommand(MerchantContext context, RequestInfo info, Optional<CardNumber> card,
                              TransactionId transactionId) {
        public VoidCommand {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(transactionId, "transactionId");
        }
    }

    public Outcome<BalanceResult> voidTransaction(VoidCommand c) {
        Optional<Rejection> info = c.info().check();
        if (info.isPresent()) {
            return Outcome.rejected(info.get());
        }
        return voidAs(c.context().brand(), c.card(), c.transactionId(), fingerprint -> Origin.of(c.context(), c.info(), fingerprint),
                c.info().resumeSince());
    }

    /**
     * A void by the back office: on the named card only, no location or terminal, the staff member's reason as the
     * entry's note, idempotent on the staff action's {@code key} (the card's request ring).
     */
    public Outcome<BalanceResult> voidByStaff(BrandId brand, CardNumber card, TransactionId transactionId, String reason,
                                              String key, String requestRef) {
        if (reason.isBlank() || reason.length() > LedgerLimits.MAX_NOTE || key.isBlank() || key.length() > LedgerLimits.MAX_REQUEST_ID
                || requestRef.length() > LedgerLimits.MAX_REQUEST_ID) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "a reason (at most " + LedgerLimits.MAX_NOTE + " characters) and a key are required");
        }
        return voidAs(brand, Optional.of(card), transactionId, fingerprint -> new Origin(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(reason), Optional.of(requestRef),
                Optional.of(new Origin.RequestKey(key, fingerprint))), Optional.empty());
    }

    private Outcome<BalanceResult> voidAs(BrandId brand, Optional<CardNumber> card, TransactionId transactionId,
                                          Function<String, Origin> origin, Optional<Instant> resumeSince) {
        Optional<LedgerEntry> target = ledger.byTransactionId(brand, transactionId)
                .filter(e -> card.map(e.card()::equals).orElse(true));
        if (target.isEmpty()) {
            return Outcome.rejected(Reason.TRANSACTION_NOT_FOUND, "no transaction " + transactionId);
        }
        LedgerEntry voided = target.get();
        String fingerprint = Fingerprint.of("void", voided.card().value(), transactionId.value());
        CardLedgerWriter.Target t = new CardLedgerWriter.Target(brand, voided.card(), origin.apply(fingerprint),
                Optional.empty(), true, resumeSince);
        return writer.write(t, (c, state, txn, now) -> decide(voided, state, now)).map(BalanceResult::of);
    }

    static Outcome<Optional<CardLedgerWriter.Draft>> decide(LedgerEntry voided, CardState state, Instant now) {
        TransactionId id = voided.transactionId();
        if (voided.type() != EntryType.ISSUE && voided.type() != EntryType.REDEEM && voided.type() != EntryType.CHECKOUT) {
            return Outcome.rejected(Reason.NOT_VOIDABLE, "only issuances, redemptions and checkouts can be voided, not " + voided.type());
        }
        if (state.sequence() + 1 - voided.sequence() > LedgerLimits.VOID_WINDOW) {
            return Outcome.rejected(Reason.NOT_VOIDABLE, "only a card's last " + LedgerLimits.VOID_WINDOW + " transactions can be voided");
        }
        if (state.isVoided(id)) {
            if (voided.type() == EntryType.CHECKOUT && voided.posting().checkout().orElseThrow().stage() == CheckoutFacts.Stage.SETUP) {
                return Outcome.rejected(Reason.CHECKOUT_CLOSED, "checkout setup " + id + " was already completed or voided");
            }
            return Outcome.rejected(Reason.ALREADY_VOIDED, "transaction " + id + " was already voided");
        }
        Outcome<List<Change>> reversal = switch (voided.type()) {
            case ISSUE -> unissue(voided, state, now);
            case REDEEM -> unredeem(voided, state);
            default -> uncheckout(voided, state, now);
        };
        Optional<CheckoutFacts> sale = voided.posting().checkout().map(VoidUseCase::withoutBasket);
        return reversal.map(changes -> Optional.of(new CardLedgerWriter.Draft(EntryType.VOID, changes,
                Optional.of(new Reference(id, voided.sequence())), 0, sale)));
    }

    /**
     * A checkout's reversal. A SETUP: its holds released (what is left of them). A committed checkout: what it earned
     * taken back (while still on the card, like an issuance's void) and what it spent put back (like a redemption's);
     * the holds a completion captured are not reopened: the value goes back to the balance.
     */
    private static Outcome<List<Change>> uncheckout(LedgerEntry checkout, CardState state, Instant now) {
        CheckoutFacts sale = checkout.posting().checkout().orElseThrow();
        if (sale.stage() == CheckoutFacts.Stage.SETUP) {
            List<Change> releases = new ArrayList<>();
            for (Change c : checkout.posting().changes()) {
                if (c instanceof Change.OpenHold open) {
                    state.balance(open.key()).hold(open.hold().id())
                            .ifPresent(h -> releases.add(new Change.ReduceHold(open.key(), h.id(), h.remaining())));
                }
            }
            return Outcome.accepted(releases);
        }
        Outcome<List<Change>> earned = unissue(checkout, state, now);
        if (!earned.isAccepted()) {
            return Outcome.rejected(Reason.NOT_VOIDABLE, "value this checkout earned was already spent or expired");
        }
        Outcome<List<Change>> spent = unredeem(checkout, state);
        if (!spent.isAccepted()) {
            return spent;
        }
        List<Change> all = new ArrayList<>(earned.value());
        all.addAll(spent.value());
        return Outcome.accepted(all);
    }

    /** What a checkout's VOID records of the sale: no basket, no explanations; enough to give coupons back. */
    private static CheckoutFacts withoutBasket(CheckoutFacts f) {
        return new CheckoutFacts(f.key(), f.stage(), f.until(), List.of(), f.checkoutTotal(), f.totalDiscount(), List.of(),
                f.couponsUsed(), f.couponsAwarded(), List.of(), List.of(), f.perCardFires());
    }

    /**
     * Takes back what the issuance put in, by its own entry's amount: a top-up's amount, or an original issuance's
     * amount even if its bucket has been topped up since (never the bucket's current issued). A bucket holding
     * several issuances does not know which of them was spent, so any of them is voidable while the bucket still
     * holds its amount and the rest of the balance still covers the holds.
     */
    private static Outcome<List<Change>> unissue(LedgerEntry issue, CardState state, Instant now) {
        List<Change> changes = new ArrayList<>();
        Map<ValueTypeKey, Long> takenBack = new HashMap<>();
        for (Change c : issue.posting().changes()) {
            if (!(c instanceof Change.AddBucket) && !(c instanceof Change.TopUp)) {
                continue;
            }
            TransactionId source = c instanceof Change.TopUp top ? top.bucket() : ((Change.AddBucket) c).bucket().source();
            long amount = c.balanceDelta();
            Balance balance = state.balance(c.key());
            Optional<Bucket> bucket = balance.bucket(source).filter(b -> b.remaining() >= amount && !b.isDue(now));
            if (bucket.isEmpty()) {
                return Outcome.rejected(Reason.NOT_VOIDABLE, "value from this issuance was already spent or expired");
            }
            if (balance.spendable(now) - takenBack.merge(c.key(), amount, Long::sum) < 0) {
                return Outcome.rejected(Reason.NOT_VOIDABLE, "value from this issuance is reserved by a hold");
            }
            changes.add(new Change.Take(c.key(), bucket.get().slice(amount)));
        }
        return Outcome.accepted(changes);
    }

    /** Puts every spent slice back; buckets that have emptied since are recreated, which needs room for them. */
    private static Outcome<List<Change>> unredeem(LedgerEntry redeem, CardState state) {
        List<Change> changes = new ArrayList<>();
        Map<ValueTypeKey, Set<TransactionId>> recreated = new HashMap<>();
        Map<ValueTypeKey, Long> restored = new HashMap<>();
        for (Change c : redeem.posting().changes()) {
            if (c instanceof Change.Take take) {
                if (state.balance(take.key()).bucket(take.slice().source()).isEmpty()) {
                    recreated.computeIfAbsent(take.key(), k -> new HashSet<>()).add(take.slice().source());
                }
                restored.merge(take.key(), take.slice().amount(), Long::sum);
                changes.add(new Change.Restore(take.key(), take.slice()));
            }
        }
        int onCard = recreated.values().stream().mapToInt(Set::size).sum();
        for (Map.Entry<ValueTypeKey, Set<TransactionId>> e : recreated.entrySet()) {
            Optional<Rejection> room = BalanceRules.roomForBuckets(state, state.balance(e.getKey()), e.getValue().size(), onCard);
            if (room.isPresent()) {
                return Outcome.rejected(Reason.CARD_CAPACITY_EXCEEDED, room.get().detail()
                        + ": no room to recreate the buckets this redemption emptied");
            }
        }
        for (Map.Entry<ValueTypeKey, Long> e : restored.entrySet()) {
            if (state.balance(e.getKey()).total() + e.getValue() > LedgerLimits.MAX_AMOUNT) {
                return Outcome.rejected(Reason.BALANCE_LIMIT_EXCEEDED, "restoring would exceed the largest balance");
            }
        }
        return Outcome.accepted(changes);
    }
}
