package io.tally.domain.fakes;

import io.tally.domain.card.CardLocationsPort;
import io.tally.domain.card.CardNumber;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link CardLocationsPort}. */
public final class InMemoryCardLocations implements CardLocationsPort {
    private final Map<String, Set<LocationId>> links = new ConcurrentHashMap<>();

    @Override
    public void link(BrandId brand, CardNumber card, LocationId location) {
        links.computeIfAbsent(brand.value() + "/" + card.value(),
                k -> java.util.Collections.synchronizedSet(new TreeSet<>(java.util.Comparator.comparing(LocationId::value))))
                .add(location);
    }

    @Override
    public Set<LocationId> locations(BrandId brand, CardNumber card) {
        Set<LocationId> found = links.get(brand.value() + "/" + card.value());
        if (found == null) {
            return Set.of();
        }
        synchronized (found) {
            return Set.copyOf(found);
        }
    }
}
