package io.tally.dynamo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.campaign.Basket;
import io.tally.domain.campaign.Campaign;
import io.tally.domain.campaign.CheckoutConfig;
import io.tally.domain.card.CardNumber;
import io.tally.domain.contract.ContractData;
import io.tally.domain.coupon.CouponPort;
import io.tally.domain.ledger.Balance;
import io.tally.domain.ledger.Bucket;
import io.tally.domain.ledger.CardState;
import io.tally.domain.ledger.Change;
import io.tally.domain.ledger.CheckoutFacts;
import io.tally.domain.ledger.CheckoutStats;
import io.tally.domain.ledger.EntryType;
import io.tally.domain.ledger.Hold;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.LedgerId;
import io.tally.domain.ledger.LedgerLimits;
import io.tally.domain.ledger.Origin;
import io.tally.domain.ledger.Posting;
import io.tally.domain.ledger.Reference;
import io.tally.domain.ledger.RequestMark;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.EmployeeId;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.TerminalId;
import java.time.Duration;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The entry mapping without a network: exact round trips, and how big an entry can get. Every entry stores the
 * card's full state, so the domain's limits ({@link LedgerLimits}) decide whether an entry fits DynamoDB's 400 KB.
 */
class LedgerItemsTest {
    /** The item the enhanced client stores for an entry (its schema, nulls left out as on a PutItem). */
    static java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> stored(LedgerEntry e) {
        return LedgerItems.ENTRY.itemToMap(LedgerItems.item(e, Optional.empty()), true);
    }

    static LedgerEntry roundTrip(LedgerEntry e) {
        return LedgerItems.ENTRY.mapToItem(stored(e)).entry();
    }

    private static final BrandId BRAND = ContractData.freshBrand();
    private static final CardNumber CARD = ContractData.freshCard();
    private static final Instant T = Instant.parse("2025-03-01T10:00:00.123456789Z");

    @Test
    void entries_round_trip_exactly() {
        for (LedgerEntry e : ContractData.chain(BRAND, CARD)) {
            assertEquals(e, roundTrip(e));
        }
        LedgerEntry heavy = entry(4, 100, 20);
        assertEquals(heavy, roundTrip(heavy));
    }

    @Test
    void a_top_up_round_trips() {
        List<LedgerEntry> chain = ContractData.chain(BRAND, CARD);
        LedgerEntry topUp = chain.get(chain.size() - 1);

        assertTrue(topUp.posting().changes().get(0) instanceof Change.TopUp, "the contract chain ends with a top-up");
        assertEquals(topUp, roundTrip(topUp));
        assertEquals("topup", stored(topUp).get("changes").l().get(0).m().get("c").s());
    }

    @Test
    void the_due_index_key_is_rounded_up_to_the_millisecond() {
        assertEquals(T.toEpochMilli() + 1, LedgerItems.ceilMillis(T));
        assertEquals(T.toEpochMilli(), LedgerItems.ceilMillis(Instant.ofEpochMilli(T.toEpochMilli())));
    }

    /**
     * The worst case, measured with {@link ItemSize}: an entry at every limit at once ({@link #worstCase}) fits one
     * item with a third of it to spare. The per-balance limits alone would not bound it (32 value types x 100
     * buckets came to ~670 KB); the per-card limits do. An entry over the item limit anyway is refused by the
     * adapter with a clear message before it reaches DynamoDB.
     */
    @Test
    void an_entry_at_every_limit_fits_one_item_with_margin() {
        LedgerEntry worst = worstCase();
        long size = ItemSize.of(stored(worst));
        System.out.printf("ledger entry at every limit: %,d bytes (item limit %,d)%n", size, ItemSize.MAX_ITEM_BYTES);

        assertEquals(LedgerLimits.MAX_BUCKETS_PER_CARD, worst.stateAfter().bucketCount());
        assertEquals(LedgerLimits.MAX_HOLDS_PER_CARD, worst.stateAfter().holdCount());
        assertTrue(size < ItemSize.MAX_ITEM_BYTES * 2 / 3, size + " bytes: tightening or loosening LedgerLimits? update "
                + "its comment and ARCHITECTURE.md with the new figure");
        assertEquals(worst, roundTrip(worst));
    }

