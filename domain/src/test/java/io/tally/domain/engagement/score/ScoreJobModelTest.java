package io.tally.domain.engagement.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardNumberGenerator;
import io.tally.domain.engagement.CardEventStats;
import io.tally.domain.engagement.CardLedgerStats;
import io.tally.domain.fakes.Crash;
import io.tally.domain.fakes.InMemoryCardStats;
import io.tally.domain.fakes.InMemoryCustomerScores;
import io.tally.domain.fakes.InMemoryScoreRuns;
import io.tally.domain.fakes.InMemoryScoreSettings;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.fakes.WriteFaults;
import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.tenant.BrandId;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The scoring job against an independent model, with faults: over days of random activity (statistics changed, cards
 * handed out in two card sets and a third left empty, the spend reference changed while a run is under way), the job
 * is invoked with small random page budgets, and invocations crash right after a random write (a score, the run, the
 * breakdown), are lost, or are overtaken by an overlapping invocation that moves the run on first. Once a day's run is
 * done: every card's stored score has the parts the model computes from the card's statistics, the end of the day and
 * the spend reference the run started with; the breakdown and the run count every card exactly once; a stored score's
 * day never went back. The model is written apart from {@link CustomerScore} (loops and BigInteger, no bit tricks).
 */
class ScoreJobModelTest {
    private static final BrandId BRAND = TestWorld.BRAND;
    private static final CardSetId SET_2 = new CardSetId("set-2");
    private static final CardSetId EMPTY_SET = new CardSetId("set-0-empty");
    private static final long DAY_MS = 86_400_000L;

    @Test
    void every_card_is_scored_once_a_day_as_the_model_says_whatever_crashes_losses_and_overlaps() {
        for (long seed = 1; seed <= 12; seed++) {
            new Simulation(seed).play();
        }
    }

    /** What the model knows of a card: its raw activity, kept apart from the statistics types. */
    private static final class ModelCard {
        long spend;
        long orders;
        long visits;
        Long lastTransactionMs;
        long positive;
        long neutral;
        long negative;
        Long lastEventMs;
        long through;
        long seen;
    }

    private static final class Simulation {
        private final long seed;
        private final Random random;
        private final TestWorld world = new TestWorld();
        private final InMemoryCardStats stats = new InMemoryCardStats();
        private final InMemoryCustomerScores storedScores = new InMemoryCustomerScores();
        private final InMemoryScoreSettings settings = new InMemoryScoreSettings();
        private final InMemoryScoreRuns storedRuns = new InMemoryScoreRuns();
        private final WriteFaults faults = new WriteFaults();
        private final Map<CardNumber, ModelCard> model = new HashMap<>();
        private final Map<CardNumber, LocalDate> lastDays = new HashMap<>();
        private final CardNumberGenerator numbers;
        private final ScoreCardsUseCase job;
        private final ScoreCardsUseCase ghost;
        private boolean overlapNext;
        private Instant now;
        private LocalDate target;

        Simulation(long seed) {
            this.seed = seed;
            this.random = new Random(seed);
            this.numbers = new CardNumberGenerator(new SeededRandom(seed));
            world.programs.saveCardSet(new CardSet(BRAND, SET_2, TestWorld.PROGRAM, "Set 2", "6037", 19));
            world.programs.saveCardSet(new CardSet(BRAND, EMPTY_SET, TestWorld.PROGRAM, "Empty", "6038", 19));
            CustomerScoresPort scores = faults.wrap(CustomerScoresPort.class, storedScores);
            ScoreRunsPort runs = faults.wrap(ScoreRunsPort.class, storedRuns);
            ScoreRunsPort racingRuns = new ScoreRunsPort() {
                @Override
                public Optional<ScoreRun> find(BrandId brand) {
                    return runs.find(brand);
                }

                @Override
                public boolean save(ScoreRun run) {
                    if (overlapNext) {
                        overlapNext = false;
                        overlap();
                    }
                    return runs.save(run);
                }
            };
            int pageSize = 1 + random.nextInt(6);
            job = new ScoreCardsUseCase(world.programs, world.cards, stats, scores, settings, racingRuns, pageSize);
            ghost = new ScoreCardsUseCase(world.programs, world.cards, stats, scores, settings, runs, pageSize);
        }

        /** Another invocation runs a page or two in the middle of this one's page (and may itself crash). */
        private void overlap() {
            try {
                ghost.run(BRAND, target, now, 1 + random.nextInt(2));
            } catch (Crash e) {
                // the overlapping invocation died; the one it overtook goes on
            }
        }

