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
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** Writes configuration items; each save is one PutItem. */
final class DynamoProvisioning implements ProvisioningPort {
    /**
     * What a revocation writes into an API key item: only {@code revokedAt} (and the {@code type} and {@code keyId}
     * it already holds), so that the update needs neither a read of the key nor its other attributes.
     */
    private record Revocation(String keyId, Instant revokedAt) {
    }

    private static final StaticImmutableTableSchema<Revocation, ItemValues> REVOCATION =
            ItemSchema.of(Revocation.class, v -> new Revocation(v.string("keyId"), Instant.parse(v.string("revokedAt"))))
                    .key("ApiKey", r -> Keys.apiKey(r.keyId()), r -> Keys.API_KEY_SK)
                    .string("keyId", Revocation::keyId)
                    .string("revokedAt", r -> r.revokedAt().toString())
                    .build();

    private final Table table;
    private final DynamoDbTable<Brand> brands;
    private final DynamoDbTable<LocationGroup> groups;
    private final DynamoDbTable<Location> locations;
    private final DynamoDbTable<Terminal> terminals;
    private final DynamoDbTable<Employee> employees;
    private final DynamoDbTable<Program> programs;
    private final DynamoDbTable<ValueType> valueTypes;
    private final DynamoDbTable<CardSet> cardSets;
    private final DynamoDbTable<ApiKey> apiKeys;
    private final DynamoDbIndex<ApiKey> apiKeysByBrand;
    private final DynamoDbTable<Revocation> revocations;

    DynamoProvisioning(Table table) {
        this.table = table;
        this.brands = table.of(ConfigItems.BRAND);
        this.groups = table.of(ConfigItems.LOCATION_GROUP);
        this.locations = table.of(ConfigItems.LOCATION);
        this.terminals = table.of(ConfigItems.TERMINAL);
        this.employees = table.of(ConfigItems.EMPLOYEE);
        this.programs = table.of(ConfigItems.PROGRAM);
        this.valueTypes = table.of(ConfigItems.VALUE_TYPE);
        this.cardSets = table.of(ConfigItems.CARD_SET);
        this.apiKeys = table.of(ConfigItems.API_KEY);
        this.apiKeysByBrand = apiKeys.index(TallyTable.GSI1.name());
        this.revocations = table.of(REVOCATION);
    }

    @Override
    public boolean saveBrand(Brand brand) {
        return table.upsert(brands, brand);
    }

    @Override
    public boolean saveLocationGroup(LocationGroup group) {
        return table.upsert(groups, group);
    }

    @Override
    public boolean saveLocation(Location location) {
        return table.upsert(locations, location);
    }

    @Override
    public boolean saveTerminal(Terminal terminal) {
        return table.upsert(terminals, terminal);
    }

    @Override
    public Optional<Employee> employee(BrandId brand, LocationId location, EmployeeId id) {
        return table.get(employees, Keys.brand(brand.value()), Keys.employeeSk(location.value(), id.value()), true);
    }

    @Override
    public boolean saveEmployee(Employee employee) {
        return table.upsert(employees, employee);
    }

    @Override
    public boolean saveProgram(Program program) {
        return table.upsert(programs, program);
    }

    @Override
    public boolean saveValueType(ValueType valueType) {
        return table.upsert(valueTypes, valueType);
    }

    @Override
    public boolean saveCardSet(CardSet cardSet) {
        return table.upsert(cardSets, cardSet);
    }

    @Override
    public boolean createApiKey(ApiKey key) {
        return table.putIfAbsent(apiKeys, key);
    }

    @Override
    public Optional<ApiKey> apiKey(String keyId) {
        return table.get(apiKeys, Keys.apiKey(keyId), Keys.API_KEY_SK, true);
    }

    /** The brand's keys from GSI1, every page of them. */
    @Override
    public List<ApiKey> apiKeys(BrandId brand) {
        Key byBrand = Key.builder().partitionValue(Keys.brandApiKeys(brand.value())).build();
        List<ApiKey> keys = new ArrayList<>();
        apiKeysByBrand.query(r -> r.queryConditional(QueryConditional.keyEqualTo(byBrand)))
                .forEach(page -> keys.addAll(page.items()));
        keys.sort(Comparator.comparing(ApiKey::keyId));
        return keys;
    }

    /** One conditional UpdateItem: only the brand's own key, and only the first revocation counts. */
    @Override
    public Optional<ApiKey> revokeApiKey(BrandId brand, String keyId, Instant when) {
        try {
            revocations.updateItem(UpdateItemEnhancedRequest.builder(Revocation.class).item(new Revocation(keyId, when))
                    .ignoreNulls(true).returnValues(ReturnValue.NONE)
                    .conditionExpression(Table.condition("brand = :brand AND attribute_not_exists(revokedAt)", Map.of(),
                            Map.of(":brand", AttributeValue.fromS(brand.value()))))
                    .build());
        } catch (ConditionalCheckFailedException notThisBrandsOrAlreadyRevoked) {
            // fall through: what is stored tells which
        }
        return apiKey(keyId).filter(k -> k.brand().equals(brand));
    }
}
