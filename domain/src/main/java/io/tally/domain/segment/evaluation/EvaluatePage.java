package io.tally.domain.segment.evaluation;

import java.util.Objects;
import java.util.Optional;

/**
 * One page of a snapshot's run to evaluate: the message the evaluation queue carries, delivered at least once, in
 * any order. {@code cursor} is where the page starts in the brand's cards (empty for the first page).
 */
public record EvaluatePage(SnapshotKey snapshot, int page, Optional<String> cursor) {
    /**
     * Upper bound of a run's pages, 2,000,000 cards of pages of 100: the header keeps a flag per page done, at most 7
     * bytes each (5 digits, a boolean, 1 byte per map element), so 20,000 pages keep it under 140 KB + a few KB of
     * definition, within DynamoDB's 400 KB item.
     */
    public static final int MAX_PAGES = 20_000;

    public EvaluatePage {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(cursor, "cursor");
        if (page < 0 || page >= MAX_PAGES) {
            throw new IllegalArgumentException("page out of range: " + page);
        }
        if (page > 0 && cursor.isEmpty()) {
            throw new IllegalArgumentException("a page after the first starts at a cursor");
        }
    }
}
