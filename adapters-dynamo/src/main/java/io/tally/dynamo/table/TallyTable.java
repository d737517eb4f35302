package io.tally.dynamo.table;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The one table. Its shape is defined here and only here: tests, the local runtime and the CDK
 * stack all read it from this class (see docs/ARCHITECTURE.md for the access patterns it serves).
 * Every key attribute is a string; GSIs are generic (their meaning depends on the item type) and
 * sparse (an item without the attributes is not in the index); each projects what its queries read.
 */
public final class TallyTable {
    public static final String PK = "PK";
    public static final String SK = "SK";
    /** Epoch seconds after which DynamoDB may delete the item (idempotency records and other disposable items). */
    public static final String TTL_ATTRIBUTE = "expiresAt";

    /**
     * What a card profile's index entries carry: every attribute of the profile, since card searches and the card set
     * pool answer whole cards from the index (CardItems maps exactly these; IndexProjectionTest keeps them in step).
     */
    public static final List<String> CARD_ATTRIBUTES = List.of("type", "brand", "cardNumber", "program", "cardSet",
            "status", "version", "customCardNumber", "pinHash", "primaryCustomer", "alternateCustomer",
            "brandDemographics", "customData", "thirdPartyUsernames", "activatedAt", "enrolledAt", "owningLocation");
    /** What an API key's index entry carries (a brand's keys, listed from GSI1): the whole key record. */
    public static final List<String> API_KEY_ATTRIBUTES = List.of("keyId", "label", "secretHash", "createdAt", "revokedAt");

    /**
     * GSI1: card set and coupon set pools, a brand's API keys, and the ledger's outbox. Ledger entries pass through it on every
     * write, so it projects only the attributes the pool and the key list read: an entry's copy is its keys plus
     * {@code type} and {@code brand}, never its state (the outbox reads the entries themselves by key).
     */
    public static final Gsi GSI1 = new Gsi("GSI1", "GSI1PK", "GSI1SK", include(CARD_ATTRIBUTES, API_KEY_ATTRIBUTES));
    /** GSI2: cards by customCardNumber, enrollments with work left. Only whole cards and enrollment records: ALL. */
    public static final Gsi GSI2 = new Gsi("GSI2", "GSI2PK", "GSI2SK", List.of());
    /** GSI3: cards by e-mail, a brand's audit log by time. Only whole cards and whole audit records: ALL. */
    public static final Gsi GSI3 = new Gsi("GSI3", "GSI3PK", "GSI3SK", List.of());
    /** GSI4: cards by phone, and the sweeper's due index (which reads keys and {@code brand} only): cards' attributes. */
    public static final Gsi GSI4 = new Gsi("GSI4", "GSI4PK", "GSI4SK", CARD_ATTRIBUTES);
    /**
     * GSI5: cards by the primary customer's first name (prefix search, case- and accent-insensitive; the back office).
     * Keys only: a search reads the cards themselves by key (consistently) and re-checks them, so a card's change
     * costs the index only its keys.
     */
    public static final Gsi GSI5 = Gsi.keysOnly("GSI5", "GSI5PK", "GSI5SK");
    /** GSI6: cards by the primary customer's last name, like GSI5. Keys only. */
    public static final Gsi GSI6 = Gsi.keysOnly("GSI6", "GSI6PK", "GSI6SK");
    public static final List<Gsi> GSIS = List.of(GSI1, GSI2, GSI3, GSI4, GSI5, GSI6);

    private TallyTable() {
    }

    /**
     * A global secondary index: its name, its string partition and sort key attributes, and the non-key attributes it
     * projects (INCLUDE); none listed means it projects ALL attributes, unless it projects its keys only.
     */
    public record Gsi(String name, String partitionKey, String sortKey, List<String> projected, boolean keysOnly) {
        public Gsi {
            projected = List.copyOf(projected);
            if (keysOnly && !projected.isEmpty()) {
                throw new IllegalArgumentException("a keys-only index projects no other attribute");
            }
        }

        public Gsi(String name, String partitionKey, String sortKey, List<String> projected) {
            this(name, partitionKey, sortKey, projected, false);
        }

        static Gsi keysOnly(String name, String partitionKey, String sortKey) {
            return new Gsi(name, partitionKey, sortKey, List.of(), true);
        }

        public boolean projectsAll() {
            return !keysOnly && projected.isEmpty();
        }

        /** The projection as DynamoDB names it. */
        public ProjectionType projectionType() {
            return keysOnly ? ProjectionType.KEYS_ONLY : projected.isEmpty() ? ProjectionType.ALL : ProjectionType.INCLUDE;
        }
    }

    @SafeVarargs
    private static List<String> include(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) {
            l.stream().filter(a -> !all.contains(a)).forEach(all::add);
        }
        return all;
    }

    public static CreateTableRequest createTableRequest(String tableName) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        attributes.add(stringAttribute(PK));
        attributes.add(stringAttribute(SK));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (Gsi gsi : GSIS) {
            attributes.add(stringAttribute(gsi.partitionKey()));
            attributes.add(stringAttribute(gsi.sortKey()));
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(gsi.name())
                    .keySchema(key(gsi.partitionKey(), KeyType.HASH), key(gsi.sortKey(), KeyType.RANGE))
                    .projection(gsi.projectionType() == ProjectionType.INCLUDE
                            ? Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes(gsi.projected()).build()
                            : Projection.builder().projectionType(gsi.projectionType()).build())
                    .build());
        }
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes)
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                .globalSecondaryIndexes(indexes)
                .build();
    }

    /** Creates the table if it does not exist and waits until it is active. Safe to call concurrently. */
    public static void ensureExists(DynamoDbClient client, String tableName) {
        try {
            client.describeTable(DescribeTableRequest.builder().tableName(tableName).build());
        } catch (ResourceNotFoundException missing) {
            try {
                client.createTable(createTableRequest(tableName));
            } catch (ResourceInUseException raced) {
                // created meanwhile by someone else: fine
            }
        }
        waitActive(client, tableName);
    }

    private static void waitActive(DynamoDbClient client, String tableName) {
        for (int i = 0; i < 600; i++) {
            TableStatus status = client.describeTable(DescribeTableRequest.builder().tableName(tableName).build())
                    .table().tableStatus();
            if (status == TableStatus.ACTIVE) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for table " + tableName, e);
            }
        }
        throw new IllegalStateException("table " + tableName + " did not become active within 30 s");
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
