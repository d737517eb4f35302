package io.tally.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.backoffice.TransactionFacts;
import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.fakes.Crash;
import io.tally.domain.fakes.InMemoryRollups;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.fakes.UnreliableDelivery;
import io.tally.domain.ledger.AdjustUseCase;
import io.tally.domain.ledger.BalanceResult;
import io.tally.domain.ledger.HoldUseCase;
import io.tally.domain.ledger.IssueUseCase;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.Movement;
import io.tally.domain.ledger.RedeemUseCase;
import io.tally.domain.ledger.ReleaseHoldUseCase;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.ledger.VoidUseCase;
import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.Program;
import io.tally.domain.program.ProgramId;
import io.tally.domain.program.ProgramKind;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.program.ValueTypeLimits;
import io.tally.domain.shared.Outcome;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.MerchantContext;
import io.tally.domain.tenant.TerminalId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The accounting rollups reconciled with the ledger over random data. Random issuances (some expiring), redemptions,
 * holds and releases, voids and back-office adjustments on cards of two programs, at four locations (the sweeper's
 * and the back office's entries at none), over
 * about ten weeks in a zone with a daylight-saving change; the clock jumps by minutes to days; the sweeper writes
 * expiries at random moments (at least once a day); the events reach the activity log late, out of order and twice;
 * the rollup job runs at random moments and dies after random writes of its own. When everything has been relayed and
 * the job has run again, every stored day, every period's activity and every day's closing balances must equal the
 * sums over the ledger entries themselves, computed here without the rollup code (entry by entry from the card
 * ledgers, not from the events), and the closing balances' total must equal the sum of every card's balance after its
 * last entry of the day.
 */
class RollupReconciliationTest {
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final BrandId BRAND = TestWorld.BRAND;
    private static final ProgramId LOYALTY = new ProgramId("loyalty");
    private static final CardSetId LOYALTY_SET = new CardSetId("set-2");
    private static final List<Optional<LocationId>> LOCATIONS = List.of(Optional.of(new LocationId("store-1")),
            Optional.of(new LocationId("store-2")), Optional.of(new LocationId("store-3")),
            Optional.of(new LocationId("web")), Optional.empty());

    @Test
    void every_rollup_equals_the_sum_over_the_ledger_entries() {
        int sequences = Integer.getInteger("tally.rollup.sequences", 20);
        long base = Long.getLong("tally.rollup.seed", 20261201L);
        for (int i = 0; i < sequences; i++) {
            long seed = base + i;
            try {
                new Sequence(seed).run();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("sequence with seed " + seed + " (rerun with -Dtally.rollup.seed=" + seed
                        + " -Dtally.rollup.sequences=1): " + e.getMessage(), e);
            }
        }
        // the faults the sequences are about did happen (a harness that injects nothing proves nothing)
        assertTrue(HARNESS.get("late deliveries") > 0, "no event came late: " + HARNESS);
        assertTrue(HARNESS.get("duplicate deliveries") > 0, "no event came twice: " + HARNESS);
        assertTrue(HARNESS.get("job deaths") > 0, "the job never died: " + HARNESS);
        assertTrue(HARNESS.get("days rolled up again") > 0, "no late day was rolled up again: " + HARNESS);
        assertTrue(HARNESS.get("expiries") > 0, "nothing expired: " + HARNESS);
    }

    @Test
    void the_verification_reports_and_repairs_a_day_that_missed_an_entry_unnoticed() {
        TestWorld world = new TestWorld();
        InMemoryRollups store = new InMemoryRollups();
        RollupUseCase rollups = new RollupUseCase(world.programs, store, b -> ZONE, world.clock);
        TransactionFacts facts = new TransactionFacts(world.cards);
        CardNumber card = world.activeCard();
        world.clock.advance(Duration.ofHours(15));
        world.issue(card, 1_000);
        world.events.published().forEach(e -> world.programs.record(facts.apply(e)));
        int seen = world.events.published().size();
        world.clock.advance(Duration.ofDays(1));
        world.redeem(card, 300);
        world.clock.advance(Duration.ofDays(1));
        RollupUseCase.Run first = rollups.run(BRAND);
        assertEquals(2, first.written().size(), "the two days before today");
        // the redemption's event reaches the log now, and nothing notes its day late (a consumer without LateEntries)
        world.events.published().subList(seen, world.events.published().size())
                .forEach(e -> world.programs.record(facts.apply(e)));
        RollupUseCase.Run second = rollups.run(BRAND);
        assertEquals(1, second.differences().size(), "the redemption's day differs: " + second.differences());
        RollupUseCase.Difference difference = second.differences().get(0);
        assertEquals(List.of(new RollupCell("store-1", "gift", "set-1", "redeem", "Currency:USD") + " stored "
                + Flow.NONE + " computed " + new Flow(0, 300, 1)), difference.lines());
        assertTrue(rollups.run(BRAND).differences().isEmpty(), "repaired: the next run finds nothing");
        assertEquals(Map.of(new BalanceCell("store-1", "gift", "set-1", "Currency:USD"), 700L),
                rollups.closing(BRAND, rollups.today(BRAND).minusDays(1), c -> true));
    }

    private static final Map<String, Integer> HARNESS = new java.util.concurrent.ConcurrentHashMap<>(Map.of(
            "late deliveries", 0, "duplicate deliveries", 0, "job deaths", 0, "days rolled up again", 0, "expiries", 0));

    private static void count(String what, int n) {
        HARNESS.merge(what, n, Integer::sum);
    }

    private static final class Sequence {
        private final Random random;
        private final TestWorld world;
        private final InMemoryRollups store = new InMemoryRollups();
        private final RollupUseCase rollups;
        private final TransactionFacts facts;
        private final LateEntries late;
        private final List<CardNumber> cards = new ArrayList<>();
        private final Map<CardNumber, List<TransactionId>> transactions = new HashMap<>();
        private final UnreliableDelivery delivery;
        private int adjustments;

        Sequence(long seed) {
            random = new Random(seed);
            world = new TestWorld(ValueTypeLimits.NONE, io.tally.domain.shared.RetryPolicy.of(8,
                    io.tally.domain.shared.Backoff.NONE), seed);
            world.programs.saveProgram(new Program(BRAND, LOYALTY, "Loyalty", ProgramKind.LOYALTY));
            world.programs.saveValueType(new ValueType(BRAND, LOYALTY, TestWorld.POINTS, 0, ValueTypeLimits.NONE));
            world.programs.saveValueType(new ValueType(BRAND, LOYALTY, TestWorld.USD, 2, ValueTypeLimits.NONE));
            world.programs.saveCardSet(new CardSet(BRAND, LOYALTY_SET, LOYALTY, "Set 2", "6037", 19));
            rollups = new RollupUseCase(world.programs, store, b -> ZONE, world.clock);
            facts = new TransactionFacts(world.cards);
            late = new LateEntries(store, b -> ZONE, world.clock, () -> Long.toString(random.nextLong()));
            delivery = new UnreliableDelivery(world, random, this::consume, RollupReconciliationTest::count);
        }

        void run() {
            for (int i = 0; i < 6; i++) {
                cards.add(newCard(i % 2 == 0));
            }
            Instant end = TestWorld.START.plus(Duration.ofDays(70));
            Instant lastSweep = world.clock.instant();
            while (world.clock.instant().isBefore(end)) {
                step();
                world.clock.advance(jump());
                if (Duration.between(lastSweep, world.clock.instant()).toHours() >= 24 || random.nextInt(10) == 0) {
                    sweep();
                    lastSweep = world.clock.instant();
                }
                delivery.some();
                if (random.nextInt(12) == 0) {
                    runJob();
                }
            }
            // everything relayed, the sweeper and the job caught up (twice: the second run finds nothing to repair)
            sweep();
            delivery.all(BRAND, cards);
            world.clock.advance(Duration.ofDays(1));
            runJobToTheEnd();
            RollupUseCase.Run again = rollups.run(BRAND);
            assertTrue(again.differences().isEmpty(), "a second run repaired " + again.differences());
            check();
        }

        private CardNumber newCard(boolean gift) {
            CardNumber number;
            if (gift) {
                number = world.activeCard();
            } else {
                CardSet set = world.programs.cardSet(BRAND, LOYALTY_SET).orElseThrow();
                number = new io.tally.domain.card.CardNumberGenerator(world.random).next(set);
                world.cards.create(Card.unallocated(BRAND, number, LOYALTY, LOYALTY_SET));
                Card card = world.cards.load(BRAND, number).orElseThrow();
                world.cards.allocate(card.activated(io.tally.domain.card.Pins.hash(TestWorld.PIN, world.random),
                        world.clock.instant()));
            }
            return number;
        }

        private Duration jump() {
            int kind = random.nextInt(10);
            if (kind < 6) {
                return Duration.ofMinutes(1 + random.nextInt(90));
            }
            if (kind < 9) {
                return Duration.ofHours(1 + random.nextInt(20));
            }
            return Duration.ofDays(1 + random.nextInt(3));
        }

        private MerchantContext context() {
            LocationId location = LOCATIONS.get(random.nextInt(LOCATIONS.size() - 1)).orElseThrow();
            return new MerchantContext(BRAND, location, new TerminalId("pos-1"), Optional.empty(), "key-1");
        }

        private ValueTypeKey valueType(CardNumber card) {
            boolean loyalty = world.cards.load(BRAND, card).orElseThrow().program().equals(LOYALTY);
            return loyalty && random.nextBoolean() ? TestWorld.POINTS : TestWorld.USD;
        }

        private void step() {
            if (random.nextInt(25) == 0) {
                cards.add(newCard(random.nextBoolean()));
            }
            CardNumber card = cards.get(random.nextInt(cards.size()));
            ValueTypeKey vt = valueType(card);
            long amount = 1 + random.nextInt(5000);
            int op = random.nextInt(20);
            Outcome<BalanceResult> outcome;
            if (op < 7) {
                Optional<Instant> expires = random.nextInt(3) == 0
                        ? Optional.of(world.clock.instant().plus(Duration.ofHours(1 + random.nextInt(24 * 10))))
                        : Optional.empty();
                outcome = world.issue.issue(new IssueUseCase.IssueCommand(context(), world.info(), card, vt, amount,
                        expires, false, Optional.empty()));
            } else if (op < 12) {
                outcome = world.redeem.redeem(new RedeemUseCase.RedeemCommand(context(), world.info(), card, vt,
                        amount, random.nextBoolean(), Optional.empty()));
            } else if (op < 14) {
                outcome = world.hold.hold(new HoldUseCase.HoldCommand(context(), world.info(), card, vt, amount,
                        random.nextBoolean() ? Optional.of(world.clock.instant().plus(Duration.ofHours(5))) : Optional.empty(),
                        true, Optional.empty()));
            } else if (op < 15 && !transactions.getOrDefault(card, List.of()).isEmpty()) {
                List<TransactionId> ids = transactions.get(card);
                outcome = world.release.release(new ReleaseHoldUseCase.ReleaseHoldCommand(context(), world.info(), card,
                        vt, ids.get(random.nextInt(ids.size())), Optional.empty()));
            } else if (op < 18 && !transactions.getOrDefault(card, List.of()).isEmpty()) {
                List<TransactionId> ids = transactions.get(card);
                outcome = world.voids.voidTransaction(new VoidUseCase.VoidCommand(context(), world.info(),
                        Optional.of(card), ids.get(random.nextInt(ids.size()))));
            } else {
                long signed = random.nextBoolean() ? amount : -Math.min(amount, 500);
                String key = "adj-" + (++adjustments);
                outcome = new AdjustUseCase(world.writer, world.programs).adjust(new AdjustUseCase.AdjustCommand(BRAND,
                        card, vt, signed, "reconciliation test", key, "ref-" + key));
            }
            if (outcome.isAccepted()) {
                transactions.computeIfAbsent(card, c -> new ArrayList<>()).add(outcome.value().transactionId());
            }
        }

        private void sweep() {
            for (CardNumber card : cards) {
                world.expire.sweep(BRAND, card).map(written -> {
                    count("expiries", (int) written.stream().filter(e -> e.type() == io.tally.domain.ledger.EntryType.EXPIRE).count());
                    return written;
                });
            }
        }

        /** What the events consumer does: record the event (once per id), then tell the late entries. */
        private void consume(DomainEvent e) {
            new io.tally.domain.event.HandleEventUseCase(world.programs, List.of(), facts, List.of(late)).handle(e);
        }

        /** The job, dying after a random write of its own now and then; the next run goes on. */
        private void runJob() {
            int dieAt = random.nextInt(4) == 0 ? 1 + random.nextInt(6) : -1;
            int[] count = {0};
            store.crashAfter(w -> ++count[0] == dieAt);
            try {
                RollupUseCase.Run run = rollups.run(BRAND);
                count("days rolled up again", run.repaired().size());
                assertTrue(run.differences().isEmpty(), "every late entry was noted, yet the verification found "
                        + run.differences().stream().flatMap(d -> d.lines().stream()).toList());
            } catch (Crash crash) {
                count("job deaths", 1);
            } finally {
                store.crashAfter(w -> false);
            }
        }

        private void runJobToTheEnd() {
            for (int i = 0; i < 10; i++) {
                RollupUseCase.Run run = rollups.run(BRAND);
                if (run.written().isEmpty()) {
                    return;
                }
            }
        }

        private List<LedgerEntry> entries(CardNumber card) {
            return UnreliableDelivery.entries(world, BRAND, card);
        }

        // ---- the independent sums, from the ledger entries themselves ----

        private void check() {
            Map<LocalDate, Map<String, long[]>> expected = new TreeMap<>();
            LocalDate first = null;
            for (CardNumber card : cards) {
                Card profile = world.cards.load(BRAND, card).orElseThrow();
                for (LedgerEntry entry : entries(card)) {
                    LocalDate day = entry.time().atZone(ZONE).toLocalDate();
                    first = first == null || day.isBefore(first) ? day : first;
                    String where = entry.posting().origin().location().map(LocationId::value).orElse("");
                    String type = entry.type().name().toLowerCase(java.util.Locale.ROOT);
                    Map<String, long[]> cells = expected.computeIfAbsent(day, d -> new TreeMap<>());
                    if (entry.movements().isEmpty()) {
                        cells.computeIfAbsent(String.join("|", where, profile.program().value(),
                                profile.cardSet().value(), type, ""), k -> new long[3])[2]++;
                    }
                    for (Movement m : entry.movements()) {
                        long[] cell = cells.computeIfAbsent(String.join("|", where, profile.program().value(),
                                profile.cardSet().value(), type, m.key().asText()), k -> new long[3]);
                        cell[0] += Math.max(0, m.balanceDelta());
                        cell[1] += Math.max(0, -m.balanceDelta());
                        cell[2]++;
                    }
                }
            }
            LocalDate today = rollups.today(BRAND);
            // every day's rollup (stored or computed) equals the entries of that day
            for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
                Figures figures = rollups.activity(BRAND, day, day, c -> true);
                assertEquals(flatten(expected.getOrDefault(day, Map.of())), text(figures), "day " + day);
            }
            // whole months (read from the month totals) and random periods (totals and days mixed)
            List<LocalDate[]> periods = new ArrayList<>();
            for (java.time.YearMonth m = java.time.YearMonth.from(first); m.atEndOfMonth().isBefore(today); m = m.plusMonths(1)) {
                periods.add(new LocalDate[] {m.atDay(1), m.atEndOfMonth()});
            }
            for (int i = 0; i < 10; i++) {
                LocalDate from = first.plusDays(random.nextInt(60));
                periods.add(new LocalDate[] {from, from.plusDays(random.nextInt(40))});
            }
            for (LocalDate[] period : periods) {
                LocalDate from = period[0];
                LocalDate to = period[1];
                Map<String, long[]> sum = new TreeMap<>();
                expected.forEach((day, cells) -> {
                    if (!day.isBefore(from) && !day.isAfter(to)) {
                        cells.forEach((k, v) -> {
                            long[] s = sum.computeIfAbsent(k, x -> new long[3]);
                            for (int j = 0; j < 3; j++) {
                                s[j] += v[j];
                            }
                        });
                    }
                });
                assertEquals(flatten(sum), text(rollups.activity(BRAND, from, to, c -> true)), from + ".." + to);
            }
            // closing balances at the end of every day: the flows up to it, and every card's balance then
            Map<String, Long> running = new TreeMap<>();
            for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
                expected.getOrDefault(day, Map.of()).forEach((k, v) -> {
                    String[] p = k.split("\\|", -1);
                    if (!p[4].isEmpty() && v[0] - v[1] != 0) {
                        running.merge(String.join("|", p[0], p[1], p[2], p[4]), v[0] - v[1], Long::sum);
                    }
                });
                running.values().removeIf(v -> v == 0);
                Map<BalanceCell, Long> closing = rollups.closing(BRAND, day, c -> true);
                Map<String, Long> actual = new TreeMap<>();
                closing.forEach((c, v) -> actual.put(String.join("|", c.location(), c.program(), c.cardSet(),
                        c.valueType()), v));
                assertEquals(running, actual, "closing " + day);
                Instant endOfDay = day.plusDays(1).atStartOfDay(ZONE).toInstant();
                Map<String, Long> byValueType = new TreeMap<>();
                for (CardNumber card : cards) {
                    entries(card).stream().filter(e -> e.time().isBefore(endOfDay)).reduce((a, b) -> b)
                            .ifPresent(last -> last.stateAfter().balances().keySet().forEach(key -> byValueType.merge(key.asText(),
                                    last.stateAfter().balance(key).total(), Long::sum)));
                }
                byValueType.values().removeIf(v -> v == 0);
                Map<String, Long> closingByValueType = new TreeMap<>();
                closing.forEach((c, v) -> closingByValueType.merge(c.valueType(), v, Long::sum));
                closingByValueType.values().removeIf(v -> v == 0);
                assertEquals(byValueType, closingByValueType, "cards' balances at the end of " + day);
            }
        }

        private static Map<String, String> flatten(Map<String, long[]> cells) {
            Map<String, String> flat = new TreeMap<>();
            cells.forEach((k, v) -> flat.put(k, v[0] + "/" + v[1] + "/" + v[2]));
            return flat;
        }

        private static Map<String, String> text(Figures figures) {
            Map<String, String> flat = new TreeMap<>();
            figures.cells().forEach((c, f) -> flat.put(String.join("|", c.location(), c.program(), c.cardSet(),
                    c.type(), c.valueType()), f.credit() + "/" + f.debit() + "/" + f.count()));
            return flat;
        }
    }
}
