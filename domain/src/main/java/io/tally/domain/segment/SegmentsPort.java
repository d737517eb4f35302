package io.tally.domain.segment;

import io.tally.domain.tenant.BrandId;
import java.util.List;
import java.util.Optional;

/**
 * Stores a brand's segments, so staff build a query once and campaigns, counts and the evaluation job use it by id.
 * Every write is one conditional single-item write: a new id must be free, a change must follow the version it read
 * (two staff members editing the same segment cannot silently overwrite each other).
 */
public interface SegmentsPort {
    /** Upper bound of a brand's segments. */
    int MAX_PER_BRAND = 500;

    /** Stores a new segment (version 1) only if its id is free in the brand. */
    boolean create(Segment segment);

    /** Replaces the stored segment only if it is at {@code changed.version() - 1}; false otherwise (or if absent). */
    boolean update(Segment changed);

    /** The segment, read strongly consistently. */
    Optional<Segment> find(BrandId brand, SegmentId id);

    /** The brand's segments in id order (at most {@link #MAX_PER_BRAND}). */
    List<Segment> list(BrandId brand);
}
