package io.tally.dynamo.store;

import io.tally.domain.card.ProfileRules;
import io.tally.domain.communication.CardMailing;
import io.tally.domain.delivery.BouncedAddressesPort;
import io.tally.domain.delivery.DeliveryEvent;
import io.tally.domain.delivery.DeliveryStatsPort;
import io.tally.domain.delivery.Figures;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The delivery statistics' items (A120-A125), all through the low-level client: sets of pending markers, {@code ADD}
 * of several counters, a lease taken over by a condition on its old value, none of which the enhanced client
 * expresses. Each method is one request (the lease's take-over: a read, then one conditional write).
 */
final class DynamoDeliveryStats implements DeliveryStatsPort, BouncedAddressesPort {
    /** Longer than a message can wait in the queue and its dead-letter queue (14 days each). */
    static final Duration EVENT_RETENTION = Duration.ofDays(60);
    /** Past the tracking links' validity: no first can be claimed again while a link still counts. */
    static final Duration FIRST_RETENTION = Duration.ofDays(401);
    static final String[] FIGURES = {"sendRequests", "delivered", "opens", "uniqueOpens", "clicks", "uniqueClicks",
            "spamReports", "softBounces", "hardBounces", "bounceDrops"};
    private final Table table;
    private final Clock clock;

    /** {@code clock} sets only the per-recipient firsts' expiry; no decision depends on it. */
    DynamoDeliveryStats(Table table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(TallyTable.PK, Attr.s(pk), TallyTable.SK, Attr.s(sk));
    }

    private boolean putIf(Map<String, AttributeValue> item, String condition, Map<String, AttributeValue> values) {
        try {
            table.client.putItem(PutItemRequest.builder().tableName(table.name).item(item).conditionExpression(condition)
                    .expressionAttributeValues(values.isEmpty() ? null : values).build());
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    /** A120: {@code PutItem attribute_not_exists(PK)}; else a consistent GetItem and, for an expired lease,
     * {@code UpdateItem SET leaseUntil} conditional on the lease read and {@code done = false}. */
    @Override
    public Progress begin(BrandId brand, String eventId, Instant now, Duration lease) {
        Map<String, AttributeValue> key = key(Keys.deliveryEvent(brand.value(), eventId), Keys.DELIVERY_EVENT_SK);
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("leaseUntil", Attr.n(now.plus(lease).toEpochMilli()));
        item.put("done", Attr.bool(false));
        item.put(TallyTable.TTL_ATTRIBUTE, Attr.n(now.plus(EVENT_RETENTION).getEpochSecond()));
        if (putIf(item, "attribute_not_exists(PK)", Map.of())) {
            return Progress.MINE;
        }
        Map<String, AttributeValue> held = table.client.getItem(GetItemRequest.builder().tableName(table.name).key(key)
                .consistentRead(true).build()).item();
        if (held.isEmpty()) {
            throw new IllegalStateException("a delivery event's claim vanished before its retention ended");
        }
        if (held.get("done").bool()) {
            return Progress.DONE;
        }
        long leaseUntil = Long.parseLong(held.get("leaseUntil").n());
        if (leaseUntil > now.toEpochMilli()) {
            return Progress.BUSY;
        }
        boolean taken = table.updateIf(key, "SET leaseUntil = :new", "leaseUntil = :old AND done = :false", Map.of(),
                Map.of(":new", Attr.n(now.plus(lease).toEpochMilli()), ":old", Attr.n(leaseUntil),
                        ":false", Attr.bool(false)));
        return taken ? Progress.MINE : Progress.BUSY;
    }

    /** A121: {@code PutItem} conditional on {@code attribute_not_exists(PK) OR claimedBy = :event}. */
    @Override
    public boolean first(BrandId brand, String mailing, DeliveryEvent.Kind kind, String recipient, String eventId) {
        Map<String, AttributeValue> item = new HashMap<>(key(Keys.deliveryFirst(brand.value(), mailing, kind.name(),
                recipient), Keys.DELIVERY_FIRST_SK));
        item.put("claimedBy", Attr.s(eventId));
        item.put(TallyTable.TTL_ATTRIBUTE, Attr.n(clock.instant().plus(FIRST_RETENTION).getEpochSecond()));
        return putIf(item, "attribute_not_exists(PK) OR claimedBy = :event", Map.of(":event", Attr.s(eventId)));
    }

    /**
     * A122: {@code UpdateItem ADD <figures>, pending :event SET brand, #day, mailing, channel[, #location]} conditional on
     * {@code NOT contains(pending, :id)}: the figures and the marker in one write; a failed condition means added before.
     */
    @Override
    public void add(Counter counter, String eventId, Figures figures) {
        long[] values = values(figures);
        StringBuilder adds = new StringBuilder("ADD pending :events");
        Map<String, AttributeValue> v = new LinkedHashMap<>();
        v.put(":events", AttributeValue.fromSs(List.of(eventId)));
        v.put(":event", Attr.s(eventId));
        for (int i = 0; i < FIGURES.length; i++) {
            if (values[i] != 0) {
                adds.append(", ").append(FIGURES[i]).append(" :f").append(i);
                v.put(":f" + i, Attr.n(values[i]));
            }
        }
        Map<String, String> names = new HashMap<>(Map.of("#day", "day"));
        String sets = " SET brand = :brand, #day = :day, mailing = :mailing, channel = :channel";
        v.put(":channel", Attr.s(counter.channel().name()));
        v.put(":brand", Attr.s(counter.brand().value()));
        v.put(":day", Attr.s(counter.day().toString()));
        v.put(":mailing", Attr.s(counter.mailing()));
        if (counter.location().isPresent()) {
            sets += ", #location = :location";
            names.put("#location", "location");
            v.put(":location", Attr.s(counter.location().get()));
        }
        table.updateIf(counterKey(counter), adds + sets, "attribute_not_exists(pending) OR NOT contains(pending, :event)",
                names, v);
    }

    /** A120: {@code UpdateItem SET done = true} (the claim exists: it was made first). */
    @Override
    public void finish(BrandId brand, String eventId) {
        table.updateIf(key(Keys.deliveryEvent(brand.value(), eventId), Keys.DELIVERY_EVENT_SK), "SET done = :true",
                "attribute_exists(PK)", Map.of(), Map.of(":true", Attr.bool(true)));
    }

    /** A122: {@code UpdateItem DELETE pending :event}, if the counter exists. */
    @Override
    public void settle(Counter counter, String eventId) {
        table.updateIf(counterKey(counter), "DELETE pending :events", "attribute_exists(PK)", Map.of(),
                Map.of(":events", AttributeValue.fromSs(List.of(eventId))));
    }

    /** A123: {@code Query PK=BRAND#b#DLVSTATS#<month>, SK BETWEEN DAY#from AND DAY#to~} per month, every page. */
    @Override
    public List<Row> load(BrandId brand, LocalDate from, LocalDate to) {
        List<Row> rows = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            Map<String, AttributeValue> start = null;
            do {
                var page = table.client.query(QueryRequest.builder().tableName(table.name)
                        .keyConditionExpression("PK = :pk AND SK BETWEEN :from AND :to")
                        .expressionAttributeValues(Map.of(":pk", Attr.s(Keys.deliveryStats(brand.value(), month.toString())),
                                ":from", Attr.s("DAY#" + from), ":to", Attr.s("DAY#" + to + "~")))
                        .exclusiveStartKey(start).build());
                page.items().forEach(item -> rows.add(row(brand, item)));
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return rows;
    }

    /** A124: {@code PutItem attribute_not_exists(PK)} (the first mark stays). */
    @Override
    public void mark(BrandId brand, String address, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(key(Keys.bounced(brand.value(),
                ProfileRules.normalizeEmail(address)), Keys.BOUNCED_SK));
        item.put("bouncedAt", Attr.s(at.toString()));
        putIf(item, "attribute_not_exists(PK)", Map.of());
    }

    /** A125: consistent {@code GetItem}. */
    @Override
    public boolean find(BrandId brand, String address) {
        return !table.client.getItem(GetItemRequest.builder().tableName(table.name).consistentRead(true)
                .key(key(Keys.bounced(brand.value(), ProfileRules.normalizeEmail(address)), Keys.BOUNCED_SK))
                .projectionExpression("PK").build()).item().isEmpty();
    }

    private static Map<String, AttributeValue> counterKey(Counter c) {
        return key(Keys.deliveryStats(c.brand().value(), YearMonth.from(c.day()).toString()),
                Keys.deliveryStatsSk(c.day().toString(), c.mailing(), c.location().orElse("")));
    }

    private static long[] values(Figures f) {
        return new long[] {f.sendRequests(), f.delivered(), f.opens(), f.uniqueOpens(), f.clicks(), f.uniqueClicks(),
                f.spamReports(), f.softBounces(), f.hardBounces(), f.bounceDrops()};
    }

    private static Row row(BrandId brand, Map<String, AttributeValue> item) {
        long[] n = new long[FIGURES.length];
        for (int i = 0; i < FIGURES.length; i++) {
            AttributeValue value = item.get(FIGURES[i]);
            n[i] = value == null ? 0 : Long.parseLong(value.n());
        }
        Optional<String> location = Optional.ofNullable(item.get("location")).map(AttributeValue::s);
        // counters written before texts were counted have no channel: they are e-mails'
        CardMailing.Channel channel = Optional.ofNullable(item.get("channel")).map(AttributeValue::s)
                .map(CardMailing.Channel::valueOf).orElse(CardMailing.Channel.EMAIL);
        return new Row(new Counter(brand, LocalDate.parse(item.get("day").s()), item.get("mailing").s(), location,
                channel),
                new Figures(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9]));
    }
}
