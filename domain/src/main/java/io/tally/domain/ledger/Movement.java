package io.tally.domain.ledger;

import io.tally.domain.program.ValueTypeKey;

/**
 * The net effect of one entry on one value type, signed: {@code balanceDelta} is the change of the balance
 * (ISSUE +, REDEEM −, EXPIRE −), {@code heldDelta} the change of the held amount (HOLD +, RELEASE −).
 */
public record Movement(ValueTypeKey key, long balanceDelta, long heldDelta) {
    /** The change of the available balance (balance − holds). */
    public long availableDelta() {
        return balanceDelta - heldDelta;
    }
}
