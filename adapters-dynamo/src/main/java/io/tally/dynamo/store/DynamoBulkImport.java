package io.tally.dynamo.store;

import io.tally.domain.card.Card;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.ledger.LedgerEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Loads many cards, ledger entries and activity log events at once: BatchWriteItem with 25 items a request, unprocessed items
 * retried. For importing stock from another system into keys known to be free (a fresh card range, the
 * history of cards that have none yet) and for the benchmarks' large tables. The puts are unconditional,
 * so this never serves a request path: there, every write is a conditional single-item write (STYLE rule 7).
 * Items are mapped by the same enhanced-client schemas as the card and ledger adapters use; the request itself is
 * low-level (BatchWriteItem of two item types, with the unprocessed items retried).
 */
public final class DynamoBulkImport {
    private final Table table;

    DynamoBulkImport(Table table) {
        this.table = table;
    }

    /** Stores the cards (overwriting any card with the same number); returns the BatchWriteItem requests made. */
    public int cards(List<Card> cards) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(cards.size());
        cards.forEach(c -> items.add(CardItems.SCHEMA.itemToMap(c, true)));
        return table.batchPut(items);
    }

    /**
     * Stores the entries (overwriting any entry with the same card and sequence) and, with each card's first entry,
     * the claim of its ledger id (so its transaction ids lead back to it); returns the requests made.
     */
    public int ledgerEntries(List<LedgerEntry> entries) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(entries.size());
        LedgerEntry before = null;
        for (LedgerEntry e : entries) {
            Optional<LedgerEntry> previous = before != null && before.card().equals(e.card())
                    && before.sequence() == e.sequence() - 1 ? Optional.of(before) : Optional.empty();
            before = e;
            if (e.sequence() == 1 && e.stateAfter().ledgerId().isPresent()) {
                items.add(LedgerItems.LEDGER_ID.itemToMap(LedgerItems.LedgerIdItem.of(e.brand(), e.stateAfter().ledgerId().get(),
                        e.card()), true));
            }
            // imported history is not news: its entries are not in the outbox, so no events are sent for them
            LedgerItems.EntryItem stored = LedgerItems.item(e, previous);
            Map<String, AttributeValue> item = LedgerItems.ENTRY.itemToMap(new LedgerItems.EntryItem(e, false, stored.namesDue()), true);
            if (ItemSize.of(item) > ItemSize.MAX_ITEM_BYTES) {
                throw new DynamoCardLedger.EntryTooLargeException("ledger entry " + e.sequence() + " of card " + e.card()
                        + " is over DynamoDB's " + ItemSize.MAX_ITEM_BYTES + " byte item limit");
            }
            items.add(item);
        }
        return table.batchPut(items);
    }

    /**
     * Stores events in their brands' activity logs as the events consumer records them (same items; a redelivered event
     * overwrites itself); returns the requests made. For the benchmarks' large logs: no listener sees them.
     */
    public int activity(List<DomainEvent> events) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(events.size());
        events.forEach(e -> items.add(DynamoActivityLog.SCHEMA.itemToMap(e, true)));
        return table.batchPut(items);
    }
}
