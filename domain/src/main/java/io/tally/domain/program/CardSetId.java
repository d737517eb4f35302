package io.tally.domain.program;

import io.tally.domain.shared.Identifiers;

/** A caller-chosen card set id, unique within its brand. */
public record CardSetId(String value) {
    public CardSetId {
        Identifiers.require(value, "card set id");
    }

    @Override
    public String toString() {
        return value;
    }
}
