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
}
