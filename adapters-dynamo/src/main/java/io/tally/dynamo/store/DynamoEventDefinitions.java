package io.tally.dynamo.store;

import io.tally.domain.engagement.EventCategoryId;
import io.tally.domain.engagement.EventDefinition;
import io.tally.domain.engagement.EventDefinitionsPort;
import io.tally.domain.engagement.EventDisplay;
import io.tally.domain.engagement.EventType;
import io.tally.domain.engagement.Sentiment;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A brand's event definitions: one item {@code BRAND#b / EVDEF#<category>} each, in the brand's configuration partition
 * (the prefix is its own, so no other query of the partition meets them). Upserts (A71) report whether anything changed,
 * like the other configuration items; the list is one consistent query of the prefix (A70).
 */
final class DynamoEventDefinitions implements EventDefinitionsPort {
    /** The item schemas, built on first use of a table (see {@link Table#lazily}), not when the adapter is made. */
    static final class Schemas {
        static final StaticImmutableTableSchema<EventDefinition, ItemValues> SCHEMA =
                ItemSchema.of(EventDefinition.class, DynamoEventDefinitions::definition)
                        .key("EventDefinition", d -> Keys.brand(d.brand().value()), d -> Keys.eventDefinitionSk(d.category().value()))
                        .string("brand", d -> d.brand().value())
                        .string("category", d -> d.category().value())
                        .string("eventType", d -> d.type().wireName())
                        .string("name", EventDefinition::name)
                        .string("description", d -> d.description().isEmpty() ? null : d.description())
                        .stringList("display", d -> d.display().stream().sorted().map(EventDisplay::wireName).toList())
                        .string("sentiment", d -> d.sentiment().wireName())
                        .build();

        private Schemas() {
        }
    }

    private final Table table;
    private final Supplier<DynamoDbTable<EventDefinition>> definitions;

    DynamoEventDefinitions(Table table) {
        this.table = table;
        this.definitions = table.lazily(() -> Schemas.SCHEMA);
    }

    /** A71: {@code PutItem}, {@code ReturnValues=ALL_OLD}. */
    @Override
    public boolean save(EventDefinition definition) {
        return table.upsert(definitions.get(), definition);
    }

    /** A71: consistent {@code GetItem}. */
    @Override
    public Optional<EventDefinition> find(BrandId brand, EventCategoryId category) {
        return table.get(definitions.get(), Keys.brand(brand.value()), Keys.eventDefinitionSk(category.value()), true);
    }

    /** A70: consistent {@code Query begins_with(SK, EVDEF#)}, every page (sort key order: by category id). */
    @Override
    public List<EventDefinition> list(BrandId brand) {
        return table.queryPrefix(Keys.brand(brand.value()), Keys.EVENT_DEFINITION_PREFIX, true).stream()
                .map(Schemas.SCHEMA::mapToItem).toList();
    }

    private static EventDefinition definition(ItemValues v) {
        return new EventDefinition(new BrandId(v.string("brand")), new EventCategoryId(v.string("category")),
                EventType.byWireName(v.string("eventType")).orElseThrow(), v.string("name"),
                v.optString("description").orElse(""), v.<String>list("display").stream()
                .map(d -> EventDisplay.byWireName(d).orElseThrow()).collect(Collectors.toSet()),
                Sentiment.byWireName(v.string("sentiment")).orElseThrow());
    }
}
