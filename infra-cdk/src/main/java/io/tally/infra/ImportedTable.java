package io.tally.infra;

import io.tally.dynamo.table.TallyTable;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableAttributes;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * A table the stack uses but does not own ({@code -c tableName=...}): how a stack runs on the table a point-in-time
 * restore made, which is born outside CloudFormation. The functions are granted it, its indexes and its key exactly
 * as they are granted the table {@link DataTable} creates; its backups, deletion protection and TTL are the
 * operator's (the restore runbook in infra-cdk/README.md sets them).
 */
final class ImportedTable {
    private ImportedTable() {
    }

    static ITable use(Construct scope, StackConfig.ExistingTable existing) {
        TableAttributes.Builder attributes = TableAttributes.builder()
                .tableName(existing.name())
                // named, so that grants cover the indexes as they do for the table the stack creates
                .globalIndexes(TallyTable.GSIS.stream().map(TallyTable.Gsi::name).toList());
        existing.keyArn().ifPresent(arn -> attributes.encryptionKey(Key.fromKeyArn(scope, "ExistingTableKey", arn)));
        return Table.fromTableAttributes(scope, "ExistingTable", attributes.build());
    }
}
