package io.tally.domain.program;

import io.tally.domain.shared.Identifiers;

/** A caller-chosen program id, unique within its brand. */
public record ProgramId(String value) {
    public ProgramId {
        Identifiers.require(value, "program id");
    }

    @Override
    public String toString() {
        return value;
    }
}
