package io.tally.lambda.jobs;

import io.tally.domain.engagement.score.ScoreCardsUseCase;
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
 * {@code customer-scores}: every brand's cards scored as of the end of the last whole UTC day before {@code now}
 * ({@link ScoreCardsUseCase}): the day, not the moment the job runs, fixes the score, so the runs of the same day write
 * nothing again. A brand that fails is logged and left for the next run; the other brands go on.
 */
public final class CustomerScoresTask implements PeriodicTask {
    public static final String NAME = PeriodicJobs.CUSTOMER_SCORES.name();

    private final ListBrandsPort brands;
    private final ScoreCardsUseCase scoring;
    private final PrintStream log;

    public CustomerScoresTask(ListBrandsPort brands, ScoreCardsUseCase scoring, PrintStream log) {
        this.brands = brands;
        this.scoring = scoring;
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
        long scored = 0;
        long written = 0;
        int failed = 0;
        for (BrandId brand : all) {
            try {
                ScoreCardsUseCase.Run run = scoring.run(brand, day);
                scored += run.scored();
                written += run.written();
                LogLine.detached(log, Level.INFO, "customer scores", now).field("job", NAME).field("brand", brand.value())
                        .field("day", day.toString()).field("scored", run.scored()).field("written", run.written()).write();
            } catch (RuntimeException e) {
                failed++;
                LogLine.detached(log, Level.WARN, "scoring failed; the next run goes on", now).field("job", NAME)
                        .field("brand", brand.value()).fault(e).write();
            }
        }
        return all.size() + " brands scored as of " + day + ": " + scored + " cards, " + written + " scores changed"
                + (failed == 0 ? "" : ", " + failed + " brands failed");
    }
}
