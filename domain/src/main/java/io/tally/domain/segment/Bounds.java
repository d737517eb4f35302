package io.tally.domain.segment;

import java.util.Optional;

/**
 * An inclusive range of whole numbers, open on a side that is absent ("at least 3", "at most 100", "2 to 5").
 * Amounts are in the value type's minor units, like everything that counts money.
 */
public record Bounds(Optional<Long> min, Optional<Long> max) {
    public static final Bounds ANY = new Bounds(Optional.empty(), Optional.empty());

    public Bounds {
        if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
            throw new IllegalArgumentException("min " + min.get() + " is above max " + max.get());
        }
    }

    public static Bounds atLeast(long min) {
        return new Bounds(Optional.of(min), Optional.empty());
    }

    public static Bounds atMost(long max) {
        return new Bounds(Optional.empty(), Optional.of(max));
    }

    public static Bounds between(long min, long max) {
        return new Bounds(Optional.of(min), Optional.of(max));
    }

    public boolean contains(long value) {
        return min.map(m -> value >= m).orElse(true) && max.map(m -> value <= m).orElse(true);
    }

    /** For decimal field values (a number field may hold {@code 3.5}). */
    public boolean contains(double value) {
        return min.map(m -> value >= m).orElse(true) && max.map(m -> value <= m).orElse(true);
    }
}
