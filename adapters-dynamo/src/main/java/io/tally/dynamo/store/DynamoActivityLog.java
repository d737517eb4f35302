package io.tally.dynamo.store;

import io.tally.domain.event.ActivityLogPort;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The brand's activity log: one item per event, keyed by time and event id so that a redelivered
 * event claims the same key and is recorded once. Items expire after two years (TTL).
 */
final class DynamoActivityLog implements ActivityLogPort {
    static final Duration RETENTION = Duration.ofDays(730);
    private final Table table;

    DynamoActivityLog(Table table) {
        this.table = table;
    }

    @Override
    public boolean record(DomainEvent event) {
        var item = Attr.item(Keys.activity(event.brand().value()),
                Keys.activitySk(event.occurredAt().toString(), event.id()), "Activity");
        item.put("eventId", Attr.s(event.id()));
        item.put("eventType", Attr.s(event.type()));
        item.put("brand", Attr.s(event.brand().value()));
        item.put("occurredAt", Attr.s(event.occurredAt().toString()));
        Map<String, AttributeValue> data = new HashMap<>();
        event.data().forEach((k, v) -> data.put(k, Attr.s(v)));
        item.put("data", AttributeValue.fromM(data));
        item.put(TallyTable.TTL_ATTRIBUTE, Attr.n(event.occurredAt().plus(RETENTION).getEpochSecond()));
        return table.putIfAbsent(item);
    }

    @Override
    public List<DomainEvent> recent(BrandId brand, int limit) {
        var response = table.client.query(QueryRequest.builder().tableName(table.name)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :evt)")
                .expressionAttributeValues(Map.of(":pk", Attr.s(Keys.activity(brand.value())), ":evt", Attr.s("EVT#")))
                .scanIndexForward(false).limit(Math.max(1, Math.min(limit, 1000))).build());
        return response.items().stream().map(DynamoActivityLog::event).toList();
    }

    private static DomainEvent event(Map<String, AttributeValue> i) {
        Map<String, String> data = new HashMap<>();
        if (i.containsKey("data")) {
            i.get("data").m().forEach((k, v) -> data.put(k, v.s()));
        }
        return new DomainEvent(Attr.str(i, "eventId"), Attr.str(i, "eventType"), new BrandId(Attr.str(i, "brand")),
                Instant.parse(Attr.str(i, "occurredAt")), data);
    }
}
