package io.tally.domain.fakes;

import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.Location;
import io.tally.domain.tenant.LocationGroup;
import io.tally.domain.tenant.LocationsPort;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@link LocationsPort} in memory: add locations and groups, read them back per brand. */
public final class InMemoryLocations implements LocationsPort {
    private final List<Location> locations = new CopyOnWriteArrayList<>();
    private final List<LocationGroup> groups = new CopyOnWriteArrayList<>();

    public InMemoryLocations add(LocationGroup group) {
        groups.add(group);
        return this;
    }

    public InMemoryLocations add(Location location) {
        locations.add(location);
        return this;
    }

    @Override
    public List<Location> locations(BrandId brand) {
        return locations.stream().filter(l -> l.brand().equals(brand)).sorted(Comparator.comparing(l -> l.id().value())).toList();
    }

    @Override
    public List<LocationGroup> groups(BrandId brand) {
        return groups.stream().filter(g -> g.brand().equals(brand)).sorted(Comparator.comparing(g -> g.id().value())).toList();
    }
}
