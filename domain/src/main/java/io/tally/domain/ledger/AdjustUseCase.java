package io.tally.domain.ledger;

import io.tally.domain.card.CardNumber;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.shared.Fingerprint;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.domain.shared.Rejection;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The glossary's adjust: a correction of one balance by the back office, signed, with a mandatory reason, as one
 * ADJUST entry (one conditional append, like every balance change).
 * <ul>
 * <li>An increase adds a bucket that never expires (or tops one up when the card has no room for another bucket,
 * like an issuance). The value type's maximum balance applies; its minimum and maximum issuance do not: a
 * correction is not a sale.</li>
 * <li>A decrease takes from the spendable balance (unexpired value not reserved by holds), in spending order, and
 * never more: asking for more than is spendable is INSUFFICIENT_FUNDS (the correction is never partly applied).</li>
 * <li>Idempotent on the staff action's key (the card's request ring, like a merchant customRequestId): a repeat
 * answers the first entry.</li>
 * <li>An inactive card is refused like every other money movement (CARD_NOT_ACTIVE): reactivate it first.</li>
 * <li>Not voidable (VoidUseCase voids issuances, redemptions and checkouts only): a wrong adjustment is corrected
 * by another adjustment, and both stay in the card's history and in the audit log.</li>
 * </ul>
 */
public final class AdjustUseCase {
    private final CardLedgerWriter writer;
    private final LoadProgramsPort programs;

    public AdjustUseCase(CardLedgerWriter writer, LoadProgramsPort programs) {
        this.writer = writer;
        this.programs = programs;
    }

    /**
     * {@code amount}: signed, in minor units of the value type, never zero. {@code key}: the action's idempotency key
     * (unique per brand). {@code requestRef}: what the entry is filed under (the back office's request reference).
     */
    public record AdjustCommand(BrandId brand, CardNumber card, ValueTypeKey valueType, long amount, String reason,
                                String key, String requestRef) {
        public AdjustCommand {
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(valueType, "valueType");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(requestRef, "requestRef");
        }

        String fingerprint() {
            return Fingerprint.of("adjust", card.value(), valueType.asText(), amount, reason);
        }

        Optional<Rejection> check() {
            if (reason.isBlank() || reason.length() > LedgerLimits.MAX_NOTE) {
                return Optional.of(Rejection.of(Reason.INVALID_REQUEST, "a reason (at most " + LedgerLimits.MAX_NOTE
                        + " characters) is required"));
            }
            if (key.isBlank() || key.length() > LedgerLimits.MAX_REQUEST_ID || requestRef.length() > LedgerLimits.MAX_REQUEST_ID) {
                return Optional.of(Rejection.of(Reason.INVALID_REQUEST, "the action key is 1-" + LedgerLimits.MAX_REQUEST_ID + " characters"));
            }
            if (amount == 0 || amount == Long.MIN_VALUE) {
                return Optional.of(Rejection.of(Reason.INVALID_AMOUNT, "an adjustment is a non-zero amount"));
            }
            return BalanceRules.amount(Math.abs(amount));
        }

        Origin origin() {
            return new Origin(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(reason),
                    Optional.of(requestRef), Optional.of(new Origin.RequestKey(key, fingerprint())));
        }
    }

    public Outcome<BalanceResult> adjust(AdjustCommand c) {
        Optional<Rejection> invalid = c.check();
        if (invalid.isPresent()) {
            return Outcome.rejected(invalid.get());
        }
        CardLedgerWriter.Target target = new CardLedgerWriter.Target(c.brand(), c.card(), c.origin(), Optional.empty(), true);
        return writer.write(target, (card, state, txn, now) -> BalanceRules.valueType(programs, card, c.valueType())
                .flatMap(type -> decide(type, state, txn, now, c))).map(BalanceResult::of);
    }

    static Outcome<Optional<CardLedgerWriter.Draft>> decide(ValueType type, CardState state, TransactionId txn,
                                                           Instant now, AdjustCommand c) {
        Balance balance = state.balance(type.key());
        if (c.amount() > 0) {
            long max = type.limits().maxBalance() > 0
                    ? Math.min(type.limits().maxBalance(), LedgerLimits.MAX_AMOUNT) : LedgerLimits.MAX_AMOUNT;
            if (balance.total() + c.amount() > max) {
                return Outcome.rejected(Reason.BALANCE_LIMIT_EXCEEDED, type.key() + " balances are at most " + type.format(max));
            }
            Bucket bucket = new Bucket(txn, c.amount(), c.amount(), Optional.empty(), false);
            return BalanceRules.placement(state, type.key(), bucket)
                    .map(change -> Optional.of(CardLedgerWriter.Draft.of(EntryType.ADJUST, List.of(change))));
        }
        long taken = -c.amount();
        long spendable = balance.spendable(now);
        if (taken > spendable) {
            return Outcome.rejected(Reason.INSUFFICIENT_FUNDS, "the available " + type.key() + " balance is " + type.format(spendable));
        }
        List<Change> takes = balance.draw(taken, now, false).stream()
                .<Change>map(s -> new Change.Take(type.key(), s)).toList();
        return BalanceRules.draft(CardLedgerWriter.Draft.of(EntryType.ADJUST, takes));
    }
}
