package io.tally.dynamo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A schema declared by attribute names: the values come from its one accessor, and a name it does not know fails. */
class ItemSchemaTest {
    record Thing(String name, long count, boolean hot) {
    }

    private static Object value(Thing t, String name) {
        return switch (name) {
            case "PK" -> "THING#" + t.name();
            case "SK" -> "THING";
            case "name" -> t.name();
            case "count" -> t.count();
            case "hot" -> t.hot();
            default -> throw ItemSchema.unknown(Thing.class, name);
        };
    }

    private static final StaticImmutableTableSchema<Thing, ItemValues> THING = ItemSchema.of(Thing.class,
                    v -> new Thing(v.string("name"), v.number("count"), v.bool("hot")), ItemSchemaTest::value)
            .key("Thing")
            .string("name")
            .number("count")
            .flag("hot")
            .build();

    @Test
    void attributes_declared_by_name_take_their_values_from_the_accessor_and_read_back() {
        Thing thing = new Thing("kettle", 3, true);
        Map<String, AttributeValue> item = THING.itemToMap(thing, true);
        assertEquals(Map.of("PK", AttributeValue.fromS("THING#kettle"), "SK", AttributeValue.fromS("THING"),
                "type", AttributeValue.fromS("Thing"), "name", AttributeValue.fromS("kettle"),
                "count", AttributeValue.fromN("3"), "hot", AttributeValue.fromBool(true)), item);
        assertEquals(thing, THING.mapToItem(item));
        assertEquals(false, THING.itemToMap(new Thing("cold", 0, false), true).containsKey("hot"), "a flag is stored only when true");
    }

    @Test
    void a_name_the_accessor_does_not_know_fails_on_the_first_write_naming_type_and_attribute() {
        var schema = ItemSchema.of(Thing.class, v -> new Thing(v.string("name"), 0, false), ItemSchemaTest::value)
                .string("name")
                .string("colour")
                .build();
        var failure = assertThrows(IllegalArgumentException.class, () -> schema.itemToMap(new Thing("x", 0, false), true));
        assertTrue(failure.getMessage().contains("Thing has no attribute colour"), failure.getMessage());
    }

    @Test
    void a_schema_declared_with_getters_cannot_declare_an_attribute_by_name_alone() {
        var schema = ItemSchema.of(Thing.class, v -> new Thing(v.string("name"), 0, false));
        assertThrows(IllegalStateException.class, () -> schema.string("name"));
    }
}
