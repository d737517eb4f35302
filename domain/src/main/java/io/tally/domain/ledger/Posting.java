package io.tally.domain.ledger;

import io.tally.domain.card.CardNumber;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one ledger entry did, without the resulting state: the input of {@link LedgerRules#apply}.
 *
 * @param related   VOID: the voided entry; REDEEM from a hold and RELEASE of one hold: that hold
 * @param amountDue REDEEM or HOLD with redeemMaxOnOverdraw that could not cover the request: what is still owed
 * @param checkout  CHECKOUT: the sale (basket, campaigns, coupons); VOID of a committed checkout: the voided sale's
 *                  facts without its basket (the coupons to give back, the fires to take back); absent otherwise
 */
public record Posting(BrandId brand, CardNumber card, long sequence, TransactionId transactionId, EntryType type,
                      Instant time, Origin origin, List<Change> changes, Optional<Reference> related, long amountDue,
                      Optional<CheckoutFacts> checkout) {
    public Posting(BrandId brand, CardNumber card, long sequence, TransactionId transactionId, EntryType type,
                   Instant time, Origin origin, List<Change> changes, Optional<Reference> related, long amountDue) {
        this(brand, card, sequence, transactionId, type, time, origin, changes, related, amountDue, Optional.empty());
    }

    public Posting {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(related, "related");
        changes = List.copyOf(changes);
        if (sequence < 1) {
            throw new IllegalArgumentException("sequences start at 1");
        }
        if (amountDue < 0 || amountDue > LedgerLimits.MAX_AMOUNT) {
            throw new IllegalArgumentException("amountDue out of range");
        }
        Objects.requireNonNull(checkout, "checkout");
        if (type == EntryType.CHECKOUT ? checkout.isEmpty() : checkout.isPresent() && type != EntryType.VOID) {
            throw new IllegalArgumentException("a CHECKOUT records its sale, and only it and the VOID of one");
        }
        if (type == EntryType.VOID && related.isEmpty()) {
            throw new IllegalArgumentException("a VOID names the voided transaction");
        }
    }
}
