package io.tally.domain.tenant;

import io.tally.domain.shared.Identifiers;

/** A caller-chosen location group id, unique within its brand. */
public record LocationGroupId(String value) {
    public LocationGroupId {
        Identifiers.require(value, "location group id");
    }

    @Override
    public String toString() {
        return value;
    }
}
