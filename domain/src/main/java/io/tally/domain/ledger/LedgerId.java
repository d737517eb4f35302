package io.tally.domain.ledger;

import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.ZeroPadded;

/**
 * A card's number among its brand's ledgers: {@value #DIGITS} digits, claimed once per card when its first entry is
 * written ({@link CardLedgerPort#claimLedgerId}), so no two cards of a brand ever share one. It is the middle of every
 * transaction id of the card ({@link TransactionIds}), which is what makes those ids unique by construction and
 * lets an id lead back to exactly one card without an index. Random rather than counted: a counter would be one hot
 * item for the whole brand.
 */
public record LedgerId(String value) {
    public static final int DIGITS = 10;
    private static final int HALF = 100_000;

    public LedgerId {
        if (value == null || value.length() != DIGITS || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("a ledger id is " + DIGITS + " digits");
        }
    }

    /** A random candidate; the claim decides whether it is free. */
    public static LedgerId random(RandomSource random) {
        return new LedgerId(ZeroPadded.of(random.nextInt(HALF), 5) + ZeroPadded.of(random.nextInt(HALF), 5));
    }

    @Override
    public String toString() {
        return value;
    }

    // Written out, not generated: docs/PERFORMANCE.md, "Records written out".
    @Override
    public boolean equals(Object o) {
        return o instanceof LedgerId other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
