package io.tally.bench;

import io.tally.domain.card.Card;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.ledger.CardLedgerWriter;
import io.tally.domain.ledger.ExpireDueUseCase;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.SweepDueCardsUseCase;
import io.tally.domain.shared.Backoff;
import io.tally.domain.shared.RetryPolicy;
import io.tally.dynamo.store.DynamoBulkImport;
import io.tally.dynamo.store.DynamoStorage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Figure 6. The expiry sweeper on dynalite: {@code n} due cards, first with nothing else in the due index (the floor),
 * then each behind {@code s} superseded names of its own (a history whose due instant kept changing), all made by the
 * domain's rules and stored through the batch path. Runs of the production sweeper (2,000 cards a run) until nothing
 * is due; the target is the progress guarantee: every card swept within ceil(n / 2,000) + 1 runs, each superseded
 * name read once; 8 cards at a time, as the job sweeps. Events go nowhere here (the fast path's SQS publish is figure 2's business).
 */
final class SweeperFigure {
    private static final int CARDS_PER_RUN = 2_000;
    private static final long FIRST_INDEX = 8_000_000_000L;

    private final BenchWorld world;
    private final Options options;

    SweeperFigure(BenchWorld world, Options options) {
        this.world = world;
        this.options = options;
    }

    void run(Report report) {
        int n = options.sweepCards();
        Result floor = measure(FIRST_INDEX, n, 0);
        Result behind = measure(FIRST_INDEX + n, n, options.sweepSuperseded());
        int bound = (n + CARDS_PER_RUN - 1) / CARDS_PER_RUN + 1;
        report.add(new Report.Row("6 sweeper", "expiry sweeper, " + n + " due cards, no superseded names",
                rate(floor), "-", Double.NaN, "-", Report.Verdict.INFO, floor.notes()));
        boolean met = behind.runs() <= bound && behind.superseded() >= (long) n * options.sweepSuperseded();
        report.add(new Report.Row("6 sweeper", "expiry sweeper, " + n + " due cards behind " + options.sweepSuperseded()
                + " superseded names each", rate(behind), rate(floor), behind.seconds() / floor.seconds(),
                "all swept in <= " + bound + " runs, each name read once", met ? Report.Verdict.MET : Report.Verdict.MISSED,
                behind.notes()));
    }

    private record Result(int cards, int runs, long superseded, long written, double seconds, double loadSeconds) {
        String notes() {
            return runs + " runs, " + written + " entries written, " + superseded + " superseded names removed ("
                    + Math.round(superseded / Math.max(seconds, 1e-9)) + "/s); data stored in " + Report.fmt(loadSeconds) + " s";
        }
    }

    private static String rate(Result r) {
        return Math.round(r.cards() / Math.max(r.seconds(), 1e-9)) + " cards/s (" + Report.fmt(r.seconds()) + " s)";
    }

    private Result measure(long firstIndex, int n, int superseded) {
        DynamoStorage storage = world.storage();
        long loadStarted = System.nanoTime();
        List<Card> cards = new ArrayList<>();
        List<LedgerEntry> entries = new ArrayList<>();
        DynamoBulkImport bulk = storage.bulkImport();
        for (long i = firstIndex; i < firstIndex + n; i++) {
            Generated.History h = Generated.dueHistory(i, superseded);
            cards.add(h.card());
            entries.addAll(h.entries());
            if (entries.size() > 5_000) {
                bulk.cards(cards);
                bulk.ledgerEntries(entries);
                cards.clear();
                entries.clear();
            }
        }
        bulk.cards(cards);
        bulk.ledgerEntries(entries);
        double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
        CardLedgerWriter writer = new CardLedgerWriter(storage.cards(), storage.cardLedger(), events -> {
        }, Clock.systemUTC(), new SeededRandom(firstIndex), RetryPolicy.of(8, Backoff.NONE));
        SweepDueCardsUseCase sweeper = new SweepDueCardsUseCase(storage.cardLedger(), new ExpireDueUseCase(writer), 8);
        long started = System.nanoTime();
        int runs = 0;
        long removed = 0;
        long written = 0;
        SweepDueCardsUseCase.Report r;
        do {
            r = sweeper.sweep(Clock.systemUTC().instant(), CARDS_PER_RUN);
            runs++;
            removed += r.supersededRemoved();
            written += r.entriesWritten();
            if (!r.failures().isEmpty()) {
                throw new IllegalStateException("sweeper failures: " + r.failures());
            }
        } while (r.cardsVisited() > 0 && runs < 1_000);
        return new Result(n, runs, removed, written, (System.nanoTime() - started) / 1e9, loadSeconds);
    }
}
