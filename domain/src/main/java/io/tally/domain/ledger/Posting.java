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
 */
public record Posting(BrandId brand, CardNumber card, long sequence, TransactionId transactionId, EntryType type,
                      Instant time, Origin origin, List<Change> changes, Optional<Reference> related, long amountDue) {
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
        if (type == EntryType.VOID && related.isEmpty()) {
            throw new IllegalArgumentException("a VOID names the voided transaction");
        }
    }
}
