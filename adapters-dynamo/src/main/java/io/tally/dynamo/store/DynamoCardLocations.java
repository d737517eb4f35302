package io.tally.dynamo.store;

import io.tally.domain.card.CardLocationsPort;
import io.tally.domain.card.CardNumber;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import io.tally.dynamo.table.Keys;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/**
 * Where a card was used: one link item {@code CARD#n / LOC#l} per location in the card's own partition (so a
 * manager's scope over a card is one Query of it). {@code LOC#} sorts outside the ledger's {@code SEQ#} range, so the
 * ledger's queries never meet the links. Linking is an unconditional put of the same item: idempotent.
 */
final class DynamoCardLocations implements CardLocationsPort {
    /** Locations read per card at most (a card used at more is in scope of the first 1,000 by location id). */
    static final int MAX_LOCATIONS = 1000;

    record Link(String card, String brand, String location) {
    }

    static final StaticImmutableTableSchema<Link, ItemValues> SCHEMA = ItemSchema.of(Link.class,
                    v -> new Link(v.string("card"), v.string("brand"), v.string("location")))
            .key("CardLocation", l -> Keys.card(l.card()), l -> Keys.locationLinkSk(l.location()))
            .string("card", Link::card)
            .string("brand", Link::brand)
            .string("location", Link::location)
            .build();

    private final Table table;
    private final DynamoDbTable<Link> links;

    DynamoCardLocations(Table table) {
        this.table = table;
        this.links = table.of(SCHEMA);
    }

    @Override
    public void link(BrandId brand, CardNumber card, LocationId location) {
        links.putItem(new Link(card.value(), brand.value(), location.value()));
    }

    @Override
    public Set<LocationId> locations(BrandId brand, CardNumber card) {
        Key prefix = Key.builder().partitionValue(Keys.card(card.value())).sortValue(Keys.LOCATION_LINK_PREFIX).build();
        return table.query(links, null, QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.sortBeginsWith(prefix)).consistentRead(true)
                        .limit(MAX_LOCATIONS).build())
                .stream().filter(l -> l.brand().equals(brand.value())).map(l -> new LocationId(l.location()))
                .collect(Collectors.toSet());
    }
}
