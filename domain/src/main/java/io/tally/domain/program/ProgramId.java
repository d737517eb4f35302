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

    // Written out, not generated: docs/PERFORMANCE.md, "Records written out".
    @Override
    public boolean equals(Object o) {
        return o instanceof ProgramId other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
