package io.tally.dynamo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.contract.CardLedgerPortContract;
import io.tally.domain.contract.ContractData;
import io.tally.domain.ledger.Bucket;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.ledger.CardState;
import io.tally.domain.ledger.Change;
import io.tally.domain.ledger.EntryType;
import io.tally.domain.ledger.HistoryPage;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.LedgerRules;
import io.tally.domain.ledger.Origin;
import io.tally.domain.ledger.Posting;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * The {@link CardLedgerPortContract} against the DynamoDB adapter on dynalite (one table per class; fresh ids per
 * test), plus what only this adapter has: the sweep index's hygiene and the binary-searched history.
 */
@ExtendWith(DynaliteExtension.class)
class DynamoCardLedgerPortContractIT extends CardLedgerPortContract {
    private CardLedgerPort port;
    private DynamoTestTable table;

    @BeforeEach
    void port(DynamoTestTable table) {
        this.table = table;
        port = new DynamoStorage(table.client(), table.tableName()).cardLedger();
    }

    @Override
    protected CardLedgerPort port() {
        return port;
    }

    @Test
    void a_stale_due_entry_leaves_the_sweep_index_and_its_content_stays() {
        BrandId brand = ContractData.freshBrand();
        CardNumber card = ContractData.freshCard();
        Instant due = ContractData.T0.plus(Duration.ofDays(40));
        List<LedgerEntry> entries = ContractData.expiringThenSpent(brand, card, due);
        port.append(entries.get(0), Optional.empty());
        port.append(entries.get(1), Optional.of(entries.get(0)));
        assertTrue(stored(card, 1).containsKey(TallyTable.GSI4.partitionKey()), "entry 1 has something that expires");
        assertFalse(stored(card, 2).containsKey(TallyTable.GSI4.partitionKey()), "entry 2 has not");

        for (int shard = 0; shard < port.dueShards(); shard++) {
            Optional<String> cursor = Optional.empty();
            do {
                cursor = port.dueCards(shard, due, CardLedgerPort.MAX_DUE, cursor).next();
            } while (cursor.isPresent());
        }

        assertFalse(stored(card, 1).containsKey(TallyTable.GSI4.partitionKey()), "the sweeper's stale hit left the index");
        assertEquals(entries.get(0), port.entry(brand, card, 1).orElseThrow());
    }

    @Test
    void history_finds_its_start_in_a_long_ledger_with_repeated_instants_and_pages_to_the_end() {
        BrandId brand = ContractData.freshBrand();
        CardNumber card = ContractData.freshCard();
        List<LedgerEntry> ledger = issues(brand, card, 23);
        ledger.forEach(port::append);
        Instant from = ledger.get(7).time(); // shared by entries 6, 7, 8 (indexes)
        Instant to = ledger.get(19).time();
        List<LedgerEntry> expected = ledger.stream().filter(e -> !e.time().isBefore(from) && e.time().isBefore(to)).toList();

        List<LedgerEntry> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            HistoryPage page = port.history(brand, card, from, to, 4, cursor);
            seen.addAll(page.entries());
            cursor = page.next();
            pages++;
        } while (cursor.isPresent());

        assertEquals(expected, seen);
        assertEquals(3, pages, "12 entries in pages of 4, the last one knows it is the last");
        assertTrue(port.history(brand, card, to.plusSeconds(3600), Instant.MAX, 4, Optional.empty()).entries().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> port.history(brand, card, from, to, 4, Optional.of("bogus")));
    }

    /** {@code n} ISSUE entries, three per instant (entry times never decrease, but may repeat). */
    private static List<LedgerEntry> issues(BrandId brand, CardNumber card, int n) {
        List<LedgerEntry> entries = new ArrayList<>();
        CardState state = CardState.EMPTY;
        for (int i = 0; i < n; i++) {
            Instant at = ContractData.T0.plus(Duration.ofMinutes(i / 3));
            TransactionId id = new TransactionId(String.format("%013d%09d", at.toEpochMilli(), i));
            Posting p = new Posting(brand, card, i + 1, id, EntryType.ISSUE, at, Origin.system(),
                    List.of(new Change.AddBucket(ContractData.USD, new Bucket(id, 100, 100, Optional.empty(), false))),
                    Optional.empty(), 0);
            state = LedgerRules.apply(state, p);
            entries.add(new LedgerEntry(p, state));
        }
        return entries;
    }

    private Map<String, AttributeValue> stored(CardNumber card, long sequence) {
        return table.client().getItem(GetItemRequest.builder().tableName(table.tableName()).consistentRead(true)
                .key(Map.of("PK", AttributeValue.fromS(Keys.card(card.value())),
                        "SK", AttributeValue.fromS(Keys.sequenceSk(sequence)))).build()).item();
    }
}
