package io.tally.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What the model says a request answers: accepted (with the overdraw report of redeemMaxOnOverdraw) or refused.
 *
 * @param refusal     present when the request is turned down
 * @param didOverdraw the request asked for more than there was and took what there was
 * @param amountDue   what is still owed when it overdrew, else 0
 */
public record Answer(Optional<Refusal> refusal, boolean didOverdraw, long amountDue) {
    public Answer {
        Objects.requireNonNull(refusal, "refusal");
    }

    static Answer accepted() {
        return new Answer(Optional.empty(), false, 0);
    }

    static Answer overdrawn(long due) {
        return new Answer(Optional.empty(), true, due);
    }

    static Answer refused(Refusal why) {
        return new Answer(Optional.of(why), false, 0);
    }

    public boolean isAccepted() {
        return refusal.isEmpty();
    }

    @Override
    public String toString() {
        return refusal.map(r -> "refused " + r)
                .orElse(didOverdraw ? "accepted, overdrew, due " + amountDue : "accepted");
    }
}
