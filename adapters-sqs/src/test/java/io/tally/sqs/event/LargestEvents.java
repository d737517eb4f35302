package io.tally.sqs.event;

import io.tally.domain.campaign.Basket;
import io.tally.domain.card.CardNumber;
import io.tally.domain.engagement.EventCategoryId;
import io.tally.domain.engagement.EventType;
import io.tally.domain.engagement.RecordedEvent;
import io.tally.domain.engagement.Sentiment;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.ledger.Balance;
import io.tally.domain.ledger.Bucket;
import io.tally.domain.ledger.CardState;
import io.tally.domain.ledger.Change;
import io.tally.domain.ledger.CheckoutFacts;
import io.tally.domain.ledger.EntryType;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.LedgerEvents;
import io.tally.domain.ledger.LedgerId;
import io.tally.domain.ledger.LedgerLimits;
import io.tally.domain.ledger.Origin;
import io.tally.domain.ledger.Posting;
import io.tally.domain.ledger.Reference;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.EmployeeId;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.TerminalId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The largest events the system can publish, at every limit the merchant API enforces at once. Where the API checks a
 * length but not the characters, each character is one the body writes longest, six bytes escaped: {@code \u0001}
 * where a control character is possible; U+FFFF, which SQS refuses as it is, where the API refuses control characters
 * (SKUs; {@code io.tally.sqs.json.SqsBody}). A SKU's last character, three bytes, makes it distinct.
 */
public final class LargestEvents {
    /** Six bytes in JSON ({@code \u0001}). */
    private static final String ESCAPED = "\u0001";
    /** Six bytes in an SQS body ({@code \uFFFF}): not a control character, so a SKU may hold it. */
    private static final String REFUSED = "\uFFFF";
    /** 12 digits before the point and 6 after: the largest decimal {@code CheckoutJson.decimal} accepts. */
    private static final BigDecimal LARGEST_DECIMAL = new BigDecimal("999999999999.999999");
    private static final Instant T = Instant.parse("2026-12-31T23:59:59.999999999Z");
    private static final String ID64 = "i".repeat(64);

    private LargestEvents() {
    }

    /**
     * A CHECKOUT's event ({@link LedgerEvents}): {@link Basket#MAX_LINES} lines of distinct 64-character SKUs at the
     * largest quantity and price (so each {@code skuamount.<sku>} is the longest product), the total left to the sum
     * of the lines; {@link LedgerLimits#MAX_BALANCES} value types with 32-character codes, each taking
     * {@link LedgerLimits#MAX_AMOUNT} and releasing as much held; the longest ids, origin and checkout key; a related
     * setup and an amount due. {@code n} makes its transaction id (and so its event id) distinct.
     */
    public static DomainEvent checkout(int n) {
        List<CheckoutFacts.Line> lines = new ArrayList<>();
        for (int i = 0; i < Basket.MAX_LINES; i++) {
            String sku = REFUSED.repeat(63) + (char) ('\u4e00' + i);
            new Basket.Line(sku, LARGEST_DECIMAL, LARGEST_DECIMAL); // the basket's own rules accept it
            lines.add(new CheckoutFacts.Line(sku, LARGEST_DECIMAL, LARGEST_DECIMAL));
        }
        BigDecimal total = lines.stream().map(l -> l.quantity().multiply(l.unitPrice())).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        String checkoutKey = "co:" + ID64 + ":" + ESCAPED.repeat(LedgerLimits.MAX_REQUEST_ID);
        CheckoutFacts sale = new CheckoutFacts(checkoutKey, CheckoutFacts.Stage.COMMIT, Optional.empty(), lines, total,
                BigDecimal.ZERO, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

        Map<ValueTypeKey, Balance> balances = new HashMap<>();
        List<Change> changes = new ArrayList<>();
        for (int v = 0; v < LedgerLimits.MAX_BALANCES; v++) {
            ValueTypeKey key = ValueTypeKey.custom(String.format("%032d", v));
            Bucket bucket = new Bucket(id(1_000 + v), LedgerLimits.MAX_AMOUNT, LedgerLimits.MAX_AMOUNT, Optional.of(T), true);
            balances.put(key, new Balance(key, List.of(bucket), List.of()));
            changes.add(new Change.Take(key, bucket.slice(LedgerLimits.MAX_AMOUNT)));
            changes.add(new Change.ReduceHold(key, id(2_000 + v), LedgerLimits.MAX_AMOUNT));
        }
        long sequence = Long.MAX_VALUE;
        Origin origin = new Origin(Optional.of(new LocationId(ID64)), Optional.of(new TerminalId(ID64)),
                Optional.of(new EmployeeId(ID64)), Optional.of(ESCAPED.repeat(LedgerLimits.MAX_EXTERNAL_ID)),
                Optional.of(ESCAPED.repeat(LedgerLimits.MAX_NOTE)), Optional.of(ESCAPED.repeat(LedgerLimits.MAX_REQUEST_ID)),
                Optional.empty());
        CardState after = new CardState(sequence, balances, Map.of(), List.of(), Optional.of(T),
                Optional.of(new LedgerId("9999999999")));
        Posting posting = new Posting(new BrandId(ID64), largestCard(), sequence, id(n), EntryType.CHECKOUT, T, origin,
                changes, Optional.of(new Reference(id(3_000), sequence - 1)), LedgerLimits.MAX_AMOUNT, Optional.of(sale));
        return LedgerEvents.of(new LedgerEntry(posting, after));
    }

    /**
     * An {@code engagement.recorded} event: {@link RecordedEvent#MAX_CUSTOM_KEYS} custom fields whose names and values
     * are as long as the API allows, and the longest ids.
     */
    public static DomainEvent recorded(int n) {
        Map<String, String> custom = new LinkedHashMap<>();
        for (int i = 0; i < RecordedEvent.MAX_CUSTOM_KEYS; i++) {
            custom.put(ESCAPED.repeat(RecordedEvent.MAX_CUSTOM_KEY - 2) + String.format("%02d", i),
                    ESCAPED.repeat(RecordedEvent.MAX_CUSTOM_VALUE));
        }
        return new RecordedEvent("rec-" + "f".repeat(60) + String.format("%04d", n), new BrandId(ID64), largestCard(),
                new EventCategoryId(ID64), EventType.DIRECT_MAIL, Sentiment.POSITIVE, T, T, new LocationId(ID64),
                new TerminalId(ID64), Optional.of(Long.MIN_VALUE), custom, ESCAPED.repeat(LedgerLimits.MAX_REQUEST_ID))
                .toDomainEvent();
    }

    private static CardNumber largestCard() {
        String payload = "9".repeat(CardNumber.MAX_LENGTH - 1);
        return new CardNumber(payload + CardNumber.luhnCheckDigit(payload));
    }

    /** The longest transaction id, distinct per {@code n}. */
    private static TransactionId id(int n) {
        return new TransactionId("9".repeat(TransactionId.MAX_LENGTH - 9) + String.format("%09d", n));
    }
}
