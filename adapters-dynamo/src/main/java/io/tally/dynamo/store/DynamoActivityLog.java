package io.tally.dynamo.store;

import io.tally.domain.event.ActivityLogPort;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/**
 * The brand's activity log: one item per event, keyed by time and event id so that a redelivered
 * event claims the same key and is recorded once. Items expire after two years (TTL). An event naming a request ref
 * or an external transaction id is in GSI2 / GSI3 under it (both project ALL), so a lookup is one index query.
 */
final class DynamoActivityLog implements ActivityLogPort {
    static final Duration RETENTION = Duration.ofDays(730);
    private static final String EVENT_PREFIX = "EVT#";

    static final StaticImmutableTableSchema<DomainEvent, ItemValues> SCHEMA = ItemSchema.of(DomainEvent.class, DynamoActivityLog::event)
            .key("Activity", e -> Keys.activity(e.brand().value()), DynamoActivityLog::sortKey)
            .string("eventId", DomainEvent::id)
            .string("eventType", DomainEvent::type)
            .string("brand", e -> e.brand().value())
            .string("occurredAt", e -> e.occurredAt().toString())
            .strings("data", DomainEvent::data)
            .number(TallyTable.TTL_ATTRIBUTE, e -> e.occurredAt().plus(RETENTION).getEpochSecond())
            .index(TallyTable.GSI2, e -> named(e, "requestRef").map(r -> Keys.activityByRequestRef(e.brand().value(), r)).orElse(null),
                    e -> named(e, "requestRef").map(r -> sortKey(e)).orElse(null))
            .index(TallyTable.GSI3, e -> named(e, "externalTransactionId")
                            .map(x -> Keys.activityByExternalId(e.brand().value(), x)).orElse(null),
                    e -> named(e, "externalTransactionId").map(x -> sortKey(e)).orElse(null))
            .build();

    private final Table table;
    private final DynamoDbTable<DomainEvent> events;

    DynamoActivityLog(Table table) {
        this.table = table;
        this.events = table.of(SCHEMA);
    }

    @Override
    public boolean record(DomainEvent event) {
        return table.putIfAbsent(events, event);
    }

    @Override
    public List<DomainEvent> recent(BrandId brand, int limit) {
        Key prefix = Key.builder().partitionValue(Keys.activity(brand.value())).sortValue(EVENT_PREFIX).build();
        return table.query(events, null, QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBeginsWith(prefix))
                .scanIndexForward(false).limit(Math.max(1, Math.min(limit, 1000))).build());
    }

    /** One ascending Query of the brand's log, {@code Limit 1} (A51). */
    @Override
    public Optional<Instant> oldest(BrandId brand) {
        Key prefix = Key.builder().partitionValue(Keys.activity(brand.value())).sortValue(EVENT_PREFIX).build();
        return table.query(events, null, QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBeginsWith(prefix))
                .scanIndexForward(true).limit(1).build()).stream().findFirst().map(DomainEvent::occurredAt);
    }

    @Override
    public List<DomainEvent> byRequestRef(BrandId brand, String requestRef, int limit) {
        return lookup(TallyTable.GSI2, Keys.activityByRequestRef(brand.value(), requestRef), brand, limit);
    }

    @Override
    public List<DomainEvent> byExternalTransactionId(BrandId brand, String externalTransactionId, int limit) {
        return lookup(TallyTable.GSI3, Keys.activityByExternalId(brand.value(), externalTransactionId), brand, limit);
    }

    private List<DomainEvent> lookup(TallyTable.Gsi gsi, String pk, BrandId brand, int limit) {
        return table.query(events, gsi.name(), QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(pk).build()))
                        .scanIndexForward(false).limit(Math.max(1, Math.min(limit, MAX_PAGE))).build())
                .stream().filter(e -> e.brand().equals(brand)).toList();
    }

    /**
     * One descending Query of the brand's log between the sort keys of {@code from}'s and {@code to}'s seconds (the
     * key's instant text has a varying number of fraction digits, so the bounds are whole seconds: every event of those
     * seconds sorts inside them), ending before {@code after}; events outside {@code [from, to)} are then left out.
     */
    @Override
    public Slice between(BrandId brand, Instant from, Instant to, Optional<Position> after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit 1.." + MAX_PAGE);
        }
        String low = EVENT_PREFIX + seconds(from);
        String high = EVENT_PREFIX + seconds(to) + "~";
        if (after.isPresent()) {
            String before = Keys.activitySk(after.get().occurredAt().toString(), after.get().eventId());
            high = before.compareTo(high) < 0 ? before : high;
        }
        if (high.compareTo(low) < 0) {
            return new Slice(List.of(), Optional.empty());
        }
        String pk = Keys.activity(brand.value());
        List<DomainEvent> read = table.query(events, null, QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBetween(Table.key(pk, low), Table.key(pk, high)))
                .scanIndexForward(false).limit(limit + (after.isPresent() ? 1 : 0)).build());
        List<DomainEvent> examined = after.isPresent() && !read.isEmpty() && Position.of(read.get(0)).equals(after.get())
                ? read.subList(1, read.size()) : read.subList(0, Math.min(limit, read.size()));
        Optional<Position> next = examined.size() == limit
                ? Optional.of(Position.of(examined.get(limit - 1))) : Optional.empty();
        return new Slice(examined.stream().filter(e -> !e.occurredAt().isBefore(from) && e.occurredAt().isBefore(to))
                .toList(), next);
    }

    /** An instant's ISO-8601 text to the second, without the zone letter: a prefix of every key of that second. */
    private static String seconds(Instant t) {
        String text = t.truncatedTo(ChronoUnit.SECONDS).toString();
        return text.substring(0, text.length() - 1);
    }

    private static String sortKey(DomainEvent e) {
        return Keys.activitySk(e.occurredAt().toString(), e.id());
    }

    private static Optional<String> named(DomainEvent e, String field) {
        return Optional.ofNullable(e.data().get(field)).filter(v -> !v.isBlank());
    }

    private static DomainEvent event(ItemValues v) {
        return new DomainEvent(v.string("eventId"), v.string("eventType"), new BrandId(v.string("brand")),
                Instant.parse(v.string("occurredAt")), v.map("data"));
    }
}
