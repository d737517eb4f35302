package io.tally.dynamo.store;

import io.tally.domain.program.CardSet;
import io.tally.domain.program.Program;
import io.tally.domain.program.ValueType;
import io.tally.domain.provisioning.ProvisioningPort;
import io.tally.domain.tenant.ApiKey;
import io.tally.domain.tenant.Brand;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.Employee;
import io.tally.domain.tenant.EmployeeId;
import io.tally.domain.tenant.Location;
import io.tally.domain.tenant.LocationGroup;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.Terminal;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Writes configuration items; each save is one PutItem. */
final class DynamoProvisioning implements ProvisioningPort {
    private final Table table;

    DynamoProvisioning(Table table) {
        this.table = table;
    }

    @Override
    public boolean saveBrand(Brand brand) {
        return table.upsert(ConfigItems.brand(brand));
    }

    @Override
    public boolean saveLocationGroup(LocationGroup group) {
        return table.upsert(ConfigItems.group(group));
    }

    @Override
    public boolean saveLocation(Location location) {
        return table.upsert(ConfigItems.location(location));
    }

    @Override
    public boolean saveTerminal(Terminal terminal) {
        return table.upsert(ConfigItems.terminal(terminal));
    }

    @Override
    public Optional<Employee> employee(BrandId brand, LocationId location, EmployeeId id) {
        return table.get(Keys.brand(brand.value()), Keys.employeeSk(location.value(), id.value()), true)
                .map(ConfigItems::employee);
    }

    @Override
    public boolean saveEmployee(Employee employee) {
        return table.upsert(ConfigItems.employee(employee));
    }

    @Override
    public boolean saveProgram(Program program) {
        return table.upsert(ConfigItems.program(program));
    }

    @Override
    public boolean saveValueType(ValueType valueType) {
        return table.upsert(ConfigItems.valueType(valueType));
    }

    @Override
    public boolean saveCardSet(CardSet cardSet) {
        return table.upsert(ConfigItems.cardSet(cardSet));
    }

    @Override
    public boolean createApiKey(ApiKey key) {
        return table.putIfAbsent(ConfigItems.apiKey(key));
    }

    @Override
    public Optional<ApiKey> apiKey(String keyId) {
        return table.get(Keys.apiKey(keyId), Keys.API_KEY_SK, true).map(ConfigItems::apiKey);
    }

    @Override
    public List<ApiKey> apiKeys(BrandId brand) {
        List<ApiKey> keys = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = table.client.query(QueryRequest.builder().tableName(table.name)
                    .indexName(TallyTable.GSI1.name())
                    .keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", TallyTable.GSI1.partitionKey()))
                    .expressionAttributeValues(Map.of(":pk", Attr.s(Keys.brandApiKeys(brand.value()))))
                    .exclusiveStartKey(start).build());
            page.items().forEach(i -> keys.add(ConfigItems.apiKey(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        keys.sort(Comparator.comparing(ApiKey::keyId));
        return keys;
    }

    /** One conditional UpdateItem: only the brand's own key, and only the first revocation counts. */
    @Override
    public Optional<ApiKey> revokeApiKey(BrandId brand, String keyId, Instant when) {
        try {
            table.client.updateItem(UpdateItemRequest.builder().tableName(table.name)
                    .key(Attr.key(Keys.apiKey(keyId), Keys.API_KEY_SK))
                    .updateExpression("SET revokedAt = :at")
                    .conditionExpression("brand = :brand AND attribute_not_exists(revokedAt)")
                    .expressionAttributeValues(Map.of(":at", Attr.s(when.toString()), ":brand", Attr.s(brand.value())))
                    .build());
        } catch (ConditionalCheckFailedException notThisBrandsOrAlreadyRevoked) {
            // fall through: what is stored tells which
        }
        return apiKey(keyId).filter(k -> k.brand().equals(brand));
    }
}
