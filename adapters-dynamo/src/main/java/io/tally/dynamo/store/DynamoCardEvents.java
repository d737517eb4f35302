package io.tally.dynamo.store;

import io.tally.domain.card.CardNumber;
import io.tally.domain.engagement.CardEventsPort;
import io.tally.domain.engagement.EventCategoryId;
import io.tally.domain.engagement.EventType;
import io.tally.domain.engagement.RecordedEvent;
import io.tally.domain.engagement.Sentiment;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.TerminalId;
import io.tally.dynamo.table.Keys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A card's recorded events in the card's own partition, {@code CARD#n / EVT#<ms>#<id>}: kept once by a
 * {@code PutItem attribute_not_exists(PK)} (A72), read newest first by one descending query of the prefix (A73). The
 * brand is in every item and every read filters on it (card numbers are unique across brands, but a read names both).
 */
final class DynamoCardEvents implements CardEventsPort {
    static final StaticImmutableTableSchema<RecordedEvent, ItemValues> SCHEMA =
            ItemSchema.of(RecordedEvent.class, DynamoCardEvents::event)
                    .key("CardEvent", e -> Keys.card(e.card().value()),
                            e -> Keys.cardEventSk(e.occurredAt().toEpochMilli(), e.id()))
                    .string("brand", e -> e.brand().value())
                    .string("id", RecordedEvent::id)
                    .string("card", e -> e.card().value())
                    .string("category", e -> e.category().value())
                    .string("eventType", e -> e.type().wireName())
                    .string("sentiment", e -> e.sentiment().wireName())
                    .string("at", e -> e.occurredAt().toString())
                    .string("recordedAt", e -> e.recordedAt().toString())
                    .string("location", e -> e.location().value())
                    .string("terminal", e -> e.terminal().value())
                    .number("value", e -> e.valueHundredths().orElse(null))
                    .strings("custom", RecordedEvent::customData)
                    .string("requestRef", RecordedEvent::requestRef)
                    .build();

    private final Table table;
    private final DynamoDbTable<RecordedEvent> events;

    DynamoCardEvents(Table table) {
        this.table = table;
        this.events = table.of(SCHEMA);
    }

    /** A72: {@code PutItem attribute_not_exists(PK)}. */
    @Override
    public boolean record(RecordedEvent event) {
        return table.putIfAbsent(events, event);
    }

    /** A73: {@code Query PK=CARD#n, begins_with(SK, EVT#)}, descending, consistent, {@code Limit}. */
    @Override
    public List<RecordedEvent> newest(BrandId brand, CardNumber card, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_PAGE + ": " + limit);
        }
        QueryEnhancedRequest request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBeginsWith(Key.builder().partitionValue(Keys.card(card.value()))
                        .sortValue(Keys.CARD_EVENT_PREFIX).build()))
                .scanIndexForward(false).consistentRead(true).limit(limit).build();
        return table.query(events, null, request).stream().filter(e -> e.brand().equals(brand)).toList();
    }

    /**
     * A76: {@code Query PK=CARD#n, begins_with(SK, EVT#)}, consistent, projecting {@code brand, category, sentiment, at},
     * every page (a page holds some 10,000 events' marks).
     */
    @Override
    public List<Mark> marks(BrandId brand, CardNumber card) {
        List<Mark> marks = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = table.client.query(QueryRequest.builder().tableName(table.name)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", Attr.s(Keys.card(card.value())),
                            ":prefix", Attr.s(Keys.CARD_EVENT_PREFIX)))
                    .projectionExpression("brand, category, sentiment, #at").expressionAttributeNames(Map.of("#at", "at"))
                    .consistentRead(true).exclusiveStartKey(start).build());
            page.items().stream().filter(i -> i.get("brand").s().equals(brand.value()))
                    .forEach(i -> marks.add(new Mark(new EventCategoryId(i.get("category").s()),
                            Sentiment.byWireName(i.get("sentiment").s()).orElseThrow(), Instant.parse(i.get("at").s()))));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return marks;
    }

    private static RecordedEvent event(ItemValues v) {
        return new RecordedEvent(v.string("id"), new BrandId(v.string("brand")), new CardNumber(v.string("card")),
                new EventCategoryId(v.string("category")), EventType.byWireName(v.string("eventType")).orElseThrow(),
                Sentiment.byWireName(v.string("sentiment")).orElseThrow(), Instant.parse(v.string("at")),
                Instant.parse(v.string("recordedAt")), new LocationId(v.string("location")),
                new TerminalId(v.string("terminal")), v.optNumber("value"), v.map("custom"), v.string("requestRef"));
    }
}
