package io.tally.dynamo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tally.dynamo.store.DynamoMemberStores.Counter;
import io.tally.dynamo.store.DynamoMemberStores.PreferencesItem;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The member portal's small items' schemas without a network. */
class DynamoMemberStoresItemsTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123Z");

    @Test
    void preferences_store_an_empty_choice_as_an_empty_map() {
        PreferencesItem none = new PreferencesItem("BRAND#b#PREFS#email:a@x", Map.of(), T0.toString());

        assertEquals(AttributeValue.fromM(Map.of()), DynamoMemberStores.PREFERENCES.itemToMap(none, true).get("lists"));
        assertEquals(none, roundTrip(none));
        PreferencesItem some = new PreferencesItem("BRAND#b#PREFS#email:a@x", Map.of("news", true, "offers", false),
                T0.toString());
        assertEquals(some, roundTrip(some));
    }

    @Test
    void a_counter_reads_from_the_attributes_its_increment_returns() {
        Counter c = DynamoMemberStores.COUNTER.mapToItem(Map.of("n", AttributeValue.fromN("3"),
                "expiresAt", AttributeValue.fromN("9")));

        assertEquals(new Counter(null, null, 3L, 9L), c);
    }

    private static PreferencesItem roundTrip(PreferencesItem item) {
        return DynamoMemberStores.PREFERENCES.mapToItem(DynamoMemberStores.PREFERENCES.itemToMap(item, true));
    }
}
