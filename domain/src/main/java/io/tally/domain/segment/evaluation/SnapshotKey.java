package io.tally.domain.segment.evaluation;

import io.tally.domain.segment.SegmentId;
import io.tally.domain.tenant.BrandId;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * Which evaluation of a segment a snapshot is: its day (the brand's zone, when the run started) and the segment's
 * version it evaluated. One snapshot per day and definition: a second start on the same day of the same version is
 * the same snapshot; a start after an edit is a separate one. {@link #text()} orders snapshots of one segment as
 * they happened (day, then version).
 */
public record SnapshotKey(BrandId brand, SegmentId segment, LocalDate day, long version) {
    /** Versions are written with this many digits, so the text sorts like the numbers. */
    public static final int VERSION_DIGITS = 10;

    public SnapshotKey {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(day, "day");
        if (version < 1 || version >= 10_000_000_000L) {
            throw new IllegalArgumentException("a segment version is 1.." + (10_000_000_000L - 1));
        }
    }

    /** {@code 2026-12-02.v0000000003}: the snapshot's name within its segment, in the order they happened. */
    public String text() {
        String v = Long.toString(version);
        return day + ".v" + "0".repeat(VERSION_DIGITS - v.length()) + v;
    }

    /** The key {@link #text()} names, or empty for text that is not one. */
    public static Optional<SnapshotKey> parse(BrandId brand, SegmentId segment, String text) {
        int dot = text == null ? -1 : text.indexOf(".v");
        if (dot < 0 || text.length() != dot + 2 + VERSION_DIGITS) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SnapshotKey(brand, segment, LocalDate.parse(text.substring(0, dot)),
                    Long.parseLong(text.substring(dot + 2))));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
