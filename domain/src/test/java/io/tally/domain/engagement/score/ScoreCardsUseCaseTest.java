package io.tally.domain.engagement.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tally.domain.card.CardNumber;
import io.tally.domain.engagement.CardEventStats;
import io.tally.domain.engagement.CardLedgerStats;
import io.tally.domain.fakes.InMemoryCardStats;
import io.tally.domain.fakes.InMemoryCustomerScores;
import io.tally.domain.fakes.InMemoryScoreRuns;
import io.tally.domain.fakes.InMemoryScoreSettings;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The scoring job over a brand's handed-out cards in two card sets (more than a page of them): each card's stored score
 * is the formula's as of the end of the day; a rerun writes nothing; a run of an earlier day never overwrites; the
 * breakdown counts every card once, and per range it matches the stored scores.
 */
class ScoreCardsUseCaseTest {
    private static final BrandId BRAND = TestWorld.BRAND;
    private static final LocalDate DAY = LocalDate.of(2025, 3, 1);
    private static final Instant END_OF_DAY = Instant.parse("2025-03-02T00:00:00Z");

    private final TestWorld world = new TestWorld();
    private final InMemoryCardStats stats = new InMemoryCardStats();
    private final InMemoryCustomerScores scores = new InMemoryCustomerScores();
    private final InMemoryScoreSettings settings = new InMemoryScoreSettings();
    private final InMemoryScoreRuns runs = new InMemoryScoreRuns();
    private final ScoreCardsUseCase job = new ScoreCardsUseCase(world.programs, world.cards, stats, scores, settings,
            runs, 7);

    /** Runs the job for {@code day} until its run is done, as many invocations of three pages as that takes. */
    private ScoreRun runThrough(LocalDate day) {
        Instant now = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int i = 0; i < 1_000; i++) {
            ScoreCardsUseCase.Progress p = job.run(BRAND, day, now, 3);
            if (p.run().orElseThrow().done() && !p.run().get().day().isBefore(day)) {
                return p.run().get();
            }
        }
        throw new AssertionError("the run never finished");
    }

    @Test
    void every_handed_out_card_is_scored_once_and_a_rerun_writes_nothing() {
        world.programs.saveCardSet(new CardSet(BRAND, new CardSetId("set-2"), TestWorld.PROGRAM, "Set 2", "6037", 19));
        List<CardNumber> cards = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            cards.add(world.activeCard());
        }
        world.activeCard(TestWorld.OTHER_BRAND);
        world.poolCard(BRAND);
        for (int i = 0; i < cards.size(); i++) {
            CardNumber card = cards.get(i);
            if (i % 3 == 0) {
                continue;
            }
            stats.putLedgerStats(new CardLedgerStats(BRAND, card, 1, i * 100_0000L, i % 20, 0, i % 20, Optional.empty(),
                    Optional.of(END_OF_DAY.minusSeconds(86_400L * i))), 0);
            if (i % 2 == 0) {
                stats.putEventStats(new CardEventStats(BRAND, card, i % 7, Map.of(), Map.of("positive", (long) (i % 7)),
                        Optional.of(END_OF_DAY.minusSeconds(3600))));
            }
        }

        ScoreRun run = runThrough(DAY);

        assertEquals(130, run.scored());
        assertEquals(130, run.written());
        long[] expected = new long[CustomerScore.MAX + 1];
        for (CardNumber card : cards) {
            CustomerScore score = CustomerScore.of(stats.stats(BRAND, card), END_OF_DAY, CustomerScore.DEFAULT_SPEND_REFERENCE);
            assertEquals(Optional.of(new StoredScore(BRAND, card, DAY, score)), scores.score(BRAND, card));
            expected[score.total()]++;
        }
        for (int s = 0; s <= CustomerScore.MAX; s++) {
            assertEquals(expected[s], run.breakdown().cardsPerScore().get(s), "score " + s);
        }
        assertEquals(Optional.of(run.breakdown()), scores.breakdown(BRAND));
        long perRange = 0;
        for (ScoreBreakdown.Line line : run.breakdown().perRange(ScoreRanges.DEFAULT)) {
            long stored = cards.stream().map(c -> scores.score(BRAND, c).orElseThrow().score().total())
                    .filter(t -> line.label().equals("0") ? t == 0
                            : ScoreRanges.DEFAULT.of(t).map(r -> r.label().equals(line.label())).orElse(false))
                    .count();
            assertEquals(stored, line.cards(), line.name());
            perRange += line.cards();
        }
        assertEquals(130, perRange);
        assertEquals(44, run.breakdown().cardsPerScore().get(0), "the cards without statistics");

        int writes = scores.scoreWrites();
        ScoreCardsUseCase.Progress again = job.run(BRAND, DAY, END_OF_DAY.plusSeconds(3600), 3);
        assertEquals(0, again.pages(), "a run done for the day is not run again");
        assertEquals(writes, scores.scoreWrites());
        assertEquals(Optional.of(run), again.run());

        ScoreCardsUseCase.Progress earlier = job.run(BRAND, DAY.minusDays(30), END_OF_DAY, 3);
        assertEquals(0, earlier.pages(), "an earlier day never starts over a later one");
        assertEquals(writes, scores.scoreWrites());
        assertEquals(Optional.of(run.breakdown()), scores.breakdown(BRAND));
    }

    @Test
    void a_later_day_rescores_what_time_changed() {
        CardNumber card = world.activeCard();
        stats.putLedgerStats(new CardLedgerStats(BRAND, card, 1, 0, 1, 0, 1, Optional.empty(),
                Optional.of(END_OF_DAY.minusSeconds(3600))), 0);
        runThrough(DAY);
        assertEquals(25, scores.score(BRAND, card).orElseThrow().score().recency());

        ScoreRun later = runThrough(DAY.plusDays(20));

        assertEquals(1, later.written());
        assertEquals(new StoredScore(BRAND, card, DAY.plusDays(20), new CustomerScore(24, 5, 0, 0)),
                scores.score(BRAND, card).orElseThrow());
    }
}
