package io.tally.portal.wiring;

import io.tally.domain.card.CardPort;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.dynamo.store.DynamoStorage;
import java.util.Objects;

/** The stored-value ports the portal needs (cards and their ledger). */
public record CardStores(CardPort cards, CardLedgerPort ledger) {
    public CardStores {
        Objects.requireNonNull(cards, "cards");
        Objects.requireNonNull(ledger, "ledger");
    }

    /** The DynamoDB adapters of the stored-value ports. */
    public static CardStores dynamo(DynamoStorage storage) {
        return new CardStores(storage.cards(), storage.cardLedger());
    }
}
