package io.tally.dynamo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.contract.ContractData;
import io.tally.domain.ledger.Balance;
import io.tally.domain.ledger.Bucket;
import io.tally.domain.ledger.CardState;
import io.tally.domain.ledger.Change;
import io.tally.domain.ledger.EntryType;
import io.tally.domain.ledger.Hold;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.LedgerLimits;
import io.tally.domain.ledger.Origin;
import io.tally.domain.ledger.Posting;
import io.tally.domain.ledger.RequestMark;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The entry mapping without a network: exact round trips, and how big an entry can get. Every entry stores the
 * card's full state, so the domain's limits ({@link LedgerLimits}) decide whether an entry fits DynamoDB's 400 KB.
 */
class LedgerItemsTest {
    private static final BrandId BRAND = ContractData.freshBrand();
    private static final CardNumber CARD = ContractData.freshCard();
    private static final Instant T = Instant.parse("2025-03-01T10:00:00.123456789Z");

    @Test
    void entries_round_trip_exactly() {
        for (LedgerEntry e : ContractData.chain(BRAND, CARD)) {
            assertEquals(e, LedgerItems.entry(LedgerItems.item(e)));
        }
        LedgerEntry heavy = entry(4, 100, 20);
        assertEquals(heavy, LedgerItems.entry(LedgerItems.item(heavy)));
    }

    @Test
    void the_due_index_key_is_rounded_up_to_the_millisecond() {
        assertEquals(T.toEpochMilli() + 1, LedgerItems.ceilMillis(T));
        assertEquals(T.toEpochMilli(), LedgerItems.ceilMillis(Instant.ofEpochMilli(T.toEpochMilli())));
    }

    /**
     * Sizes measured with {@link ItemSize}: a card with 4 value types at the bucket and hold limits, full void and
     * request rings, and an EXPIRE touching all its buckets fits with room to spare; the product of the limits
     * (32 value types x 100 buckets, expired in one entry) does not, and the adapter refuses it with a clear message.
     */
    @Test
    void an_entry_fits_one_item_up_to_a_few_full_balances() {
        long heavy = ItemSize.of(LedgerItems.item(entry(4, LedgerLimits.MAX_BUCKETS_PER_BALANCE, LedgerLimits.MAX_HOLDS_PER_BALANCE)));
        long worst = ItemSize.of(LedgerItems.item(entry(LedgerLimits.MAX_BALANCES, LedgerLimits.MAX_BUCKETS_PER_BALANCE,
                LedgerLimits.MAX_HOLDS_PER_BALANCE)));
        System.out.printf("ledger entry sizes: 4 full balances %,d bytes; all %d balances full %,d bytes (limit %,d)%n",
                heavy, LedgerLimits.MAX_BALANCES, worst, ItemSize.MAX_ITEM_BYTES);

        assertTrue(heavy < ItemSize.MAX_ITEM_BYTES / 2, heavy + " bytes");
        assertFalse(worst < ItemSize.MAX_ITEM_BYTES, "if this fails, the domain limits were tightened: update ARCHITECTURE.md");
        var ledger = new DynamoCardLedger(new Table(new NoClient(), "t"));
        LedgerEntry tooBig = entry(LedgerLimits.MAX_BALANCES, LedgerLimits.MAX_BUCKETS_PER_BALANCE, 0);
        var refused = assertThrows(DynamoCardLedger.EntryTooLargeException.class, () -> ledger.append(tooBig));
        assertTrue(refused.getMessage().contains("item limit"), refused.getMessage());
    }

    /**
     * An EXPIRE entry over a state with {@code balances} value types of {@code buckets} buckets and {@code holds}
     * holds each, at the largest amounts, with the void window and request ring full and 128-character request ids.
     */
    private static LedgerEntry entry(int balances, int buckets, int holds) {
        Map<ValueTypeKey, Balance> state = new HashMap<>();
        List<Change> takes = new ArrayList<>();
        long each = LedgerLimits.MAX_AMOUNT / buckets;
        for (int v = 0; v < balances; v++) {
            ValueTypeKey key = ValueTypeKey.custom("ValueType" + v);
            List<Bucket> bs = new ArrayList<>();
            for (int b = 0; b < buckets; b++) {
                Bucket bucket = new Bucket(id(v * 1000 + b), each, each, Optional.of(T.plus(Duration.ofDays(b))), b % 2 == 0);
                bs.add(bucket);
                takes.add(new Change.Take(key, bucket.slice(1)));
            }
            List<Hold> hs = new ArrayList<>();
            for (int h = 0; h < holds; h++) {
                hs.add(new Hold(id(900_000 + v * 100 + h), 1_000_000 + h, each / holds, each / holds, T.plus(Duration.ofDays(h))));
            }
            state.put(key, new Balance(key, bs, hs));
        }
        Map<TransactionId, Long> voided = new HashMap<>();
        for (int i = 0; i < LedgerLimits.VOID_WINDOW; i++) {
            voided.put(id(500_000 + i), 2_000_000L - i);
        }
        List<RequestMark> ring = new ArrayList<>();
        for (int i = 0; i < LedgerLimits.REQUEST_RING; i++) {
            ring.add(new RequestMark("r".repeat(LedgerLimits.MAX_REQUEST_ID - 4) + String.format("%04d", i),
                    "0123456789abcdef0123456789abcdef", id(600_000 + i), 1_999_000L + i));
        }
        long sequence = 2_000_001L;
        CardState after = new CardState(sequence, state, voided, ring, Optional.of(T));
        Posting posting = new Posting(BRAND, CARD, sequence, id(700_000), EntryType.EXPIRE, T, Origin.system(), takes,
                Optional.empty(), 0);
        return new LedgerEntry(posting, after);
    }

    private static TransactionId id(int n) {
        return new TransactionId(String.format("%013d%09d", T.toEpochMilli(), n));
    }

    /** A client that must not be called: the size check comes before any request. */
    private static final class NoClient implements software.amazon.awssdk.services.dynamodb.DynamoDbClient {
        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }
}