    /**
     * The worst CHECKOUT entry ({@link #worstCheckout}): {@link #worstCase}'s state with its checkout statistics at their
     * bounds, and a sale at every limit the merchant API and a brand's checkout configuration have. It must fit one
     * item with a tenth to spare: the state's statistics are in every later entry of the card, so a state that did not
     * fit would leave the card unable to take any write (before the bounds, this entry was 1,516,040 bytes).
     */
    @Test
    void a_checkout_entry_at_every_limit_fits_one_item_with_margin() {
        LedgerEntry worst = worstCheckout();
        Map<String, AttributeValue> item = stored(worst);
        long size = ItemSize.of(item);
        System.out.printf("checkout entry at every limit: %,d bytes (item limit %,d)%n", size, ItemSize.MAX_ITEM_BYTES);
        item.forEach((name, v) -> System.out.printf("  %-10s %,9d%n", name, ItemSize.of(v)));
        item.get("state").m().forEach((name, v) -> System.out.printf("  state.%-4s %,9d%n", name, ItemSize.of(v)));
        item.get("checkout").m().forEach((name, v) -> System.out.printf("  checkout.%-4s %,9d%n", name, ItemSize.of(v)));

        CheckoutStats stats = worst.stateAfter().checkouts();
        assertEquals(Basket.MAX_LINES, worst.posting().checkout().orElseThrow().lines().size());
        assertEquals(CheckoutStats.MAX_CAMPAIGNS, stats.fires().size());
        assertEquals(CheckoutStats.MAX_FIRES, stats.remembered());
        assertEquals(stats, stats.bounded(), "the worst statistics are within the fold's bounds");
        assertTrue(size < ItemSize.MAX_ITEM_BYTES * 9 / 10, size + " bytes: a CHECKOUT entry at every limit must fit "
                + "one item with a tenth to spare; update ARCHITECTURE.md (\"Item size\") with the new figure");
        assertEquals(worst, roundTrip(worst));
    }

    @Test
    void an_entry_over_the_item_limit_is_refused_before_any_request() {
        var ledger = new DynamoCardLedger(new Table(new NoClient(), "t"));
        LedgerEntry tooBig = withNote(entry(1, 1, 0), "n".repeat(ItemSize.MAX_ITEM_BYTES));

        var refused = assertThrows(DynamoCardLedger.EntryTooLargeException.class, () -> ledger.append(tooBig));
        assertTrue(refused.getMessage().contains("item limit"), refused.getMessage());
    }

    /**
     * Every limit at once: {@link LedgerLimits#MAX_BUCKETS_PER_CARD} buckets and {@link LedgerLimits#MAX_HOLDS_PER_CARD}
     * holds spread over {@link LedgerLimits#MAX_BALANCES} value types with 32-character codes, 32-digit ids, the
     * largest amounts, expiry instants to the nanosecond, store-credit flags; full void window and request ring with
     * the longest request ids in three-byte characters; and a posting that takes from every bucket and reduces every
     * hold (more than any real entry does), with the longest note, external id, request ref and context ids.
     */
    static LedgerEntry worstCase() {
        List<ValueTypeKey> keys = new ArrayList<>();
        for (int v = 0; v < LedgerLimits.MAX_BALANCES; v++) {
            keys.add(ValueTypeKey.custom(String.format("%032d", v)));
        }
        Map<ValueTypeKey, List<Bucket>> buckets = new HashMap<>();
        Map<ValueTypeKey, List<Hold>> holds = new HashMap<>();
        List<Change> changes = new ArrayList<>();
        long amount = LedgerLimits.MAX_AMOUNT / LedgerLimits.MAX_BUCKETS_PER_BALANCE;
        for (int b = 0; b < LedgerLimits.MAX_BUCKETS_PER_CARD; b++) {
            ValueTypeKey key = keys.get(b % keys.size());
            Bucket bucket = new Bucket(longId(b), amount - b, amount - b - 1, Optional.of(T.plus(Duration.ofDays(b))), true);
            buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(bucket);
            changes.add(new Change.Take(key, bucket.slice(amount - b - 1)));
        }
        for (int h = 0; h < LedgerLimits.MAX_HOLDS_PER_CARD; h++) {
            ValueTypeKey key = keys.get(h % keys.size());
            Hold hold = new Hold(longId(100_000 + h), 1_000_000_000_000_000_000L + h, 9_999_999_999_999L, 9_999_999_999_998L,
                    T.plus(Duration.ofDays(h)));
            holds.computeIfAbsent(key, k -> new ArrayList<>()).add(hold);
            changes.add(new Change.ReduceHold(key, hold.id(), hold.remaining()));
        }
        Map<ValueTypeKey, Balance> balances = new HashMap<>();
        for (ValueTypeKey key : keys) {
            balances.put(key, new Balance(key, buckets.getOrDefault(key, List.of()), holds.getOrDefault(key, List.of())));
        }
        Map<TransactionId, Long> voided = new HashMap<>();
        for (int i = 0; i < LedgerLimits.VOID_WINDOW; i++) {
            voided.put(longId(200_000 + i), 1_000_000_000_000_000_000L + i);
        }
        List<RequestMark> ring = new ArrayList<>();
        for (int i = 0; i < LedgerLimits.REQUEST_RING; i++) {
            ring.add(new RequestMark("€".repeat(LedgerLimits.MAX_REQUEST_ID - 4) + String.format("%04d", i),
                    "0123456789abcdef0123456789abcdef", longId(300_000 + i), 1_000_000_000_000_000_000L + i));
        }
        long sequence = 1_000_000_000_000_000_000L + LedgerLimits.VOID_WINDOW;
        String id64 = "i".repeat(64);
        Origin origin = new Origin(Optional.of(new LocationId(id64)), Optional.of(new TerminalId(id64)),
                Optional.of(new EmployeeId(id64)), Optional.of("€".repeat(LedgerLimits.MAX_EXTERNAL_ID)),
                Optional.of("€".repeat(LedgerLimits.MAX_NOTE)), Optional.of("€".repeat(LedgerLimits.MAX_REQUEST_ID)),
                Optional.of(new Origin.RequestKey("€".repeat(LedgerLimits.MAX_REQUEST_ID), "0123456789abcdef0123456789abcdef")));
        CardState after = new CardState(sequence, balances, voided, ring, Optional.of(T), Optional.of(new LedgerId("9999999999")));
        Posting posting = new Posting(new BrandId(id64), CARD,
                sequence, longId(400_000), EntryType.VOID, T, origin, changes, Optional.of(new Reference(longId(500_000),
                sequence - 1)), LedgerLimits.MAX_AMOUNT);
        return new LedgerEntry(posting, after);
    }

