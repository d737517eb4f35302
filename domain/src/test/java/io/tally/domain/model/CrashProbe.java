package io.tally.domain.model;

import io.tally.domain.coupon.Coupon;
import io.tally.domain.ledger.LedgerEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Picks the {@code n}-th write of one attempt (ledger entries and coupon writes, counted together) as the one after
 * which the process dies, and remembers every write of the attempt up to it: the check must know whether the
 * operation's own entry was among them (then the operation happened and its retry must replay it; the write that died
 * may be one the same instant settles right after it) or only catch-up EXPIRE/RELEASE entries written before it (then
 * the retry performs the operation), and which coupons a checkout that is never retried left claimed.
 */
final class CrashProbe implements Predicate<LedgerEntry> {
    private final int n;
    private int writes;
    private String last;
    private final List<LedgerEntry> written = new ArrayList<>();
    private final List<Coupon> coupons = new ArrayList<>();

    CrashProbe(int n) {
        this.n = n;
    }

    @Override
    public boolean test(LedgerEntry e) {
        written.add(e);
        return count(e.type() + " " + e.transactionId() + " dated " + e.time());
    }

    boolean afterCouponWrite(Coupon c) {
        coupons.add(c);
        return count("coupon " + c.code() + (c.claim().isPresent() ? " claimed" : c.used().isPresent() ? " used" : " free"));
    }

    private boolean count(String what) {
        writes++;
        if (n > 0 && writes == n) {
            last = what;
            return true;
        }
        return false;
    }

    /** The write the attempt died after. */
    Optional<String> diedAfter() {
        return Optional.ofNullable(last);
    }

    /** Every entry the attempt wrote, the one it died after included. */
    List<LedgerEntry> written() {
        return List.copyOf(written);
    }

    /** Whether the attempt's last write of the coupon left it claimed. */
    boolean leftClaimed(String code) {
        Optional<Coupon> lastWrite = coupons.stream().filter(c -> c.code().value().equals(code)).reduce((a, b) -> b);
        return lastWrite.filter(c -> c.claim().isPresent()).isPresent();
    }
}
