package io.tally.domain.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * The value of one issuance that is still on the card. A lot whose expiry has passed and that still holds value is
 * <em>kept</em> value: the spec lets expired value stay only while open holds need it. Lots are never merged (the
 * spec's top-ups only happen at the bucket limit, which the check never reaches) and never dropped, so a void of a
 * redemption always finds the lot it gives back to.
 */
final class Lot {
    /**
     * The spec's spending order: earliest expiry first, value that never expires last, regular value before store
     * credit of the same expiry, then oldest issuance first. Kept value has the earliest expiry of all, so a capture
     * that spends "kept value first" is this order too.
     */
    static final Comparator<Lot> SPENDING_ORDER = Comparator
            .comparing((Lot l) -> l.expiry.orElse(Instant.MAX))
            .thenComparing(l -> l.storeCredit)
            .thenComparingLong(l -> l.order);

    final String source;
    final long issued;
    final Optional<Instant> expiry;
    final boolean storeCredit;
    final long order;
    long remaining;

    Lot(String source, long issued, Optional<Instant> expiry, boolean storeCredit, long order) {
        this.source = source;
        this.issued = issued;
        this.expiry = expiry;
        this.storeCredit = storeCredit;
        this.order = order;
        this.remaining = issued;
    }

    /** Expired from its expiry instant on, at the instant itself too. */
    boolean expiredAt(Instant t) {
        return expiry.isPresent() && !expiry.get().isAfter(t);
    }

    boolean expiresAt(Instant t) {
        return expiry.isPresent() && expiry.get().equals(t);
    }

    @Override
    public String toString() {
        return source + ":" + remaining + "/" + issued + expiry.map(e -> "@" + e).orElse("") + (storeCredit ? "(sc)" : "");
    }
}
