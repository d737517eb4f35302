package io.tally.dynamo.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.dynamo.dynalite.DynaliteServer;
import io.tally.dynamo.dynalite.LocalDynamo;
import io.tally.dynamo.table.TallyTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** The launcher itself, outside the shared extension: persistence, shutdown, and its error messages. */
class DynaliteServerIT {
    private static final Map<String, AttributeValue> KEY =
            Map.of(TallyTable.PK, AttributeValue.fromS("CARD#P"), TallyTable.SK, AttributeValue.fromS("META"));

    @Test
    void dataInADataDirectorySurvivesARestartAndCloseStopsTheProcess() throws Exception {
        Path data = Files.createDirectories(Path.of("target", "dynalite-it")).resolve("data-" + System.nanoTime());
        DynaliteServer first = DynaliteServer.builder().dataDirectory(data).logDirectory(Path.of("target", "dynalite")).start();
        try (first; DynamoDbClient client = LocalDynamo.client(first.endpoint())) {
            TallyTable.ensureExists(client, "persisted");
            client.putItem(PutItemRequest.builder().tableName("persisted").item(KEY).build());
        }
        assertFalse(first.isRunning());

        try (DynaliteServer second = DynaliteServer.builder().dataDirectory(data).logDirectory(Path.of("target", "dynalite")).start();
             DynamoDbClient client = LocalDynamo.client(second.endpoint())) {
            assertTrue(client.getItem(GetItemRequest.builder().tableName("persisted").key(KEY).consistentRead(true).build()).hasItem());
        }
    }

    @Test
    void aCheckoutWithoutNodeModulesSaysToRunNpmCi() throws Exception {
        Path empty = Files.createDirectories(Path.of("target", "dynalite-it", "no-node-modules")).toAbsolutePath();

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> DynaliteServer.builder().repoRoot(empty).start());

        assertTrue(failure.getMessage().contains("run `npm ci` in " + empty), failure.getMessage());
    }

    @Test
    void endpointIsLoopbackOnTheChosenPort() {
        try (DynaliteServer server = DynaliteServer.builder().logDirectory(Path.of("target", "dynalite")).start()) {
            assertEquals("http://127.0.0.1:" + server.port(), server.endpoint().toString());
            assertTrue(Files.exists(server.logFile()));
        }
    }
}
