package io.tally.domain.ledger;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * Value from one issuance, as much of it as is left. Buckets exist so that expiring value and store
 * credit can be told apart and spent in a fixed order ({@link #SPENDING_ORDER}). Empty buckets are dropped.
 * When a balance is at its bucket limits, a further issuance of the same class (same expiry, same store-credit
 * flag) tops up an existing bucket instead ({@link Change.TopUp}), so one bucket can hold several issuances.
 *
 * @param source        the ISSUE that created it
 * @param issued        how much was put into it: its issuance plus top-ups (an upper bound of remaining; a
 *                      void takes value out without lowering it, see {@link Balance#with(Slice)} for restores)
 * @param remaining     how much is left, 1..issued
 * @param expiresAt     when the value expires; empty for value that never does
 * @param returnRelated store credit from a return rather than value bought or earned
 */
public record Bucket(TransactionId source, long issued, long remaining, Optional<Instant> expiresAt,
                     boolean returnRelated) {
    /**
     * Earliest expiry first, so that the holder loses as little as possible; value that never expires last.
     * At equal expiry, regular value before store credit: store credit stands for goods already returned,
     * and keeping it intact longest keeps the return voidable (a return rung up in error is the common
     * correction at a till) and keeps the return-related balance reportable until the holder spends it.
     * Then oldest issuance first.
     */
    public static final Comparator<Bucket> SPENDING_ORDER = Comparator
            .comparing((Bucket b) -> b.expiresAt().orElse(Instant.MAX))
            .thenComparing(Bucket::returnRelated)
            .thenComparing(Bucket::source);

    public Bucket {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (remaining < 1 || remaining > issued) {
            throw new IllegalStateException("bucket " + source + " remaining " + remaining + " outside 1.." + issued);
        }
    }

    public boolean isDue(Instant now) {
        return expiresAt.isPresent() && !expiresAt.get().isAfter(now);
    }

    public boolean untouched() {
        return remaining == issued;
    }

    /** Same expiry (both absent counts as the same) and same store-credit flag: value that could share a bucket. */
    public boolean sameClass(Optional<Instant> otherExpiresAt, boolean otherReturnRelated) {
        return expiresAt.equals(otherExpiresAt) && returnRelated == otherReturnRelated;
    }

    /** This bucket with {@code amount} more issued into it. */
    Bucket toppedUp(long amount) {
        return new Bucket(source, Math.addExact(issued, amount), Math.addExact(remaining, amount), expiresAt, returnRelated);
    }

    /** A part of this bucket, as recorded in a ledger entry. */
    public Slice slice(long amount) {
        return new Slice(source, amount, issued, expiresAt, returnRelated);
    }

    // Written out, not generated: docs/PERFORMANCE.md, "Records written out".
    @Override
    public boolean equals(Object o) {
        return o instanceof Bucket other && source.equals(other.source) && issued == other.issued
                && remaining == other.remaining && expiresAt.equals(other.expiresAt) && returnRelated == other.returnRelated;
    }

    @Override
    public int hashCode() {
        int h = source.hashCode();
        h = 31 * h + Long.hashCode(issued);
        h = 31 * h + Long.hashCode(remaining);
        h = 31 * h + expiresAt.hashCode();
        return 31 * h + Boolean.hashCode(returnRelated);
    }
}
