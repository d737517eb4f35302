package io.tally.domain.tenant;

import io.tally.domain.shared.Identifiers;

/** A caller-chosen location id, unique within its brand. */
public record LocationId(String value) {
    public LocationId {
        Identifiers.require(value, "location id");
    }

    @Override
    public String toString() {
        return value;
    }

    // Written out, not generated: docs/PERFORMANCE.md, "Records written out".
    @Override
    public boolean equals(Object o) {
        return o instanceof LocationId other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
