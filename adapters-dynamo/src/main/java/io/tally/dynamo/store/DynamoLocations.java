package io.tally.dynamo.store;

import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.Location;
import io.tally.domain.tenant.LocationGroup;
import io.tally.domain.tenant.LocationsPort;
import io.tally.dynamo.table.Keys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** A39: a brand's locations ({@code Query BRAND#b, SK begins_with LOC#}) and groups ({@code … LGRP#}), every page. */
final class DynamoLocations implements LocationsPort {
    private final DynamoDbTable<Location> locations;
    private final DynamoDbTable<LocationGroup> groups;

    DynamoLocations(Table table) {
        this.locations = table.of(ConfigItems.LOCATION);
        this.groups = table.of(ConfigItems.LOCATION_GROUP);
    }

    @Override
    public List<Location> locations(BrandId brand) {
        return all(locations, brand, Keys.LOCATION_PREFIX).stream().sorted(Comparator.comparing(l -> l.id().value())).toList();
    }

    @Override
    public List<LocationGroup> groups(BrandId brand) {
        return all(groups, brand, Keys.LOCATION_GROUP_PREFIX).stream().sorted(Comparator.comparing(g -> g.id().value())).toList();
    }

    private static <T> List<T> all(DynamoDbTable<T> items, BrandId brand, String prefix) {
        Key key = Key.builder().partitionValue(Keys.brand(brand.value())).sortValue(prefix).build();
        List<T> found = new ArrayList<>();
        items.query(r -> r.queryConditional(QueryConditional.sortBeginsWith(key)).consistentRead(true))
                .forEach(page -> found.addAll(page.items()));
        return found;
    }
}
