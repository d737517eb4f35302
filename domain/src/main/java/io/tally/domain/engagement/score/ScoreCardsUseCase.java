package io.tally.domain.engagement.score;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.walk.CardWalk;
import io.tally.domain.engagement.CardStatsPort;
import io.tally.domain.provisioning.BrandSetupReadPort;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The periodic scoring of a brand's cards (issue 14), carried across invocations by a persisted run
 * ({@link ScoreRun}, {@link ScoreRunsPort}): every handed-out card of every card set (in card set id order, then card
 * number order: {@link CardPort#allocatedInCardSet}, A59, never a Scan) is scored as of the end of the run's day (UTC)
 * from its statistics ({@link CustomerScore}) with the spend reference the run started with; a score is written only
 * when it differs from the stored one and never over a score of a later day. Each invocation goes on from the stored
 * cursor for at most {@code pageBudget} pages; each page ends with ONE write of the run, conditional on the version
 * read, that moves the cursor and adds the page's scores to the run's counts, so a page is counted once however
 * invocations crash, repeat or overlap (the loser of a race stops; a crashed page is scored again, which writes the same
 * scores or nothing). When the walk is done the run is marked done and the brand's breakdown written from it. A run in
 * progress is finished before the next begins; the next run is then of the newest whole day (days in between are
 * skipped).
 *
 * <p><b>As of:</b> a card's score for a day is {@link CustomerScore#of} its statistics as the job read them when it
 * reached the card (at or after the end of the day: what the events consumer had processed by then) and the end of the
 * day; the statistics keep no history to rewind, so activity after the day already counts.
 */
public final class ScoreCardsUseCase {
    /** Cards per page (one A59 query). */
    public static final int PAGE = CardPort.MAX_PAGE;

    private final CardWalk walk;
    private final CardStatsPort stats;
    private final CustomerScoresPort scores;
    private final ScoreSettingsPort settings;
    private final ScoreRunsPort runs;
    private final int pageSize;

    public ScoreCardsUseCase(BrandSetupReadPort setup, CardPort cards, CardStatsPort stats, CustomerScoresPort scores,
                             ScoreSettingsPort settings, ScoreRunsPort runs) {
        this(setup, cards, stats, scores, settings, runs, PAGE);
    }

    /** With pages of {@code pageSize} cards (1..100; tests walk small brands over many pages). */
    public ScoreCardsUseCase(BrandSetupReadPort setup, CardPort cards, CardStatsPort stats, CustomerScoresPort scores,
                             ScoreSettingsPort settings, ScoreRunsPort runs, int pageSize) {
        if (pageSize < 1 || pageSize > CardPort.MAX_PAGE) {
            throw new IllegalArgumentException("pageSize 1.." + CardPort.MAX_PAGE);
        }
        this.walk = new CardWalk(setup, cards);
        this.stats = stats;
        this.scores = scores;
        this.settings = settings;
        this.runs = runs;
        this.pageSize = pageSize;
    }

    /**
     * What one invocation did for the brand: the run as it left it (empty only if none could be read or started),
     * pages walked, and whether another invocation moved the run on meanwhile (this one then stopped).
     */
    public record Progress(Optional<ScoreRun> run, int pages, boolean overtaken) {
    }

    /**
     * Goes on with the brand's run for at most {@code pageBudget} pages, starting a run of {@code day} (the newest whole
     * UTC day) when the stored one is done and of an earlier day. A run done already for {@code day} or a later day
     * costs two reads (the run, and the breakdown it must have written).
     */
    public Progress run(BrandId brand, LocalDate day, Instant now, int pageBudget) {
        if (pageBudget < 1) {
            throw new IllegalArgumentException("pageBudget >= 1");
        }
        Optional<ScoreRun> stored = runs.find(brand);
        ScoreRun run;
        if (stored.isEmpty() || stored.get().done() && stored.get().day().isBefore(day)) {
            run = ScoreRun.start(brand, day, settings.settings(brand).spendReference(), now, stored);
            if (!runs.save(run)) {
                return new Progress(runs.find(brand), 0, true);
            }
        } else {
            run = stored.get();
        }
        int pages = 0;
        while (!run.done() && pages < pageBudget) {
            ScoreRun next = page(run, now);
            if (!runs.save(next)) {
                return new Progress(runs.find(brand), pages, true);
            }
            run = next;
            pages++;
        }
        if (run.done()) {
            writeBreakdown(run);
        }
        return new Progress(Optional.of(run), pages, false);
    }

    /** The breakdown of a done run, unless it (or a later day's) is stored already: after a crash between the two. */
    private void writeBreakdown(ScoreRun run) {
        boolean stored = scores.breakdown(run.brand()).map(b -> !b.asOf().isBefore(run.day())).orElse(false);
        if (!stored) {
            scores.putBreakdown(run.breakdown());
        }
    }

    /** Scores the page at the run's cursor and answers the run after it (not yet stored). */
    private ScoreRun page(ScoreRun run, Instant now) {
        CardWalk.Page page = walk.page(run.brand(), new CardWalk.Cursor(run.cardSet(), run.after()), pageSize);
        Instant asOf = run.day().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Integer> totals = new ArrayList<>(page.cards().size());
        long written = 0;
        for (Card card : page.cards()) {
            CustomerScore score = CustomerScore.of(stats.stats(run.brand(), card.number()), asOf, run.spendReference());
            totals.add(score.total());
            if (store(run, card.number(), score)) {
                written++;
            }
        }
        return run.advanced(totals, written, page.next().cardSet(), page.next().after(), page.done(), now);
    }

    /**
     * Writes the card's score unless the stored one is of a later day or has the same parts (a score that did not change
     * keeps the day it was first stored with); answers whether it wrote.
     */
    private boolean store(ScoreRun run, CardNumber card, CustomerScore score) {
        Optional<StoredScore> stored = scores.score(run.brand(), card);
        if (stored.isPresent() && (stored.get().asOf().isAfter(run.day()) || stored.get().score().equals(score))) {
            return false;
        }
        scores.putScore(new StoredScore(run.brand(), card, run.day(), score));
        return true;
    }
}
