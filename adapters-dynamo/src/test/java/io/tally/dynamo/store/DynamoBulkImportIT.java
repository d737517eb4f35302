package io.tally.dynamo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the batch path stores reads back through the card and ledger adapters exactly as written. */
@ExtendWith(DynaliteExtension.class)
class DynamoBulkImportIT {

    @Test
    void cardsAndEntriesReadBackThroughThePorts(@DynaliteExtension.Fresh DynamoTestTable table) {
        TestWorld world = new TestWorld();
        List<Card> cards = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            CardNumber n = world.poolCard(TestWorld.BRAND);
            cards.add(world.cards.load(TestWorld.BRAND, n).orElseThrow());
        }
        CardNumber active = world.activeCard();
        for (int i = 0; i < 40; i++) {
            world.issue(active, 100 + i).value();
        }
        cards.add(world.cards.load(TestWorld.BRAND, active).orElseThrow());
        List<LedgerEntry> entries = world.ledger.all(TestWorld.BRAND, active);
        DynamoStorage storage = new DynamoStorage(table.client(), table.tableName());

        assertEquals(2, storage.bulkImport().cards(cards), "31 cards are two requests of at most 25");
        assertEquals(2, storage.bulkImport().ledgerEntries(entries));

        for (Card c : cards) {
            assertEquals(c, storage.cards().load(TestWorld.BRAND, c.number()).orElseThrow());
        }
        assertEquals(entries.get(entries.size() - 1), storage.cardLedger().head(TestWorld.BRAND, active).orElseThrow());
        assertEquals(entries.get(7), storage.cardLedger().entry(TestWorld.BRAND, active, entries.get(7).sequence()).orElseThrow());
    }
}
