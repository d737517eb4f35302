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

    // Written out, not generated: docs/PERFORMANCE.md, "Records written out".
    @Override
    public boolean equals(Object o) {
        return o instanceof TerminalId other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
