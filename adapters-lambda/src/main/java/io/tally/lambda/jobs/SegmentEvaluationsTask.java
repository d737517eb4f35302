package io.tally.lambda.jobs;

import io.tally.domain.segment.evaluation.SegmentEvaluationUseCase;
import io.tally.domain.segment.evaluation.Snapshot;
import io.tally.domain.segment.evaluation.SnapshotStatus;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.ListBrandsPort;
import io.tally.lambda.topology.PeriodicJobs;
import io.tally.sqs.obs.Level;
import io.tally.sqs.obs.LogLine;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code segment-evaluations}: once a day, a run of every segment of every brand
 * ({@link SegmentEvaluationUseCase#startAll}: today's snapshot of each segment as it is now, its first page queued;
 * the evaluation consumer does the rest). A second run the same day starts nothing new: a segment unchanged since
 * names the same snapshot, READY or resumed. A brand that fails is logged and left for the next run; the other brands
 * go on.
 */
public final class SegmentEvaluationsTask implements PeriodicTask {
    public static final String NAME = PeriodicJobs.SEGMENT_EVALUATIONS.name();

    private final ListBrandsPort brands;
    private final Supplier<SegmentEvaluationUseCase> evaluation;
    private final PrintStream log;

    /**
     * @param evaluation the use case, built when the job first runs: without the evaluations queue configured the
     *                   invocation fails visibly, before any brand
     */
    public SegmentEvaluationsTask(ListBrandsPort brands, Supplier<SegmentEvaluationUseCase> evaluation, PrintStream log) {
        this.brands = brands;
        this.evaluation = evaluation;
        this.log = log;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String run(Instant now) {
        SegmentEvaluationUseCase job = evaluation.get();
        List<BrandId> all = brands.brands();
        long[] counts = new long[2];
        int failed = EachBrand.run(all, NAME, "segment evaluations", now, log, brand -> {
            List<Snapshot> started = job.startAll(brand);
            long readyNow = started.stream().filter(s -> s.status() == SnapshotStatus.READY).count();
            counts[0] += started.size() - readyNow;
            counts[1] += readyNow;
            LogLine.detached(log, Level.INFO, "segment evaluations", now).field("job", NAME)
                    .field("brand", brand.value()).field("running", started.size() - readyNow)
                    .field("ready", readyNow).write();
        });
        return all.size() + " brands: " + counts[0] + " segment runs started or resumed, " + counts[1]
                + " already READY today" + EachBrand.failures(failed);
    }
}
