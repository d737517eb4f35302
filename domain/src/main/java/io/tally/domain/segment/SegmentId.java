package io.tally.domain.segment;

import io.tally.domain.shared.Identifiers;

/** A segment's id, unique within its brand (generated when the segment is created). */
public record SegmentId(String value) {
    public SegmentId {
        Identifiers.require(value, "segment id");
    }

    @Override
    public String toString() {
        return value;
    }
}