        void play() {
            LocalDate day = LocalDate.of(2026, 3, 1);
            long reference = CustomerScore.DEFAULT_SPEND_REFERENCE;
            for (int d = 0; d < 8; d++) {
                day = day.plusDays(1 + (random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0));
                activity(day);
                target = day;
                now = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(60);
                long runReference = reference;
                int invocations = 0;
                boolean changed = false;
                while (true) {
                    boolean underWay = storedRuns.find(BRAND).filter(r -> r.day().equals(target) && !r.done()).isPresent();
                    if (underWay && !changed && random.nextInt(3) == 0) {
                        changed = true; // a new reference while the day's run is under way: from the next day's run
                        reference = 1 + random.nextInt(3_000_0000);
                        ScoreSettings before = settings.settings(BRAND);
                        assertTrue(settings.save(before.changed(before.ranges(), reference)));
                    }
                    invocations++;
                    assertTrue(invocations < 5_000, "seed " + seed + ": the run of " + day + " never finished");
                    now = now.plusSeconds(600);
                    if (random.nextInt(5) == 0) {
                        continue; // a lost invocation
                    }
                    Optional<ScoreRun> run = invoke();
                    checkDaysNeverGoBack();
                    if (run.isPresent() && run.get().done() && run.get().day().equals(day)) {
                        break;
                    }
                }
                finishBreakdown();
                check(day, runReference);
            }
        }

        private Optional<ScoreRun> invoke() {
            faults.reset();
            if (random.nextInt(3) == 0) {
                faults.crashAfterWrite(1 + random.nextInt(8));
            }
            overlapNext = random.nextInt(5) == 0;
            try {
                return job.run(BRAND, target, now, 1 + random.nextInt(3)).run();
            } catch (Crash e) {
                return Optional.empty();
            } finally {
                faults.reset();
                overlapNext = false;
            }
        }

        /** A crash between the run's last write and the breakdown: the next invocation writes it. */
        private void finishBreakdown() {
            job.run(BRAND, target, now.plusSeconds(600), 1);
        }

        private void activity(LocalDate day) {
            long dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            int newCards = random.nextInt(6);
            for (int i = 0; i < newCards; i++) {
                CardNumber card = random.nextBoolean() ? world.activeCard() : set2Card();
                model.put(card, new ModelCard());
            }
            world.activeCard(TestWorld.OTHER_BRAND);
            world.poolCard(BRAND);
            for (Map.Entry<CardNumber, ModelCard> e : model.entrySet()) {
                if (random.nextInt(3) != 0) {
                    continue;
                }
                ModelCard m = e.getValue();
                long at = dayStart + random.nextInt((int) DAY_MS) - (random.nextInt(4) == 0 ? 400 * DAY_MS : 0);
                if (random.nextBoolean()) {
                    m.spend += random.nextInt(200_0000);
                    m.orders += random.nextInt(3);
                    m.visits += random.nextInt(4);
                    m.lastTransactionMs = m.lastTransactionMs == null ? at : Math.max(m.lastTransactionMs, at);
                    assertTrue(stats.putLedgerStats(new CardLedgerStats(BRAND, e.getKey(), m.through + 1, m.spend,
                            m.orders, 0, m.visits, Optional.empty(), Optional.of(Instant.ofEpochMilli(m.lastTransactionMs))),
                            m.through));
                    m.through++;
                } else {
                    m.positive += random.nextInt(3);
                    m.neutral += random.nextInt(8);
                    m.negative += random.nextInt(2);
                    m.lastEventMs = m.lastEventMs == null ? at : Math.max(m.lastEventMs, at);
                    m.seen++;
                    assertTrue(stats.putEventStats(new CardEventStats(BRAND, e.getKey(), m.seen, Map.of(),
                            Map.of("positive", m.positive, "neutral", m.neutral, "negative", m.negative),
                            Optional.of(Instant.ofEpochMilli(m.lastEventMs)))));
                }
            }
        }

        private CardNumber set2Card() {
            CardSet set = world.programs.cardSet(BRAND, SET_2).orElseThrow();
            CardNumber number = numbers.next(set);
            world.cards.create(Card.unallocated(BRAND, number, TestWorld.PROGRAM, SET_2));
            Card card = world.cards.load(BRAND, number).orElseThrow();
            world.cards.allocate(card.activated("pin-hash", Instant.parse("2026-01-01T00:00:00Z")));
            return number;
        }

        private void checkDaysNeverGoBack() {
            for (CardNumber card : model.keySet()) {
                Optional<StoredScore> s = storedScores.score(BRAND, card);
                if (s.isPresent()) {
                    LocalDate before = lastDays.put(card, s.get().asOf());
                    assertFalse(before != null && s.get().asOf().isBefore(before),
                            "seed " + seed + ": card " + card + " went back from " + before + " to " + s.get().asOf());
                }
            }
        }

