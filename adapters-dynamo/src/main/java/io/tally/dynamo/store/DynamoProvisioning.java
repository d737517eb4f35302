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
import java.util.Optional;

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
}
