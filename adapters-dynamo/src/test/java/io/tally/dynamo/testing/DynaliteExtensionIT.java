package io.tally.dynamo.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.dynamo.dynalite.DynaliteServer;
import io.tally.dynamo.table.TallyTable;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

@ExtendWith(DynaliteExtension.class)
class DynaliteExtensionIT {

    @Test
    void putThenGetReturnsTheItem(DynamoTestTable table) {
        table.client().putItem(put(table, "CARD#1", "balance", "100"));

        Map<String, AttributeValue> item = table.client().getItem(GetItemRequest.builder()
                .tableName(table.tableName()).key(key("CARD#1")).consistentRead(true).build()).item();

        assertEquals("100", item.get("balance").n());
    }

    @Test
    void conditionalPutOnAnExistingKeyConflicts(DynamoTestTable table) {
        PutItemRequest claim = put(table, "CARD#2", "balance", "5").toBuilder()
                .conditionExpression("attribute_not_exists(" + TallyTable.PK + ")").build();
        table.client().putItem(claim);

        assertThrows(ConditionalCheckFailedException.class, () -> table.client().putItem(claim));
    }

    @Test
    void freshTablesAreEmptyAndDistinct(DynamoTestTable shared, @DynaliteExtension.Fresh DynamoTestTable fresh) {
        shared.client().putItem(put(shared, "CARD#3", "balance", "1"));

        assertNotEquals(shared.tableName(), fresh.tableName());
        assertTrue(fresh.client().getItem(GetItemRequest.builder()
                .tableName(fresh.tableName()).key(key("CARD#3")).consistentRead(true).build()).item().isEmpty());
    }

    @Test
    void oneServerAndClientPerJvm(DynaliteServer server, DynamoDbClient client, DynamoTestTable table) {
        assertTrue(server.isRunning());
        assertEquals("127.0.0.1", server.endpoint().getHost());
        assertSame(client, table.client());
    }

    private static PutItemRequest put(DynamoTestTable table, String pk, String attribute, String number) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(pk));
        item.put(attribute, AttributeValue.fromN(number));
        return PutItemRequest.builder().tableName(table.tableName()).item(item).build();
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of(TallyTable.PK, AttributeValue.fromS(pk), TallyTable.SK, AttributeValue.fromS("META"));
    }
}
