package io.tally.domain.tenant;

import java.util.Objects;

/** A point-of-sale device (or the one terminal of a web shop), always tied to one location. */
public record Terminal(BrandId brand, LocationId location, TerminalId id, String name) {
    public Terminal {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id.value() : name;
    }
}
