package io.tally.dynamo.store;

import io.tally.domain.communication.Attribution;
import io.tally.domain.communication.CardMailing;
import io.tally.domain.communication.MailingRevenuePort;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Mailing revenue as one item per checkout, {@code BRAND#b#MREV#<transaction id> / MREV} (A134): the attribution is a
 * {@code PutItem attribute_not_exists(PK)}, so the first delivery that reaches it decides and every later one (or a
 * void that came first) leaves it; a void is one {@code UpdateItem} that sets {@code voidedAt} and removes the index
 * keys (creating the mark if the checkout has none yet). Totals are sums on read of the items in GSI2
 * {@code MREV#b#<mailing> / <txn>} (A135) and GSI3 {@code DREV#b#<yyyy-MM> / <yyyy-MM-dd>#<txn>} (A136); only
 * attributions not voided are in them. The checkout's revenue per SKU tag rides on the same item ({@code tags}, a map
 * of tag → minor units, absent when none), so a void takes it out with the rest and a duplicate never adds it twice.
 * Kept {@link CardMailing#RETENTION} after the checkout (TTL).
 */
final class DynamoMailingRevenue implements MailingRevenuePort {
    record Item(String pk, String brand, String checkout, String card, String mailing, String messageId, String channel,
                String location, String at, String day, Long amount, Map<String, Long> tags, Long expiresAt) {
    }

    static final StaticImmutableTableSchema<Item, ItemValues> SCHEMA = ItemSchema.of(Item.class, DynamoMailingRevenue::read)
            .key("MailingRevenue", Item::pk, i -> Keys.ATTRIBUTION_SK)
            .index(TallyTable.GSI2, i -> Keys.mailingRevenue(i.brand(), i.mailing()), Item::checkout)
            .index(TallyTable.GSI3, i -> Keys.monthRevenue(i.brand(), i.day().substring(0, 7)),
                    i -> i.day() + "#" + i.checkout())
            .string("brand", Item::brand)
            .string("checkout", Item::checkout)
            .string("card", Item::card)
            .string("mailing", Item::mailing)
            .string("messageId", Item::messageId)
            .string("channel", Item::channel)
            .string("location", Item::location)
            .string("at", Item::at)
            .string("day", Item::day)
            .number("amount", Item::amount)
            .numbers("tags", Item::tags)
            .number(TallyTable.TTL_ATTRIBUTE, Item::expiresAt)
            .build();

    private final Table table;
    private final DynamoDbTable<Item> items;

    DynamoMailingRevenue(Table table) {
        this.table = table;
        this.items = table.of(SCHEMA);
    }

    /** A134: {@code PutItem attribute_not_exists(PK)}. */
    @Override
    public boolean attribute(Attribution a) {
        return table.putIfAbsent(items, new Item(Keys.attribution(a.brand().value(), a.checkout()), a.brand().value(),
                a.checkout(), a.card().value(), a.mailing(), a.messageId(), a.channel().name(), a.location().orElse(null),
                a.at().toString(), a.day().toString(), a.amount(), a.tags(),
                a.at().plus(CardMailing.RETENTION).getEpochSecond()));
    }

    /**
     * A134: {@code UpdateItem SET voidedAt, brand, checkout, expiresAt (if not there) REMOVE GSI2PK, GSI2SK, GSI3PK,
     * GSI3SK} conditional on {@code attribute_not_exists(voidedAt)} (a second void changes nothing).
     */
    @Override
    public void voided(BrandId brand, String checkout, Instant at) {
        table.updateIf(Attr.key(Keys.attribution(brand.value(), checkout), Keys.ATTRIBUTION_SK),
                "SET voidedAt = :at, brand = :b, checkout = :c, #type = if_not_exists(#type, :type), "
                        + "#ttl = if_not_exists(#ttl, :ttl) REMOVE GSI2PK, GSI2SK, GSI3PK, GSI3SK",
                "attribute_not_exists(voidedAt)", Map.of("#type", "type", "#ttl", TallyTable.TTL_ATTRIBUTE),
                Map.of(":at", Attr.s(at.toString()), ":b", Attr.s(brand.value()), ":c", Attr.s(checkout),
                        ":type", Attr.s("MailingRevenue"),
                        ":ttl", Attr.n(at.plus(CardMailing.RETENTION).getEpochSecond())));
    }

    /** A135: {@code Query GSI2 GSI2PK=MREV#b#<mailing>} projecting {@code amount}, every page. */
    @Override
    public Revenue ofMailing(BrandId brand, String mailing) {
        Revenue[] sum = {Revenue.NONE};
        pages(QueryRequest.builder().indexName(TallyTable.GSI2.name()).keyConditionExpression("GSI2PK = :pk")
                .expressionAttributeValues(Map.of(":pk", Attr.s(Keys.mailingRevenue(brand.value(), mailing))))
                .projectionExpression("amount"), i -> sum[0] = sum[0].plus(Attr.num(i, "amount")));
        return sum[0];
    }

    /**
     * A136: per month of the period {@code Query GSI3 GSI3PK=DREV#b#<yyyy-MM>, GSI3SK BETWEEN <from> AND <to>#~},
     * projecting the day, mailing, channel, location and amount (with a SKU tag: that tag's entry of the {@code tags}
     * map instead of the amount), every page; summed per day, mailing and location.
     */
    @Override
    public List<DailyRevenue> daily(BrandId brand, LocalDate from, LocalDate to, Optional<String> skuTag) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("a period of 1.." + MAX_DAYS + " days: " + from + ".." + to);
        }
        TreeMap<String, DailyRevenue> sums = new TreeMap<>();
        Map<String, String> names = new HashMap<>(Map.of("#day", "day", "#location", "location"));
        skuTag.ifPresent(t -> names.put("#tag", t));
        String amount = skuTag.isPresent() ? "tags.#tag" : "amount";
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            pages(QueryRequest.builder().indexName(TallyTable.GSI3.name())
                    .keyConditionExpression("GSI3PK = :pk AND GSI3SK BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":pk", Attr.s(Keys.monthRevenue(brand.value(), month.toString())),
                            ":from", Attr.s(from.toString()), ":to", Attr.s(to + "#~")))
                    .projectionExpression("#day, mailing, channel, #location, " + amount)
                    .expressionAttributeNames(names), i -> {
                        long minor = skuTag.isPresent() ? tagAmount(i, skuTag.get()) : Attr.num(i, "amount");
                        if (minor <= 0) {
                            return;
                        }
                        String day = Attr.str(i, "day");
                        String mailing = Attr.str(i, "mailing");
                        String location = Attr.optStr(i, "location").orElse("");
                        CardMailing.Channel channel = CardMailing.Channel.valueOf(Attr.str(i, "channel"));
                        sums.merge(day + "\t" + mailing + "\t" + location + "\t" + channel,
                                new DailyRevenue(LocalDate.parse(day), mailing, channel, location,
                                        Revenue.NONE.plus(minor)),
                                (x, y) -> new DailyRevenue(x.day(), x.mailing(), x.channel(), x.location(),
                                        x.revenue().plus(y.revenue())));
                    });
        }
        return new ArrayList<>(sums.values());
    }

    /** The projected {@code tags.<tag>}: the item's map with that one entry, or no map (the checkout has none of it). */
    private static long tagAmount(Map<String, AttributeValue> item, String tag) {
        AttributeValue tags = item.get("tags");
        AttributeValue minor = tags == null || !tags.hasM() ? null : tags.m().get(tag);
        return minor == null ? 0 : Long.parseLong(minor.n());
    }

    private void pages(QueryRequest.Builder request, Consumer<Map<String, AttributeValue>> each) {
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = table.client.query(request.tableName(table.name).exclusiveStartKey(start).build());
            page.items().forEach(each);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    private static Item read(ItemValues v) {
        return new Item(null, v.string("brand"), v.string("checkout"), v.string("card"), v.string("mailing"),
                v.string("messageId"), v.string("channel"), v.optString("location").orElse(null), v.string("at"), v.string("day"),
                v.number("amount"), v.map("tags"), null);
    }
}
