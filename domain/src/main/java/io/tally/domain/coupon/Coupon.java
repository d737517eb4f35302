package io.tally.domain.coupon;

import io.tally.domain.card.CardNumber;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A one-time coupon: a code unique within the brand, in a coupon set, optionally restricted to cards ({@code cards}
 * empty: anyone may present it), optionally tagged, valid in a window, used at most once. {@code version} rises by one
 * on every stored change; {@link CouponPort#update} is conditional on it, so every change of a coupon is one
 * conditional single-item write.
 *
 * <p>{@code claim}: a checkout about to use (USE) or hand out (ALLOCATE) this coupon reserved it, naming the card and
 * the ledger sequence its commit will take (anonymous checkouts: no card, sequence 0), until {@code until}. The
 * checkout's ledger entry is the commit; after it the claim is finalised (used, or allocated to the card); a claim
 * whose checkout never committed lapses and is released by whoever meets it next (see
 * {@code io.tally.domain.checkout}).
 *
 * @param allocatedAt when the coupon was handed to a card from its set's pool (by the API or a campaign); absent for
 *                    a coupon still in the pool, or loaded already restricted
 */
public record Coupon(BrandId brand, CouponCode code, CouponSetId set, Set<CardNumber> cards, Set<String> tags,
                     Optional<Instant> validFrom, Optional<Instant> validTo, Optional<Instant> allocatedAt,
                     Optional<Usage> used, Optional<Claim> claim, long version) {
    /** At most this many cards per coupon and tags per coupon. */
    public static final int MAX_CARDS = 10;
    public static final int MAX_TAGS = 20;

    public Coupon {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(set, "set");
        cards = Collections.unmodifiableSet(new TreeSet<>(cards == null ? Set.of() : cards));
        tags = Collections.unmodifiableSet(new TreeSet<>(tags == null ? Set.of() : tags));
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        Objects.requireNonNull(allocatedAt, "allocatedAt");
        Objects.requireNonNull(used, "used");
        Objects.requireNonNull(claim, "claim");
        if (cards.size() > MAX_CARDS || tags.size() > MAX_TAGS) {
            throw new IllegalArgumentException("a coupon has at most " + MAX_CARDS + " cards and " + MAX_TAGS + " tags");
        }
        for (String tag : tags) {
            if (!validTag(tag)) {
                throw new IllegalArgumentException("a coupon tag is 1-64 letters, digits, '_', '.', '-' or ' '");
            }
        }
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
    }

    public static boolean validTag(String tag) {
        return tag != null && tag.matches("[A-Za-z0-9_.\\- ]{1,64}") && !tag.isBlank();
    }

    /** A new coupon as a bulk load or the API creates it: unused, unclaimed, version 1. */
    public static Coupon fresh(BrandId brand, CouponCode code, CouponSetId set, Set<CardNumber> cards, Set<String> tags,
                               Optional<Instant> validFrom, Optional<Instant> validTo) {
        return new Coupon(brand, code, set, cards, tags, validFrom, validTo, Optional.empty(), Optional.empty(),
                Optional.empty(), 1);
    }

    /** In its set's pool: not restricted to any card, never allocated, not used. */
    public boolean inPool() {
        return cards.isEmpty() && allocatedAt.isEmpty() && used.isEmpty();
    }

    /** Claimed by a checkout whose claim has not lapsed at {@code now}. */
    public boolean claimedAt(Instant now) {
        return claim.filter(c -> c.until().isAfter(now)).isPresent();
    }

    /** The next version with the given changes (the caller says what changes; the version moves on by one). */
    public Coupon with(Set<CardNumber> newCards, Set<String> newTags, Optional<Instant> newAllocatedAt,
                       Optional<Usage> newUsed, Optional<Claim> newClaim) {
        return new Coupon(brand, code, set, newCards, newTags, validFrom, validTo, newAllocatedAt, newUsed, newClaim,
                version + 1);
    }

    /**
     * How a coupon was used: when, and (by a checkout) by which transaction on which card; marked used by the API: no
     * transaction.
     */
    public record Usage(Instant at, Optional<TransactionId> transactionId, Optional<CardNumber> card) {
        public Usage {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(transactionId, "transactionId");
            Objects.requireNonNull(card, "card");
        }
    }

    /** What a checkout reserved this coupon for. */
    public enum Purpose {
        /** Presented and about to be used by the checkout. */
        USE,
        /** Drawn from its set's pool by a campaign result, about to be allocated to the checkout's card. */
        ALLOCATE
    }

    /**
     * A checkout's reservation: {@code key} names the checkout (stable across its retries), {@code card} and
     * {@code sequence} the ledger entry its commit will be (none for an anonymous checkout: its record is the commit).
     */
    public record Claim(String key, Optional<CardNumber> card, long sequence, Purpose purpose, Instant until) {
        public Claim {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(until, "until");
            if (key.isBlank() || key.length() > 200) {
                throw new IllegalArgumentException("a claim key is 1-200 characters");
            }
            if (sequence < 0) {
                throw new IllegalArgumentException("negative sequence");
            }
        }
    }

    @Override
    public String toString() {
        return "Coupon[" + brand + " " + code + " set " + set + " v" + version + (used.isPresent() ? " used" : "")
                + (claim.isPresent() ? " claimed" : "") + "]";
    }
}
