package io.tally.domain.backoffice;

import io.tally.domain.tenant.LocationId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which of the brand's transactions to list: a timeframe {@code [from, to)} (at most {@link #MAX_SPAN}), the entry
 * types wanted (empty: all), and optionally one location, program and card set; {@code cursor} continues a listing.
 */
public record TransactionFilter(Instant from, Instant to, Set<String> types, Optional<LocationId> location,
                                Optional<String> program, Optional<String> cardSet, Optional<String> cursor) {
    /** The types a filter may name (the entry types of the list). */
    public static final List<String> TYPES = List.of("issue", "redeem", "adjust", "void", "expire", "enroll", "checkout",
            "hold", "release");
    public static final Duration MAX_SPAN = Duration.ofDays(366);

    public TransactionFilter {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        types = Set.copyOf(types);
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(cardSet, "cardSet");
        Objects.requireNonNull(cursor, "cursor");
    }

    boolean wants(BrandTransaction t) {
        return (types.isEmpty() || types.contains(t.type()))
                && location.map(l -> t.location().map(l::equals).orElse(false)).orElse(true)
                && program.map(p -> t.program().map(p::equals).orElse(false)).orElse(true)
                && cardSet.map(c -> t.cardSet().map(c::equals).orElse(false)).orElse(true);
    }
}
