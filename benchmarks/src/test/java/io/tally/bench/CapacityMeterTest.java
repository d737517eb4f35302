package io.tally.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/** DynamoDB's index write rules and item sizes as figure 7 applies them where dynalite reports no index units. */
class CapacityMeterTest {
    private static final List<String> TABLE_KEYS = List.of("PK", "SK");
    private static final CapacityMeter.Index ALL = new CapacityMeter.Index("GSI1", List.of("GSI1PK", "GSI1SK"), TABLE_KEYS,
            ProjectionType.ALL, List.of());
    private static final CapacityMeter.Index KEYS_ONLY = new CapacityMeter.Index("GSI2", List.of("GSI2PK", "GSI2SK"),
            TABLE_KEYS, ProjectionType.KEYS_ONLY, List.of());

    private static Map<String, AttributeValue> item(int padBytes, String... attributes) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", AttributeValue.fromS("CARD#1"));
        item.put("SK", AttributeValue.fromS("SEQ#1"));
        item.put("pad", AttributeValue.fromS("x".repeat(padBytes)));
        for (int i = 0; i < attributes.length; i += 2) {
            item.put(attributes[i], AttributeValue.fromS(attributes[i + 1]));
        }
        return item;
    }

    @Test
    void sizesFollowDynamoDbsRules() {
        assertEquals(2 + 5, CapacityMeter.size(Map.of("PK", AttributeValue.fromS("hello"))));
        assertEquals(1 + 3, CapacityMeter.size(Map.of("n", AttributeValue.fromN("123")))); // 3 digits: 2 bytes + 1
        assertEquals(1 + 3, CapacityMeter.size(Map.of("n", AttributeValue.fromN("-12.300")))); // zeros trimmed
        assertEquals(1 + 3 + (1 + 1 + 1) + (1 + 1 + 1),
                CapacityMeter.size(Map.of("m", AttributeValue.fromM(Map.of("a", AttributeValue.fromS("x"),
                        "b", AttributeValue.fromBool(true))))));
        assertEquals(1 + 3 + 2, CapacityMeter.size(Map.of("l", AttributeValue.fromL(List.of(AttributeValue.fromS("y"))))));
    }

    @Test
    void anItemEnteringAnIndexIsOneWriteOfItsProjection() {
        assertEquals(2, ALL.writeUnits(null, item(1500, "GSI1PK", "OUTBOX#1", "GSI1SK", "a")));
        assertEquals(1, KEYS_ONLY.writeUnits(null, item(1500, "GSI2PK", "DUE", "GSI2SK", "a")), "keys only: small");
    }

    @Test
    void anItemLeavingAnIndexIsOneWriteOfTheOldProjection() {
        assertEquals(4, ALL.writeUnits(item(3500, "GSI1PK", "OUTBOX#1", "GSI1SK", "a"), item(3500)));
    }

    @Test
    void anIndexKeyChangeIsTwoWrites() {
        assertEquals(2, ALL.writeUnits(item(10, "GSI1PK", "p", "GSI1SK", "a"), item(10, "GSI1PK", "p", "GSI1SK", "b")));
    }

    @Test
    void projectedAttributesOnlyIsOneWriteAndUnprojectedNothing() {
        assertEquals(2, ALL.writeUnits(item(10, "GSI1PK", "p", "GSI1SK", "a"), item(1100, "GSI1PK", "p", "GSI1SK", "a")));
        assertEquals(0, KEYS_ONLY.writeUnits(item(10, "GSI2PK", "p", "GSI2SK", "a"), item(1100, "GSI2PK", "p", "GSI2SK", "a")));
    }

    @Test
    void anItemInNoIndexCostsTheIndexNothing() {
        assertEquals(0, ALL.writeUnits(item(10), item(5000)));
        assertEquals(0, ALL.writeUnits(null, item(10, "GSI1PK", "only the partition key")), "sparse: both keys needed");
    }
}
