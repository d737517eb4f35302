package io.tally.domain.ledger;

import io.tally.domain.card.CardNumber;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.shared.Outcome;
import io.tally.domain.tenant.MerchantContext;
import java.util.Objects;
import java.util.Optional;

/** Frees what a hold still reserves without spending it: a capture of 0 with releaseHoldRemainder. */
public final class ReleaseHoldUseCase {
    private final RedeemFromHoldUseCase redeemFromHold;

    public ReleaseHoldUseCase(RedeemFromHoldUseCase redeemFromHold) {
        this.redeemFromHold = redeemFromHold;
    }

    public record ReleaseHoldCommand(MerchantContext context, RequestInfo info, CardNumber card,
                                     ValueTypeKey valueType, TransactionId hold, Optional<String> pin) {
        public ReleaseHoldCommand {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(valueType, "valueType");
            Objects.requireNonNull(hold, "hold");
            Objects.requireNonNull(pin, "pin");
        }
    }

    public Outcome<BalanceResult> release(ReleaseHoldCommand c) {
        return redeemFromHold.redeem(new RedeemFromHoldUseCase.RedeemFromHoldCommand(c.context(), c.info(), c.card(),
                c.valueType(), c.hold(), 0, true, false, c.pin()));
    }
}
