package io.tally.lambda.jobs;

import io.tally.domain.ledger.SweepDueCardsUseCase;
import io.tally.lambda.topology.PeriodicJobs;
import java.time.Instant;
import java.util.stream.Collectors;

/** {@code expiry-sweeper}: writes the EXPIRE and RELEASE entries that have come due. */
public final class ExpirySweepTask implements PeriodicTask {
    public static final String NAME = PeriodicJobs.EXPIRY_SWEEPER.name();
    /** Cards per run: well within the function's timeout even when every card needs a write. */
    static final int MAX_CARDS_PER_RUN = 2_000;
    /** Cards swept at once: a card's sweep is a few round trips, so overlapping them is what makes a run fast. */
    public static final int PARALLELISM = 8;

    private final SweepDueCardsUseCase sweep;

    public ExpirySweepTask(SweepDueCardsUseCase sweep) {
        this.sweep = sweep;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String run(Instant now) {
        SweepDueCardsUseCase.Report r = sweep.sweep(now, MAX_CARDS_PER_RUN);
        String failed = r.failures().stream().limit(5).map(f -> f.card().brand().value() + "/" + f.card().card() + " ("
                + f.reason() + ")").collect(Collectors.joining("; "));
        return r.cardsVisited() + " due cards visited, " + r.entriesWritten() + " entries written, "
                + r.supersededRemoved() + " superseded index entries removed, " + r.cardsLeftForNextRun()
                + " left for the next run" + (failed.isEmpty() ? "" : ": " + failed);
    }
}