    /**
     * {@link #worstCase} as a CHECKOUT (the completion of a setup: COMMIT, {@code related} the setup) whose state
     * remembers {@link CheckoutStats#MAX_CAMPAIGNS} per-card limited campaigns (64-character ids, 19-digit totals and
     * last entries) with {@link CheckoutStats#MAX_FIRES} firings among them (millisecond instants, as the writer
     * truncates them, 19-digit sequences), and whose sale is at every limit: {@link Basket#MAX_LINES} lines with
     * 64-character SKUs of three-byte characters (the most UTF-8 bytes a UTF-16 character can take: a supplementary
     * character is 4 bytes for 2 of the 64) and quantity and unit price of 12 digits and 6 decimals
     * ({@code CheckoutJson.decimal}); the key of the longest customRequestId in three-byte characters; a REDEEM and an
     * EARN on each of {@link LedgerLimits#MAX_BALANCES} value types; {@link CouponPort#MAX_BATCH} presented coupons
     * used, 64-character codes; {@link CheckoutConfig#MAX_CAMPAIGNS} campaigns considered, each explained with a failed
     * condition of {@link CheckoutFacts#MAX_FAILED_LENGTH} three-byte characters and each a per-card fire (more than a
     * checkout can have: a campaign that fired has no failed condition); {@link CheckoutConfig#MAX_SALE_RESULTS}
     * discounts and as many awarded coupons (each such result gives one or the other); {@link CheckoutFacts#MAX_MESSAGES}
     * messages of {@link Campaign.Message#MAX_LENGTH} three-byte characters.
     */
    static LedgerEntry worstCheckout() {
        LedgerEntry base = worstCase();
        CardState s = base.stateAfter();
        Posting p = base.posting();
        Map<String, CheckoutStats.Fires> fires = new HashMap<>();
        Instant at = T.truncatedTo(ChronoUnit.MILLIS);
        long big = 1_000_000_000_000_000_000L;
        for (int c = 0; c < CheckoutStats.MAX_CAMPAIGNS; c++) {
            int firings = CheckoutStats.MAX_FIRES / CheckoutStats.MAX_CAMPAIGNS
                    + (c < CheckoutStats.MAX_FIRES % CheckoutStats.MAX_CAMPAIGNS ? 1 : 0);
            List<CheckoutStats.Fire> recent = new ArrayList<>();
            for (int f = 0; f < firings; f++) {
                recent.add(new CheckoutStats.Fire(at.plus(Duration.ofMinutes(f)), big + f));
            }
            fires.put("c".repeat(64 - 4) + String.format("%04d", c), new CheckoutStats.Fires(big, recent, big + c));
        }
        CardState after = new CardState(s.sequence(), s.balances(), s.voided(), s.recentRequests(), s.enrolledAt(),
                s.ledgerId(), new CheckoutStats(big, fires));

        BigDecimal most = new BigDecimal("999999999999.999999");
        List<CheckoutFacts.Line> lines = new ArrayList<>();
        for (int l = 0; l < Basket.MAX_LINES; l++) {
            lines.add(new CheckoutFacts.Line("€".repeat(64 - 3) + String.format("%03d", l), most, most));
        }
        List<CheckoutFacts.Mutation> mutations = new ArrayList<>();
        for (int v = 0; v < LedgerLimits.MAX_BALANCES; v++) {
            ValueTypeKey key = ValueTypeKey.custom(String.format("%032d", v));
            mutations.add(new CheckoutFacts.Mutation(key, -LedgerLimits.MAX_AMOUNT, CheckoutFacts.Kind.REDEEM));
            mutations.add(new CheckoutFacts.Mutation(key, -LedgerLimits.MAX_AMOUNT, CheckoutFacts.Kind.EARN));
        }
        List<String> used = new ArrayList<>();
        for (int k = 0; k < CouponPort.MAX_BATCH; k++) {
            used.add("U".repeat(64 - 4) + String.format("%04d", k));
        }
        List<String> awarded = new ArrayList<>();
        for (int r = 0; r < CheckoutConfig.MAX_SALE_RESULTS; r++) {
            mutations.add(new CheckoutFacts.Mutation(ValueTypeKey.currency("USD"), -LedgerLimits.MAX_AMOUNT,
                    CheckoutFacts.Kind.DISCOUNT));
            awarded.add("A".repeat(64 - 4) + String.format("%04d", r));
        }
        List<CheckoutFacts.Explained> explained = new ArrayList<>();
        List<CheckoutFacts.PerCardFire> perCard = new ArrayList<>();
        for (int c = 0; c < CheckoutConfig.MAX_CAMPAIGNS; c++) {
            String id = "k".repeat(64 - 4) + String.format("%04d", c);
            explained.add(new CheckoutFacts.Explained(id, false,
                    Optional.of("€".repeat(CheckoutFacts.MAX_FAILED_LENGTH - 4) + String.format("%04d", c))));
            perCard.add(new CheckoutFacts.PerCardFire(id, CheckoutStats.RECENT_FIRES));
        }
        List<String> messages = new ArrayList<>();
        for (int m = 0; m < CheckoutFacts.MAX_MESSAGES; m++) {
            messages.add("€".repeat(Campaign.Message.MAX_LENGTH - 4) + String.format("%04d", m));
        }
        String key = "co:" + p.brand().value() + ":" + "€".repeat(LedgerLimits.MAX_REQUEST_ID);
        CheckoutFacts sale = new CheckoutFacts(key, CheckoutFacts.Stage.COMMIT, Optional.empty(), lines, most, most,
                mutations, used, awarded, explained, messages, perCard);
        Posting checkout = new Posting(p.brand(), p.card(), p.sequence(), p.transactionId(), EntryType.CHECKOUT, p.time(),
                p.origin(), p.changes(), p.related(), p.amountDue(), Optional.of(sale));
        return new LedgerEntry(checkout, after);
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
        CardState after = new CardState(sequence, state, voided, ring, Optional.of(T), Optional.of(new LedgerId("9999999999")));
        Posting posting = new Posting(BRAND, CARD, sequence, id(700_000), EntryType.EXPIRE, T, Origin.system(), takes,
                Optional.empty(), 0);
        return new LedgerEntry(posting, after);
    }

    private static LedgerEntry withNote(LedgerEntry e, String note) {
        Posting p = e.posting();
        Origin o = p.origin();
        Origin noted = new Origin(o.location(), o.terminal(), o.employee(), o.externalTransactionId(), Optional.of(note),
                o.requestRef(), o.request());
        return new LedgerEntry(new Posting(p.brand(), p.card(), p.sequence(), p.transactionId(), p.type(), p.time(), noted,
                p.changes(), p.related(), p.amountDue()), e.stateAfter());
    }

    /** A TransactionId of the greatest length, distinct per {@code n}. */
    private static TransactionId longId(int n) {
        return new TransactionId("9".repeat(TransactionId.MAX_LENGTH - 9) + String.format("%09d", n));
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
