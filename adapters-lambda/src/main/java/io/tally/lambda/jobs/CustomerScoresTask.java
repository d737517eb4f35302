package io.tally.lambda.jobs;

import io.tally.domain.engagement.score.ScoreCardsUseCase;
import io.tally.domain.engagement.score.ScoreRun;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.ListBrandsPort;
import io.tally.lambda.topology.PeriodicJobs;
import io.tally.sqs.obs.Level;
import io.tally.sqs.obs.LogLine;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * {@code customer-scores}: every brand's run of the scoring job ({@link ScoreCardsUseCase}) goes on for at most
 * {@link #PAGES_PER_INVOCATION} pages from its stored cursor; a brand whose run is done starts the run of the last whole
 * UTC day before {@code now} (the day, not the moment the job runs, fixes the score), and a brand done for that day
 * costs two reads. A brand that fails is logged and left for the next invocation; the other brands go on.
 */
public final class CustomerScoresTask implements PeriodicTask {
    public static final String NAME = PeriodicJobs.CUSTOMER_SCORES.name();
    /**
     * Pages (100 cards, ~400 requests each) one invocation scores per brand: about 160 s at an assumed 4 ms a request,
     * inside the jobs function's 300 s (an estimate, not measured on AWS).
     */
    public static final int PAGES_PER_INVOCATION = 100;

    private final ListBrandsPort brands;
    private final ScoreCardsUseCase scoring;
    private final int pages;
    private final PrintStream log;

    public CustomerScoresTask(ListBrandsPort brands, ScoreCardsUseCase scoring, PrintStream log) {
        this(brands, scoring, PAGES_PER_INVOCATION, log);
    }

    public CustomerScoresTask(ListBrandsPort brands, ScoreCardsUseCase scoring, int pagesPerInvocation, PrintStream log) {
        this.brands = brands;
        this.scoring = scoring;
        this.pages = pagesPerInvocation;
        this.log = log;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String run(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1);
        List<BrandId> all = brands.brands();
        long walked = 0;
        int done = 0;
        int failed = 0;
        for (BrandId brand : all) {
            try {
                ScoreCardsUseCase.Progress p = scoring.run(brand, day, now, pages);
                walked += p.pages();
                boolean finished = p.run().map(ScoreRun::done).orElse(false);
                done += finished ? 1 : 0;
                LogLine line = LogLine.detached(log, Level.INFO, "customer scores", now).field("job", NAME)
                        .field("brand", brand.value()).field("pages", p.pages()).field("overtaken", p.overtaken() ? 1 : 0);
                p.run().ifPresent(r -> line.field("day", r.day().toString()).field("scored", r.scored())
                        .field("written", r.written()).field("done", r.done() ? 1 : 0));
                line.write();
            } catch (RuntimeException e) {
                failed++;
                LogLine.detached(log, Level.WARN, "scoring failed; the next run goes on", now).field("job", NAME)
                        .field("brand", brand.value()).fault(e).write();
            }
        }
        return all.size() + " brands scored as of " + day + ": " + walked + " pages, " + done + " runs done, "
                + (all.size() - done - failed) + " in progress" + (failed == 0 ? "" : ", " + failed + " brands failed");
    }
}
