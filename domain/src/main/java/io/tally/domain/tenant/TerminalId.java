package io.tally.domain.tenant;

import io.tally.domain.shared.Identifiers;

/** A caller-chosen terminal id, unique within its location. */
public record TerminalId(String value) {
    public TerminalId {
        Identifiers.require(value, "terminal id");
    }

    @Override
    public String toString() {
        return value;
    }
}
