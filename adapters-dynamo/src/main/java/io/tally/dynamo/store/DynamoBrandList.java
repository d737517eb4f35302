package io.tally.dynamo.store;

import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.ListBrandsPort;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The stack's brands from GSI1 ({@code BRANDS / <brand>}: every brand item is in it, A57): one query, every page,
 * keys only (the brand is the index sort key). A brand saved before the index entry existed joins it when provisioning
 * saves it again (the seed, the operator's command line).
 */
final class DynamoBrandList implements ListBrandsPort {
    private final Table table;

    DynamoBrandList(Table table) {
        this.table = table;
    }

    @Override
    public List<BrandId> brands() {
        TallyTable.Gsi gsi = TallyTable.GSI1;
        List<BrandId> brands = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = table.client.query(QueryRequest.builder().tableName(table.name).indexName(gsi.name())
                    .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", gsi.partitionKey(), "#sk", gsi.sortKey()))
                    .expressionAttributeValues(Map.of(":pk", Attr.s(Keys.BRANDS_INDEX))).projectionExpression("#sk")
                    .exclusiveStartKey(start).build());
            page.items().forEach(item -> brands.add(new BrandId(Attr.str(item, gsi.sortKey()))));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return brands;
    }
}
