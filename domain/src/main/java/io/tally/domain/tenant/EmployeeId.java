package io.tally.domain.tenant;

import io.tally.domain.shared.Identifiers;

/** A caller-chosen employee id, unique within its brand. */
public record EmployeeId(String value) {
    public EmployeeId {
        Identifiers.require(value, "employee id");
    }

    @Override
    public String toString() {
        return value;
    }
}
