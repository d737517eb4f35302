package io.tally.lambda.merchant;

import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Rejection;
import java.util.Optional;

/**
 * Collects the parsed fields of one request and remembers the first rejection, so that a method reads its
 * fields top to bottom and answers with the first problem in field order.
 */
final class Input {
    private Rejection first;

    /** The accepted value, or {@code fallback} after remembering the rejection (the first one wins). */
    <T> T take(Outcome<T> outcome, T fallback) {
        if (outcome instanceof Outcome.Rejected<T> r) {
            if (first == null) {
                first = r.rejection();
            }
            return fallback;
        }
        return outcome.value();
    }

    boolean failed() {
        return first != null;
    }

    Optional<Rejection> rejection() {
        return Optional.ofNullable(first);
    }

    /** The first rejection as the method's answer; only after {@link #failed()}. */
    <T> Outcome<T> rejected() {
        return Outcome.rejected(first);
    }
}
