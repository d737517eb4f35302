package io.tally.domain.tenant;

import io.tally.domain.shared.GeoPoint;
import java.util.Objects;
import java.util.Optional;

/**
 * A store, a website or any venue where a point of sale talks to the platform; its coordinates when the brand gives
 * them (segments' owning-location proximity).
 */
public record Location(BrandId brand, LocationId id, LocationGroupId group, String name, Optional<GeoPoint> coordinates) {
    public Location {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(coordinates, "coordinates");
        name = name == null || name.isBlank() ? id.value() : name;
    }

    /** A location without coordinates. */
    public Location(BrandId brand, LocationId id, LocationGroupId group, String name) {
        this(brand, id, group, name, Optional.empty());
    }
}
