package io.tally.domain.checkout;

import io.tally.domain.ledger.CheckoutFacts;
import io.tally.domain.ledger.Origin;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A checkout without a card: no ledger, so its record is its commit (one conditional put). {@code voidedAt}: set once
 * by its void (one conditional update).
 */
public record AnonymousCheckout(BrandId brand, TransactionId transactionId, Instant at, Origin origin, CheckoutFacts facts,
                                Optional<Instant> voidedAt) {
    public AnonymousCheckout {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(voidedAt, "voidedAt");
    }
}
