package io.tally.domain.tenant;

import io.tally.domain.shared.Identifiers;

/** A caller-chosen brand id, unique across the platform. */
public record BrandId(String value) {
    public BrandId {
        Identifiers.require(value, "brand id");
    }

    @Override
    public String toString() {
        return value;
    }
}
