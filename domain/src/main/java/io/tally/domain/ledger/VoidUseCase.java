package io.tally.domain.ledger;

import io.tally.domain.card.CardNumber;
import io.tally.domain.shared.Fingerprint;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.domain.shared.Rejection;
import io.tally.domain.tenant.MerchantContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The immediate reversal of an ISSUE or REDEEM, exactly once. Rules:
 * <ul>
 * <li>Only among the card's last {@link LedgerLimits#VOID_WINDOW} entries; the head state remembers voided ids
 * within that window, so "already voided" is decided from the one head read, never from the eventually
 * consistent transaction-id index (which is only used to find the card).</li>
 * <li>An ISSUE is voidable only while its bucket is untouched and the rest of the balance still covers the
 * holds. A partly spent issuance is NOT_VOIDABLE rather than "void what remains": a void is a cashier undoing
 * a mistake and refunding the full amount, and a partial void would leave till and card disagreeing; the
 * merchant can redeem what is left instead.</li>
 * <li>A REDEEM is voided by putting each spent slice back into its bucket (recreated with its original expiry
 * if it emptied; value whose expiry has passed meanwhile is then swept as usual). A capture from a hold gives
 * the value back to the balance, not to the hold.</li>
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
        Optional<LedgerEntry> target = ledger.byTransactionId(c.context().brand(), c.transactionId())
                .filter(e -> c.card().map(e.card()::equals).orElse(true));
        if (target.isEmpty()) {
            return Outcome.rejected(Reason.TRANSACTION_NOT_FOUND, "no transaction " + c.transactionId());
        }
        LedgerEntry voided = target.get();
        String fingerprint = Fingerprint.of("void", voided.card().value(), c.transactionId().value());
        CardLedgerWriter.Target t = new CardLedgerWriter.Target(c.context().brand(), voided.card(),
                Origin.of(c.context(), c.info(), fingerprint), Optional.empty(), true);
        return writer.write(t, (card, state, txn, now) -> decide(voided, state)).map(BalanceResult::of);
    }

    static Outcome<Optional<CardLedgerWriter.Draft>> decide(LedgerEntry voided, CardState state) {
        TransactionId id = voided.transactionId();
        if (voided.type() != EntryType.ISSUE && voided.type() != EntryType.REDEEM) {
            return Outcome.rejected(Reason.NOT_VOIDABLE, "only issuances and redemptions can be voided, not " + voided.type());
        }
        if (state.sequence() + 1 - voided.sequence() > LedgerLimits.VOID_WINDOW) {
            return Outcome.rejected(Reason.NOT_VOIDABLE, "only a card's last " + LedgerLimits.VOID_WINDOW + " transactions can be voided");
        }
        if (state.isVoided(id)) {
            return Outcome.rejected(Reason.ALREADY_VOIDED, "transaction " + id + " was already voided");
        }
        Outcome<List<Change>> reversal = voided.type() == EntryType.ISSUE ? unissue(voided, state) : unredeem(voided, state);
        return reversal.map(changes -> Optional.of(new CardLedgerWriter.Draft(EntryType.VOID, changes,
                Optional.of(new Reference(id, voided.sequence())), 0)));
    }

    private static Outcome<List<Change>> unissue(LedgerEntry issue, CardState state) {
        List<Change> changes = new ArrayList<>();
        for (Change c : issue.posting().changes()) {
            Change.AddBucket added = (Change.AddBucket) c;
            Balance balance = state.balance(added.key());
            Optional<Bucket> bucket = balance.bucket(added.bucket().source()).filter(Bucket::untouched);
            if (bucket.isEmpty()) {
                return Outcome.rejected(Reason.NOT_VOIDABLE, "value from this issuance was already spent or expired");
            }
            if (balance.total() - bucket.get().issued() < balance.held()) {
                return Outcome.rejected(Reason.NOT_VOIDABLE, "value from this issuance is reserved by a hold");
            }
            changes.add(new Change.Take(added.key(), bucket.get().slice(bucket.get().issued())));
        }
        return Outcome.accepted(changes);
    }

    private static Outcome<List<Change>> unredeem(LedgerEntry redeem, CardState state) {
        List<Change> changes = new ArrayList<>();
        for (Change c : redeem.posting().changes()) {
            if (c instanceof Change.Take take) {
                Balance balance = state.balance(take.key());
                boolean recreates = balance.bucket(take.slice().source()).isEmpty();
                if (recreates && balance.buckets().size() >= LedgerLimits.MAX_BUCKETS_PER_BALANCE) {
                    return Outcome.rejected(Reason.CARD_CAPACITY_EXCEEDED, "the card holds too many separate issuances to restore this one");
                }
                if (balance.total() + take.slice().amount() > LedgerLimits.MAX_AMOUNT) {
                    return Outcome.rejected(Reason.BALANCE_LIMIT_EXCEEDED, "restoring would exceed the largest balance");
                }
                changes.add(new Change.Restore(take.key(), take.slice()));
            }
        }
        return Outcome.accepted(changes);
    }
}
