package io.tally.domain.ledger;

import io.tally.domain.card.CardNumber;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.shared.Fingerprint;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.domain.shared.Rejection;
import io.tally.domain.tenant.MerchantContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Adds value to a card: one new bucket, optionally expiring, optionally store credit (returnRelated); when the
 * balance or the card has no room for another bucket, a top-up of a bucket of the same class
 * ({@link BalanceRules#placement}).
 */
public final class IssueUseCase {
    private final CardLedgerWriter writer;
    private final LoadProgramsPort programs;

    public IssueUseCase(CardLedgerWriter writer, LoadProgramsPort programs) {
        this.writer = writer;
        this.programs = programs;
    }

    /** {@code amount} in minor units of the value type; {@code pin} present when forcePinValidation was asked. */
    public record IssueCommand(MerchantContext context, RequestInfo info, CardNumber card, ValueTypeKey valueType,
                               long amount, Optional<Instant> expiresAt, boolean returnRelated, Optional<String> pin) {
        public IssueCommand {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(valueType, "valueType");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(pin, "pin");
        }

        String fingerprint() {
            return Fingerprint.of("issue", card.value(), valueType.asText(), amount, expiresAt.map(Instant::toString).orElse(""),
                    returnRelated);
        }
    }

    /**
     * A campaign's award: {@code units} of the value type, a decimal in its unit floored to its minor units (nothing
     * left after flooring is a rejection). Same limits and idempotency as {@link #issue}; the request ring is keyed by
     * the caller's {@code info.customRequestId()}.
     */
    public record AwardCommand(MerchantContext context, RequestInfo info, CardNumber card, ValueTypeKey valueType,
                               BigDecimal units) {
        public AwardCommand {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(valueType, "valueType");
            Objects.requireNonNull(units, "units");
        }
    }

    public Outcome<BalanceResult> award(AwardCommand c) {
        String fingerprint = Fingerprint.of("award", c.card().value(), c.valueType().asText(), c.units().toPlainString());
        return BalanceChange.write(writer, programs, c.context(), c.info(), c.card(), c.valueType(), fingerprint,
                Optional.empty(), (type, state, txn, now) -> {
                    long minor = c.units().movePointRight(type.scale()).setScale(0, RoundingMode.DOWN).longValueExact();
                    if (minor <= 0) {
                        return Outcome.rejected(Reason.INVALID_REQUEST, "an award of " + c.units().toPlainString() + " "
                                + type.key() + " is less than one minor unit");
                    }
                    return decide(type, state, txn, now, new IssueCommand(c.context(), c.info(), c.card(), c.valueType(),
                            minor, Optional.empty(), false, Optional.empty()));
                });
    }

    public Outcome<BalanceResult> issue(IssueCommand c) {
        return BalanceChange.write(writer, programs, c.context(), c.info(), c.card(), c.valueType(), c.fingerprint(),
                c.pin(), (type, state, txn, now) -> decide(type, state, txn, now, c));
    }

    private static Outcome<Optional<CardLedgerWriter.Draft>> decide(ValueType type, CardState state, TransactionId txn,
                                                                   Instant now, IssueCommand c) {
        if (c.expiresAt().isPresent()
                && (!c.expiresAt().get().isAfter(now) || c.expiresAt().get().isAfter(now.plus(LedgerLimits.MAX_EXPIRY)))) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "issuedBalanceExpiration must be in the future (at most 100 years)");
        }
        Optional<Rejection> limits = BalanceRules.issue(type, state.balance(type.key()), c.amount());
        if (limits.isPresent()) {
            return Outcome.rejected(limits.get());
        }
        Bucket bucket = new Bucket(txn, c.amount(), c.amount(), c.expiresAt(), c.returnRelated());
        return BalanceRules.placement(state, type.key(), bucket)
                .map(change -> Optional.of(CardLedgerWriter.Draft.of(EntryType.ISSUE, List.of(change))));
    }
}
