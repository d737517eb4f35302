package io.tally.dynamo.store;

import io.tally.domain.card.CardNumber;
import io.tally.domain.engagement.CardEventStats;
import io.tally.domain.engagement.CardLedgerStats;
import io.tally.domain.engagement.CardSkus;
import io.tally.domain.engagement.CardStatsPort;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A card's statistics in the card's partition, two items each written whole by one conditional {@code PutItem}: the
 * ledger part {@code STATS#LEDGER} if its {@code through} is still the one the fold started from (A74), the events part
 * {@code STATS#EVENTS} if it counted fewer events (A75). Both read by consistent {@code GetItem}. The ledger part's
 * issued and redeemed totals are maps keyed by the value type's text ({@code Currency:USD}), its SKUs two maps
 * ({@code skuMilli}, {@code skuLast}); an item without {@code rules} was written before them and reads as rules 1.
 * Worst case about 91 KB (200 SKUs of 64 characters: {@link CardSkus}), well inside 400 KB.
 */
final class DynamoCardStats implements CardStatsPort {
    static final StaticImmutableTableSchema<CardLedgerStats, ItemValues> LEDGER =
            ItemSchema.of(CardLedgerStats.class, DynamoCardStats::ledger)
                    .key("CardLedgerStats", s -> Keys.card(s.card().value()), s -> Keys.CARD_LEDGER_STATS_SK)
                    .string("brand", s -> s.brand().value())
                    .string("card", s -> s.card().value())
                    .number("through", CardLedgerStats::through)
                    .number("spend", CardLedgerStats::spend)
                    .number("orders", CardLedgerStats::orders)
                    .number("itemsMilli", CardLedgerStats::itemsMilli)
                    .number("visits", CardLedgerStats::visits)
                    .string("visitEnds", s -> s.visitEnds().map(Instant::toString).orElse(null))
                    .string("lastTransactionAt", s -> s.lastTransactionAt().map(Instant::toString).orElse(null))
                    .numbers("issued", s -> byText(s.issued()))
                    .numbers("redeemed", s -> byText(s.redeemed()))
                    .numbers("skuMilli", s -> s.skus().quantityMilli())
                    .numbers("skuLast", s -> s.skus().lastBought())
                    .number("rules", s -> (long) s.rules())
                    .build();

    static final StaticImmutableTableSchema<CardEventStats, ItemValues> EVENTS =
            ItemSchema.of(CardEventStats.class, DynamoCardStats::events)
                    .key("CardEventStats", s -> Keys.card(s.card().value()), s -> Keys.CARD_EVENT_STATS_SK)
                    .string("brand", s -> s.brand().value())
                    .string("card", s -> s.card().value())
                    .number("seen", CardEventStats::seen)
                    .numbers("byCategory", CardEventStats::byCategory)
                    .numbers("bySentiment", CardEventStats::bySentiment)
                    .string("lastEventAt", s -> s.lastEventAt().map(Instant::toString).orElse(null))
                    .build();

    private final Table table;
    private final DynamoDbTable<CardLedgerStats> ledger;
    private final DynamoDbTable<CardEventStats> events;

    DynamoCardStats(Table table) {
        this.table = table;
        this.ledger = table.of(LEDGER);
        this.events = table.of(EVENTS);
    }

    /** A74: consistent {@code GetItem}. */
    @Override
    public Optional<CardLedgerStats> ledgerStats(BrandId brand, CardNumber card) {
        return table.get(ledger, Keys.card(card.value()), Keys.CARD_LEDGER_STATS_SK, true).filter(s -> s.brand().equals(brand));
    }

    /** A74: {@code PutItem} if {@code attribute_not_exists(PK)} (nothing folded yet) or {@code through = :prev AND brand = :b}. */
    @Override
    public boolean putLedgerStats(CardLedgerStats next, long previousThrough) {
        if (previousThrough == 0) {
            return table.putIfAbsent(ledger, next);
        }
        return table.putIf(ledger, next, Table.condition("through = :prev AND brand = :brand", Map.of(),
                Map.of(":prev", AttributeValue.fromN(Long.toString(previousThrough)), ":brand", Attr.s(next.brand().value()))));
    }

    /** A75: consistent {@code GetItem}. */
    @Override
    public Optional<CardEventStats> eventStats(BrandId brand, CardNumber card) {
        return table.get(events, Keys.card(card.value()), Keys.CARD_EVENT_STATS_SK, true).filter(s -> s.brand().equals(brand));
    }

    /** A75: {@code PutItem} if {@code attribute_not_exists(PK) OR (seen < :n AND brand = :b)}. */
    @Override
    public boolean putEventStats(CardEventStats next) {
        return table.putIf(events, next, Table.condition("attribute_not_exists(PK) OR (seen < :seen AND brand = :brand)",
                Map.of(), Map.of(":seen", AttributeValue.fromN(Long.toString(next.seen())),
                        ":brand", Attr.s(next.brand().value()))));
    }

    private static CardLedgerStats ledger(ItemValues v) {
        return new CardLedgerStats(new BrandId(v.string("brand")), new CardNumber(v.string("card")), v.number("through"),
                v.number("spend"), v.number("orders"), v.number("itemsMilli"), v.number("visits"),
                v.optString("visitEnds").map(Instant::parse), v.optString("lastTransactionAt").map(Instant::parse),
                byKey(v.map("issued")), byKey(v.map("redeemed")), new CardSkus(v.map("skuMilli"), v.map("skuLast")),
                v.optNumber("rules").map(Long::intValue).orElse(1));
    }

    private static Map<String, Long> byText(Map<ValueTypeKey, Long> totals) {
        Map<String, Long> text = new TreeMap<>();
        totals.forEach((k, v) -> text.put(k.asText(), v));
        return text;
    }

    private static Map<ValueTypeKey, Long> byKey(Map<String, Long> text) {
        Map<ValueTypeKey, Long> totals = new HashMap<>();
        text.forEach((k, v) -> totals.put(ValueTypeKey.parseText(k), v));
        return totals;
    }

    private static CardEventStats events(ItemValues v) {
        return new CardEventStats(new BrandId(v.string("brand")), new CardNumber(v.string("card")), v.number("seen"),
                v.map("byCategory"), v.map("bySentiment"), v.optString("lastEventAt").map(Instant::parse));
    }
}
