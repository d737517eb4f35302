package io.tally.domain.communication.rule;

import io.tally.domain.tenant.BrandId;
import java.util.Optional;

/**
 * Where the date rules' job keeps its place in a brand (A139, A140): one run item per brand, read at each invocation
 * and moved on once per page by a write conditional on the version read, so that a brand of any size is walked over
 * as many invocations as it takes, a crash resumes at the page it interrupted, and an overlapping invocation stops
 * instead of walking the same page again.
 */
public interface DateRunsPort {
    /** The brand's newest run, strongly consistent; empty before the job first ran over the brand. */
    Optional<DateRun> find(BrandId brand);

    /**
     * Stores {@code run} only if the stored run is at {@code run.version() - 1} (nothing stored for version 1); false
     * when another invocation moved the run on first.
     */
    boolean save(DateRun run);
}
