package io.tally.dynamo.store;

import io.tally.domain.program.CardSet;
import io.tally.domain.provisioning.BrandSetupReadPort;
import io.tally.domain.tenant.Brand;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.Employee;
import io.tally.domain.tenant.Location;
import io.tally.domain.tenant.LocationGroup;
import io.tally.domain.tenant.Terminal;
import io.tally.dynamo.table.Keys;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The back office's reads of a brand's configuration (A50): one consistent {@code Query} of the brand's partition per
 * kind of item, {@code begins_with(SK, <kind prefix>)}, every page, each item mapped by the schema that wrote it.
 */
final class DynamoBrandSetup implements BrandSetupReadPort {
    private final Table table;
    private final DynamoDbTable<Brand> brands;

    DynamoBrandSetup(Table table) {
        this.table = table;
        this.brands = table.of(ConfigItems.BRAND);
    }

    @Override
    public Optional<Brand> brand(BrandId brand) {
        return table.get(brands, Keys.brand(brand.value()), Keys.BRAND_SK, true);
    }

    @Override
    public List<LocationGroup> locationGroups(BrandId brand) {
        return kind(brand, Keys.LOCATION_GROUP_PREFIX, ConfigItems.LOCATION_GROUP);
    }

    @Override
    public List<Location> locations(BrandId brand) {
        return kind(brand, Keys.LOCATION_PREFIX, ConfigItems.LOCATION);
    }

    @Override
    public List<Terminal> terminals(BrandId brand) {
        return kind(brand, Keys.TERMINAL_PREFIX, ConfigItems.TERMINAL);
    }

    @Override
    public List<Employee> employees(BrandId brand) {
        return kind(brand, Keys.EMPLOYEE_PREFIX, ConfigItems.EMPLOYEE);
    }

    @Override
    public List<CardSet> cardSets(BrandId brand) {
        return kind(brand, Keys.CARD_SET_PREFIX, ConfigItems.CARD_SET);
    }

    private <T> List<T> kind(BrandId brand, String prefix, StaticImmutableTableSchema<T, ItemValues> schema) {
        return table.queryPrefix(Keys.brand(brand.value()), prefix, true).stream().map(schema::mapToItem).toList();
    }
}
