package io.tally.domain.model;

import io.tally.domain.ledger.LedgerEntry;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Picks the {@code n}-th ledger write of one attempt as the one after which the process dies, and remembers it: the
 * check must know whether that write was the operation's own entry (then the operation happened and its retry must
 * replay it) or a catch-up EXPIRE/RELEASE written before it (then the retry performs the operation).
 */
final class CrashProbe implements Predicate<LedgerEntry> {
    private final int n;
    private int writes;
    private LedgerEntry last;

    CrashProbe(int n) {
        this.n = n;
    }

    @Override
    public boolean test(LedgerEntry e) {
        writes++;
        if (n > 0 && writes == n) {
            last = e;
            return true;
        }
        return false;
    }

    Optional<LedgerEntry> diedAfter() {
        return Optional.ofNullable(last);
    }
}
