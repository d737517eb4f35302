package io.tally.domain.tenant;

import java.util.Objects;

/** A group of a brand's locations (for reporting and restricted back-office access). */
public record LocationGroup(BrandId brand, LocationGroupId id, String name) {
    public LocationGroup {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id.value() : name;
    }
}
