package io.tally.dynamo.store;

import io.tally.domain.event.ActivityLogPort;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/**
 * The brand's activity log: one item per event, keyed by time and event id so that a redelivered
 * event claims the same key and is recorded once. Items expire after two years (TTL).
 */
final class DynamoActivityLog implements ActivityLogPort {
    static final Duration RETENTION = Duration.ofDays(730);
    private static final String EVENT_PREFIX = "EVT#";

    static final StaticImmutableTableSchema<DomainEvent, ItemValues> SCHEMA = ItemSchema.of(DomainEvent.class, DynamoActivityLog::event)
            .key("Activity", e -> Keys.activity(e.brand().value()), e -> Keys.activitySk(e.occurredAt().toString(), e.id()))
            .string("eventId", DomainEvent::id)
            .string("eventType", DomainEvent::type)
            .string("brand", e -> e.brand().value())
            .string("occurredAt", e -> e.occurredAt().toString())
            .strings("data", DomainEvent::data)
            .number(TallyTable.TTL_ATTRIBUTE, e -> e.occurredAt().plus(RETENTION).getEpochSecond())
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

    private static DomainEvent event(ItemValues v) {
        return new DomainEvent(v.string("eventId"), v.string("eventType"), new BrandId(v.string("brand")),
                Instant.parse(v.string("occurredAt")), v.map("data"));
    }
}
