package io.tally.domain.ledger;

/**
 * Names one ledger entry to the merchant (receipts, void, redeem-from-hold). A numeric string, so that
 * integrations which store it as a number keep working; see {@link TransactionIds} for how it is made.
 */
public record TransactionId(String value) implements Comparable<TransactionId> {
    public static final int MAX_LENGTH = 32;

    public TransactionId {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("a transaction id is 1-" + MAX_LENGTH + " digits");
        }
    }

    /** Numeric order (shorter is smaller), which for ids made by {@link TransactionIds} is time order. */
    @Override
    public int compareTo(TransactionId other) {
        int byLength = Integer.compare(value.length(), other.value.length());
        return byLength != 0 ? byLength : value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    // Written out, not generated: docs/PERFORMANCE.md, "Records written out".
    @Override
    public boolean equals(Object o) {
        return o instanceof TransactionId other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
