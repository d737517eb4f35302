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

    // Written out, not generated: docs/PERFORMANCE.md, "Records written out".
    @Override
    public boolean equals(Object o) {
        return o instanceof BrandId other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
