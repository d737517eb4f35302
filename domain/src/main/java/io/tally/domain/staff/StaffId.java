package io.tally.domain.staff;

import java.util.Objects;

/** A staff member's id: the identity service's stable user id (Cognito's {@code sub}), unique across brands. */
public record StaffId(String value) {
    public StaffId {
        Objects.requireNonNull(value, "staff id");
        if (value.isBlank() || value.length() > 128) {
            throw new IllegalArgumentException("a staff id is 1-128 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
