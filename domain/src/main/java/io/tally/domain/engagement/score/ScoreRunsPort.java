package io.tally.domain.engagement.score;

import io.tally.domain.tenant.BrandId;
import java.util.Optional;

/**
 * Where the scoring job keeps its place in a brand (A101): one run item per brand, read at each invocation (and by the
 * back office's score settings page: the last run's day, cards scored, done or in progress) and moved on once per
 * page by a write conditional on the version read, so a crash, a duplicated or an overlapping invocation never counts
 * a page twice.
 */
public interface ScoreRunsPort {
    /** The brand's newest run, strongly consistent; empty before the job first ran over the brand. */
    Optional<ScoreRun> find(BrandId brand);

    /**
     * Stores {@code run} only if the stored run is at {@code run.version() - 1} (nothing stored for version 1); false
     * when another invocation moved the run on first.
     */
    boolean save(ScoreRun run);
}