        private void check(LocalDate day, long reference) {
            long asOfMs = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            long[] expected = new long[101];
            for (Map.Entry<CardNumber, ModelCard> e : model.entrySet()) {
                int[] parts = score(e.getValue(), asOfMs, reference);
                StoredScore stored = storedScores.score(BRAND, e.getKey()).orElseThrow();
                String where = "seed " + seed + ", day " + day + ", card " + e.getKey();
                assertEquals(parts[0], stored.score().recency(), where + ": recency");
                assertEquals(parts[1], stored.score().frequency(), where + ": frequency");
                assertEquals(parts[2], stored.score().spend(), where + ": spend");
                assertEquals(parts[3], stored.score().engagement(), where + ": engagement");
                assertFalse(stored.asOf().isAfter(day), where);
                expected[parts[0] + parts[1] + parts[2] + parts[3]]++;
            }
            ScoreRun run = storedRuns.find(BRAND).orElseThrow();
            assertEquals(day, run.day());
            assertEquals(reference, run.spendReference(), "seed " + seed + ": the reference the run started with");
            assertEquals(model.size(), run.scored(), "seed " + seed + ": every card counted once");
            ScoreBreakdown breakdown = storedScores.breakdown(BRAND).orElseThrow();
            assertEquals(day, breakdown.asOf());
            for (int s = 0; s <= 100; s++) {
                assertEquals(expected[s], breakdown.cardsPerScore().get(s), "seed " + seed + ", day " + day + ", score " + s);
            }
        }

        /** The model's formula: recency, frequency, spend, engagement, each 0-25. */
        private static int[] score(ModelCard m, long asOfMs, long reference) {
            Long last = m.lastTransactionMs == null ? m.lastEventMs
                    : m.lastEventMs == null ? m.lastTransactionMs : Long.valueOf(Math.max(m.lastTransactionMs, m.lastEventMs));
            int recency = 0;
            if (last != null) {
                long days = last > asOfMs ? 0 : (asOfMs - last) / DAY_MS;
                recency = 25;
                for (long fortnight = 14; fortnight <= days && recency > 0; fortnight += 14) {
                    recency--;
                }
            }
            long n = Math.max(m.visits, m.orders);
            int frequency = 0;
            for (long threshold = 1; threshold <= n && frequency < 25; threshold *= 2) {
                frequency += 5;
            }
            BigInteger spendPoints = BigInteger.valueOf(m.spend).multiply(BigInteger.valueOf(25))
                    .divide(BigInteger.valueOf(reference));
            int spend = spendPoints.min(BigInteger.valueOf(25)).intValue();
            BigInteger engagementPoints = BigInteger.valueOf(m.positive - m.negative).multiply(BigInteger.valueOf(5))
                    .add(BigInteger.valueOf(Math.min(m.neutral, 25)));
            int engagement = engagementPoints.max(BigInteger.ZERO).min(BigInteger.valueOf(25)).intValue();
            return new int[] {recency, frequency, spend, engagement};
        }
    }

    @Test
    void a_run_in_progress_is_finished_before_the_next_day_starts_and_the_days_between_are_skipped() {
        TestWorld world = new TestWorld();
        InMemoryCardStats stats = new InMemoryCardStats();
        InMemoryCustomerScores scores = new InMemoryCustomerScores();
        InMemoryScoreRuns runs = new InMemoryScoreRuns();
        ScoreCardsUseCase job = new ScoreCardsUseCase(world.programs, world.cards, stats, scores,
                new InMemoryScoreSettings(), runs, 2);
        List<CardNumber> cards = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cards.add(world.activeCard());
        }
        LocalDate day = LocalDate.of(2026, 3, 1);
        Instant now = Instant.parse("2026-03-02T00:10:00Z");
        ScoreCardsUseCase.Progress first = job.run(BRAND, day, now, 1);
        assertFalse(first.run().orElseThrow().done());
        ScoreCardsUseCase.Progress later = job.run(BRAND, day.plusDays(3), now.plus(Duration.ofDays(3)), 10);
        assertEquals(day, later.run().orElseThrow().day(), "the run under way is finished first");
        assertTrue(later.run().get().done());
        assertEquals(5, later.run().get().scored());
        ScoreCardsUseCase.Progress next = job.run(BRAND, day.plusDays(3), now.plus(Duration.ofDays(3)), 10);
        assertEquals(day.plusDays(3), next.run().orElseThrow().day(), "then the newest day; the two between skipped");
        assertEquals(runs.find(BRAND), next.run());
        assertEquals(day.plusDays(3), scores.breakdown(BRAND).orElseThrow().asOf());
    }
}
