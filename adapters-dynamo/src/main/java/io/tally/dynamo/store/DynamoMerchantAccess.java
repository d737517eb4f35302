package io.tally.dynamo.store;

import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.EmployeeId;
import io.tally.domain.tenant.LoadMerchantAccessPort;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.TerminalId;
import io.tally.dynamo.table.Keys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Loads key, brand, location, terminal and employee with one BatchGetItem. The batch stays on the low-level client
 * because it reads items of five types, and the enhanced client maps all of a batch's results from one table with
 * one schema; each item is mapped with its own type's schema instead.
 */
final class DynamoMerchantAccess implements LoadMerchantAccessPort {
    private final Table table;

    DynamoMerchantAccess(Table table) {
        this.table = table;
    }

    @Override
    public MerchantAccess load(String apiKeyId, BrandId brand, LocationId location, TerminalId terminal,
                               Optional<EmployeeId> employee) {
        String brandPk = Keys.brand(brand.value());
        String apiKeyPk = Keys.apiKey(apiKeyId);
        String locationSk = Keys.locationSk(location.value());
        String terminalSk = Keys.terminalSk(location.value(), terminal.value());
        String employeeSk = employee.map(e -> Keys.employeeSk(location.value(), e.value())).orElse(null);
        List<Map<String, AttributeValue>> keys = new ArrayList<>(List.of(
                Attr.key(apiKeyPk, Keys.API_KEY_SK), Attr.key(brandPk, Keys.BRAND_SK),
                Attr.key(brandPk, locationSk), Attr.key(brandPk, terminalSk)));
        if (employeeSk != null) {
            keys.add(Attr.key(brandPk, employeeSk));
        }
        MerchantAccess found = new MerchantAccess(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        for (Map<String, AttributeValue> item : table.batchGet(keys)) {
            String pk = Attr.str(item, "PK");
            String sk = Attr.str(item, "SK");
            if (pk.equals(apiKeyPk)) {
                found = new MerchantAccess(Optional.of(ConfigItems.API_KEY.mapToItem(item)), found.brand(),
                        found.location(), found.terminal(), found.employee());
            } else if (sk.equals(Keys.BRAND_SK)) {
                found = new MerchantAccess(found.apiKey(), Optional.of(ConfigItems.BRAND.mapToItem(item)),
                        found.location(), found.terminal(), found.employee());
            } else if (sk.equals(locationSk)) {
                found = new MerchantAccess(found.apiKey(), found.brand(), Optional.of(ConfigItems.LOCATION.mapToItem(item)),
                        found.terminal(), found.employee());
            } else if (sk.equals(terminalSk)) {
                found = new MerchantAccess(found.apiKey(), found.brand(), found.location(),
                        Optional.of(ConfigItems.TERMINAL.mapToItem(item)), found.employee());
            } else if (sk.equals(employeeSk)) {
                found = new MerchantAccess(found.apiKey(), found.brand(), found.location(), found.terminal(),
                        Optional.of(ConfigItems.EMPLOYEE.mapToItem(item)));
            }
        }
        return found;
    }
}
