package io.tally.lambda.jobs;

import io.tally.domain.communication.send.SendFanoutUseCase;
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
 * {@code scheduled-sends}: every 5 minutes, per brand, the due QUEUED sends started (A111's index, no scan), a send
 * stuck at its start resumed, a send without progress for an hour marked ERROR ({@link SendFanoutUseCase#runDue}). A
 * brand that fails is logged and left for the next run; the other brands go on.
 */
public final class ScheduledSendsTask implements PeriodicTask {
    public static final String NAME = PeriodicJobs.SCHEDULED_SENDS.name();

    private final ListBrandsPort brands;
    private final Supplier<SendFanoutUseCase> fanout;
    private final PrintStream log;

    /**
     * @param fanout the use case, built when the job first runs: without the mailings queue configured the invocation
     *               fails visibly, before any brand
     */
    public ScheduledSendsTask(ListBrandsPort brands, Supplier<SendFanoutUseCase> fanout, PrintStream log) {
        this.brands = brands;
        this.fanout = fanout;
        this.log = log;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String run(Instant now) {
        SendFanoutUseCase job = fanout.get();
        List<BrandId> all = brands.brands();
        int[] counts = new int[3];
        int failed = EachBrand.run(all, NAME, "scheduled sends", now, log, brand -> {
            SendFanoutUseCase.Due due = job.runDue(brand);
            counts[0] += due.started();
            counts[1] += due.resumed();
            counts[2] += due.failed();
            if (due.started() + due.resumed() + due.failed() > 0) {
                LogLine.detached(log, Level.INFO, "scheduled sends", now).field("job", NAME)
                        .field("brand", brand.value()).field("started", due.started())
                        .field("resumed", due.resumed()).field("failed", due.failed()).write();
            }
        });
        return all.size() + " brands: " + counts[0] + " sends started, " + counts[1] + " resumed, " + counts[2]
                + " marked ERROR" + EachBrand.failures(failed);
    }
}
