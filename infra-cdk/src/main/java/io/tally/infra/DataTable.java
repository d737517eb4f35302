package io.tally.infra;

import io.tally.dynamo.table.TallyTable;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * The single table, shaped by {@link TallyTable} (the same definition tests and the local runtime
 * create on dynalite). Outside disposable stages it survives the stack: deletion protection, RETAIN,
 * and a customer-managed key (if chosen) that is retained with it, since a table whose key is gone is
 * unreadable.
 */
final class DataTable {
    private DataTable() {
    }

    static Table create(Construct scope, StackConfig config) {
        RemovalPolicy removal = config.disposable() ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
        Table.Builder table = Table.Builder.create(scope, "Table")
                .partitionKey(string(TallyTable.PK))
                .sortKey(string(TallyTable.SK))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .deletionProtection(!config.disposable())
                .removalPolicy(removal)
                .timeToLiveAttribute(TallyTable.TTL_ATTRIBUTE);
        if (config.tableKey() == StackConfig.TableKey.CUSTOMER_MANAGED) {
            table.encryption(TableEncryption.CUSTOMER_MANAGED).encryptionKey(Key.Builder.create(scope, "TableKey")
                    .description("Tally " + config.brand() + " " + config.stage() + " table key")
                    .enableKeyRotation(true)
                    .removalPolicy(removal)
                    .build());
        } else {
            table.encryption(TableEncryption.AWS_MANAGED);
        }
        Table built = table.build();
        for (TallyTable.Gsi gsi : TallyTable.GSIS) {
            built.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                    .indexName(gsi.name())
                    .partitionKey(string(gsi.partitionKey()))
                    .sortKey(string(gsi.sortKey()))
                    .projectionType(gsi.keysOnly() ? ProjectionType.KEYS_ONLY
                            : gsi.projectsAll() ? ProjectionType.ALL : ProjectionType.INCLUDE)
                    .nonKeyAttributes(gsi.projected().isEmpty() ? null : gsi.projected())
                    .build());
        }
        return built;
    }

    private static Attribute string(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }
}
