package io.tally.domain.model;

import io.tally.domain.ledger.LedgerEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Picks the {@code n}-th ledger write of one attempt as the one after which the process dies, and remembers every write
 * of the attempt up to it: the check must know whether the operation's own entry was among them (then the operation
 * happened and its retry must replay it; the write that died may be one the same instant settles right after it) or
 * only catch-up EXPIRE/RELEASE entries written before it (then the retry performs the operation).
 */
final class CrashProbe implements Predicate<LedgerEntry> {
    private final int n;
    private int writes;
    private LedgerEntry last;
    private final List<LedgerEntry> written = new ArrayList<>();

    CrashProbe(int n) {
        this.n = n;
    }

    @Override
    public boolean test(LedgerEntry e) {
        writes++;
        written.add(e);
        if (n > 0 && writes == n) {
            last = e;
            return true;
        }
        return false;
    }

    Optional<LedgerEntry> diedAfter() {
        return Optional.ofNullable(last);
    }

    /** Every entry the attempt wrote, the one it died after included. */
    List<LedgerEntry> written() {
        return List.copyOf(written);
    }
}
