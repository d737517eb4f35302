package io.tally.dynamo.testing;

import io.tally.dynamo.table.TallyTable;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A Tally table on the test JVM's dynalite and a client for it. */
public record DynamoTestTable(DynamoDbClient client, String tableName) {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final int MAX_HINT = 60;

    public DynamoTestTable {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(tableName, "tableName");
    }

    /** Creates (TallyTable.ensureExists) a new, empty table with a unique name on the same dynalite. */
    public DynamoTestTable fresh(String hint) {
        return create(client, hint);
    }

    static DynamoTestTable create(DynamoDbClient client, String hint) {
        String name = uniqueName(hint);
        TallyTable.ensureExists(client, name);
        return new DynamoTestTable(client, name);
    }

    /** {@code t<n>-<hint>}: legal DynamoDB characters only, unique in this JVM. */
    static String uniqueName(String hint) {
        String safe = hint.replaceAll("[^a-zA-Z0-9_.-]", "-");
        if (safe.length() > MAX_HINT) {
            safe = safe.substring(0, MAX_HINT);
        }
        return "t" + SEQUENCE.incrementAndGet() + "-" + safe;
    }
}
