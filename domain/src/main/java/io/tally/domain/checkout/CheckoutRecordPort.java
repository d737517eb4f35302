package io.tally.domain.checkout;

import io.tally.domain.ledger.TransactionId;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.Optional;

/** Records of anonymous checkouts (card checkouts live in the card's ledger). */
public interface CheckoutRecordPort {
    /** Stores the record only if its transaction id is free; false when taken. */
    boolean create(AnonymousCheckout checkout);

    /** The record, read strongly consistently; another brand's is absent. */
    Optional<AnonymousCheckout> find(BrandId brand, TransactionId id);

    /** Marks it voided at {@code at} only if it is not voided yet; false when it was (or does not exist). */
    boolean markVoided(BrandId brand, TransactionId id, Instant at);
}
