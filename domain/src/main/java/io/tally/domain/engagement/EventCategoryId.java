package io.tally.domain.engagement;

import io.tally.domain.shared.Identifiers;

/** The id an integration names an event of a brand by when it records one ({@code review}, {@code app-download}). */
public record EventCategoryId(String value) {
    public EventCategoryId {
        Identifiers.require(value, "event category id");
    }

    @Override
    public String toString() {
        return value;
    }
}
