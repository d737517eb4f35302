package io.tally.domain.tenant;

import java.util.Objects;

/** A store, a website or any venue where a point of sale talks to the platform. */
public record Location(BrandId brand, LocationId id, LocationGroupId group, String name) {
    public Location {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(group, "group");
        name = name == null || name.isBlank() ? id.value() : name;
    }
}
