package io.tally.domain.model;

import java.time.Instant;

/** A reservation: what it still reserves and when it lapses. Closed holds stay known, to answer HOLD_CLOSED. */
final class ModelHold {
    final String id;
    final Instant lapse;
    long remaining;
    boolean open = true;

    ModelHold(String id, long amount, Instant lapse) {
        this.id = id;
        this.remaining = amount;
        this.lapse = lapse;
    }
}
