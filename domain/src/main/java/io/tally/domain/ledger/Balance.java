package io.tally.domain.ledger;

import io.tally.domain.program.ValueTypeKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A card's balance of one value type: its buckets (in spending order) and its open holds (in id order).
 * Immutable; every change returns a new balance. Invariants (a violation is a bug, so it throws):
 * the total is the sum of the buckets, holds never exceed the total, nothing is negative, limits hold.
 */
public record Balance(ValueTypeKey key, List<Bucket> buckets, List<Hold> holds) {
    public Balance {
        Objects.requireNonNull(key, "key");
        buckets = buckets.stream().sorted(Bucket.SPENDING_ORDER).toList();
        holds = holds.stream().sorted(Comparator.comparing(Hold::id)).toList();
        if (buckets.size() > LedgerLimits.MAX_BUCKETS_PER_BALANCE || holds.size() > LedgerLimits.MAX_HOLDS_PER_BALANCE) {
            throw new IllegalStateException(key + ": more buckets or holds than the limits allow");
        }
        long total = sum(buckets.stream().mapToLong(Bucket::remaining).toArray());
        long held = sum(holds.stream().mapToLong(Hold::remaining).toArray());
        if (total > LedgerLimits.MAX_AMOUNT || held > total) {
            throw new IllegalStateException(key + ": holds " + held + " exceed the balance " + total);
        }
        if (buckets.stream().map(Bucket::source).distinct().count() != buckets.size()
                || holds.stream().map(Hold::id).distinct().count() != holds.size()) {
            throw new IllegalStateException(key + ": duplicate bucket or hold");
        }
    }

    public static Balance empty(ValueTypeKey key) {
        return new Balance(key, List.of(), List.of());
    }

    /**
     * The balance: all value on the card, held or not. In a state brought to now ({@link Settlement}) that includes
     * expired value kept for the holds, and nothing else that has expired.
     */
    public long total() {
        return buckets.stream().mapToLong(Bucket::remaining).sum();
    }

    public long held() {
        return holds.stream().mapToLong(Hold::remaining).sum();
    }

    /** The balance minus holds. */
    public long available() {
        return total() - held();
    }

    /** The part of the balance that is store credit. */
    public long returnRelated() {
        return buckets.stream().filter(Bucket::returnRelated).mapToLong(Bucket::remaining).sum();
    }

    /** Expired value still on the card at {@code now}: what the holds keep (in a state brought to {@code now}). */
    public long kept(Instant now) {
        return buckets.stream().filter(b -> b.isDue(now)).mapToLong(Bucket::remaining).sum();
    }

    /**
     * What may be spent or held at {@code now}, in a state brought to {@code now}: value not expired, minus what the
     * holds reserve beyond the kept expired value (docs/API.md, "Money over time").
     */
    public long spendable(Instant now) {
        long kept = kept(now);
        return Math.max(0, total() - kept - Math.max(0, held() - kept));
    }

    public Optional<Bucket> bucket(TransactionId source) {
        return buckets.stream().filter(b -> b.source().equals(source)).findFirst();
    }

    /**
     * The bucket a further issuance of this class may top up when no new bucket fits: the newest one. Within a
     * class buckets are spent oldest first, so the newest is spent last and a top-up into it stays intact (and
     * voidable) longest; voids correct recent mistakes.
     */
    public Optional<Bucket> newestOfClass(Optional<Instant> expiresAt, boolean returnRelated) {
        return buckets.stream().filter(b -> b.sameClass(expiresAt, returnRelated)).max(Comparator.comparing(Bucket::source));
    }

    public Optional<Hold> hold(TransactionId id) {
        return holds.stream().filter(h -> h.id().equals(id)).findFirst();
    }

    /**
     * Slices covering {@code amount} from the buckets in spending order, skipping due buckets unless
     * {@code includeDue}. The caller has checked that enough is there; running short is a bug.
     */
    public List<Slice> draw(long amount, Instant now, boolean includeDue) {
        List<Slice> slices = new ArrayList<>();
        long left = amount;
        for (Bucket b : buckets) {
            if (left == 0) {
                break;
            }
            if (!includeDue && b.isDue(now)) {
                continue;
            }
            long take = Math.min(left, b.remaining());
            slices.add(b.slice(take));
            left -= take;
        }
        if (left != 0) {
            throw new IllegalStateException(key + ": cannot draw " + amount + " from " + total());
        }
        return slices;
    }

    Balance withBucket(Bucket bucket) {
        List<Bucket> next = new ArrayList<>(buckets);
        next.add(bucket);
        return new Balance(key, next, holds);
    }

    Balance withTopUp(TransactionId source, long amount) {
        Bucket b = bucket(source).orElseThrow(() -> new IllegalStateException(key + ": no bucket " + source + " to top up"));
        List<Bucket> next = new ArrayList<>(buckets);
        next.remove(b);
        next.add(b.toppedUp(amount));
        return new Balance(key, next, holds);
    }

    Balance without(Slice slice) {
        Bucket b = bucket(slice.source()).orElseThrow(() -> new IllegalStateException(key + ": no bucket " + slice.source()));
        List<Bucket> next = new ArrayList<>(buckets);
        next.remove(b);
        if (b.remaining() > slice.amount()) {
            next.add(new Bucket(b.source(), b.issued(), b.remaining() - slice.amount(), b.expiresAt(), b.returnRelated()));
        } else if (b.remaining() < slice.amount()) {
            throw new IllegalStateException(key + ": bucket " + b.source() + " has less than " + slice.amount());
        }
        return new Balance(key, next, holds);
    }

    /**
     * The slice put back into its bucket, recreating the bucket (with the issued the slice recorded) if it had
     * emptied. {@code issued} never shrinks, and it is raised to what the bucket now holds when needed: with
     * top-ups a slice's recorded issued can be older than the bucket's (a bucket recreated from an early slice,
     * then topped up, then given back a later, larger slice), and issued is an upper bound of remaining, not a
     * figure any decision uses. Without top-ups the bucket's issued, the slice's and the bound are all the same.
     */
    Balance with(Slice slice) {
        List<Bucket> next = new ArrayList<>(buckets);
        Optional<Bucket> existing = bucket(slice.source());
        long remaining = slice.amount();
        long issued = slice.issued();
        if (existing.isPresent()) {
            next.remove(existing.get());
            remaining = Math.addExact(remaining, existing.get().remaining());
            issued = Math.max(Math.max(issued, existing.get().issued()), remaining);
        }
        next.add(new Bucket(slice.source(), issued, remaining, slice.expiresAt(), slice.returnRelated()));
        return new Balance(key, next, holds);
    }

    Balance withHold(Hold hold) {
        if (hold(hold.id()).isPresent()) {
            throw new IllegalStateException(key + ": hold " + hold.id() + " already open");
        }
        List<Hold> next = new ArrayList<>(holds);
        next.add(hold);
        return new Balance(key, buckets, next);
    }

    Balance withHoldReduced(TransactionId id, long amount) {
        Hold h = hold(id).orElseThrow(() -> new IllegalStateException(key + ": no open hold " + id));
        if (amount > h.remaining()) {
            throw new IllegalStateException(key + ": hold " + id + " has less than " + amount);
        }
        List<Hold> next = new ArrayList<>(holds);
        next.remove(h);
        if (h.remaining() > amount) {
            next.add(new Hold(h.id(), h.sequence(), h.amount(), h.remaining() - amount, h.expiresAt()));
        }
        return new Balance(key, buckets, next);
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            if (v < 0) {
                throw new IllegalStateException("negative amount " + v);
            }
            s = Math.addExact(s, v);
        }
        return s;
    }
}
