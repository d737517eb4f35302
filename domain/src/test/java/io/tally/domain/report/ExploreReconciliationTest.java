package io.tally.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.backoffice.BrandTransaction;
import io.tally.domain.backoffice.TransactionFacts;
import io.tally.domain.campaign.CheckoutConfig;
import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardNumberGenerator;
import io.tally.domain.card.Pins;
import io.tally.domain.checkout.CheckoutUseCase;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.event.HandleEventUseCase;
import io.tally.domain.fakes.CheckoutWorld;
import io.tally.domain.fakes.Crash;
import io.tally.domain.fakes.InMemoryExplore;
import io.tally.domain.fakes.InMemoryRollups;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.fakes.UnreliableDelivery;
import io.tally.domain.ledger.CheckoutFacts;
import io.tally.domain.ledger.EntryType;
import io.tally.domain.ledger.HoldUseCase;
import io.tally.domain.ledger.IssueUseCase;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.Movement;
import io.tally.domain.ledger.RedeemUseCase;
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
import io.tally.domain.shared.Backoff;
import io.tally.domain.shared.RetryPolicy;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.MerchantContext;
import io.tally.domain.tenant.TerminalId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The Explore Data rollups reconciled with the ledger over random data: issuances, redemptions, holds, voids and
 * checkouts (single and two-stage, some paying with gift value, earning points on loyalty cards) on gift, loyalty and
 * reward cards at three locations, over about six weeks in a zone with a daylight-saving change, the clock moving by
 * minutes (so visits cluster) to days. Events reach the log late, out of order and twice; the job runs at random
 * moments and dies after random writes. At the end every day's figures and random periods' reports (brand-wide and a
 * manager's) must equal sums computed here from the card ledgers' entries and their checkout facts, without the rollup
 * code.
 */
class ExploreReconciliationTest {
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final BrandId BRAND = TestWorld.BRAND;
    private static final ProgramId LOYALTY = new ProgramId("loyalty");
    private static final ProgramId REWARDS = new ProgramId("rewards");
    private static final ValueTypeKey REWARD = ValueTypeKey.custom("Reward");
    private static final List<String> LOCATIONS = List.of("store-1", "store-2", "web");
    private static final List<String> SKUS = List.of("COFFEE-S", "COFFEE-L", "BAGEL", "BEANS");
    private static final Map<String, Integer> HARNESS = new ConcurrentHashMap<>(Map.of(
            "late deliveries", 0, "duplicate deliveries", 0, "job deaths", 0, "checkouts", 0, "visits", 0));

    @Test
    void every_explore_figure_equals_the_sum_over_the_ledger_entries() {
        int sequences = Integer.getInteger("tally.explore.sequences", 12);
        long base = Long.getLong("tally.explore.seed", 20261202L);
        for (int i = 0; i < sequences; i++) {
            long seed = base + i;
            try {
                new Sequence(seed).run();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("sequence with seed " + seed + " (rerun with -Dtally.explore.seed=" + seed
                        + " -Dtally.explore.sequences=1): " + e.getMessage(), e);
            }
        }
        HARNESS.forEach((what, n) -> assertTrue(n > 0, "never happened: " + what + " " + HARNESS));
    }

    @Test
    void the_verification_reports_and_repairs_a_day_that_missed_an_entry_unnoticed() {
        TestWorld world = new TestWorld();
        InMemoryExplore store = new InMemoryExplore();
        CheckoutConfig config = CheckoutConfig.empty(BRAND);
        ExploreRollupUseCase explore = new ExploreRollupUseCase(world.programs, store, b -> config, world.clock);
        TransactionFacts facts = new TransactionFacts(world.cards);
        CardNumber card = world.activeCard();
        world.clock.advance(Duration.ofHours(15));
        world.issue(card, 1_000);
        world.events.published().forEach(e -> world.programs.record(facts.apply(e)));
        int seen = world.events.published().size();
        world.clock.advance(Duration.ofDays(1));
        world.redeem(card, 300);
        world.clock.advance(Duration.ofDays(1));
        assertEquals(2, explore.run(BRAND).written().size(), "the two days before today");
        // the redemption's event reaches the log now, and nothing notes its day late
        world.events.published().subList(seen, world.events.published().size())
                .forEach(e -> world.programs.record(facts.apply(e)));
        LocalDate redeemed = explore.today(BRAND).minusDays(1);
        assertEquals(List.of(redeemed), explore.run(BRAND).differences());
        assertEquals(new Engagement(0, 1, 1, 0, 1, 0, 0),
                explore.days(BRAND, redeemed, redeemed).get(0).cells().get(new ExploreCell("store-1", "gift")));
        assertTrue(explore.run(BRAND).differences().isEmpty(), "repaired: the next run finds nothing");
    }

    @Test
    void a_visit_lasts_ninety_minutes_from_its_first_transaction_and_starts_afresh_at_midnight() {
        LocalDate day = LocalDate.of(2026, 12, 1);
        ExploreDay.Builder b = new ExploreDay.Builder(BRAND, day, 2);
        Instant t = day.atStartOfDay(ZoneId.of("UTC")).toInstant();
        int[] n = {0};
        for (int minutes : new int[] {10, 60, 99, 100, 189, 190, 600}) {
            b.add(new BrandTransaction(new DomainEvent("e" + n[0], "ledger.redeem", BRAND,
                    t.plus(Duration.ofMinutes(minutes)), Map.of("cardNumber", "6036000000000000008", "transactionId",
                    "t" + (n[0]++), "program", "gift", "location", "store-1", "balance.Currency:USD", "-1"))));
        }
        // 10 opens [10, 100); 100 opens [100, 190); 190 opens [190, 280); 600 opens the fourth
        assertEquals(4, b.build().cells().get(new ExploreCell("store-1", "gift")).visits());
    }

    private static void count(String what, int n) {
        HARNESS.merge(what, n, Integer::sum);
    }

    private static final class Sequence {
        private final Random random;
        private final TestWorld world;
        private final CheckoutWorld shop;
        private final InMemoryRollups books = new InMemoryRollups();
        private final InMemoryExplore store = new InMemoryExplore();
        private final RollupUseCase rollups;
        private final ExploreRollupUseCase explore;
        private final ExploreDataUseCase data;
        private final TransactionFacts facts;
        private final LateEntries late;
        private final List<CardNumber> cards = new ArrayList<>();
        private final Map<CardNumber, List<TransactionId>> transactions = new HashMap<>();
        private final UnreliableDelivery delivery;

        Sequence(long seed) {
            random = new Random(seed);
            world = new TestWorld(ValueTypeLimits.NONE, RetryPolicy.of(8, Backoff.NONE), seed);
            world.programs.saveProgram(new Program(BRAND, LOYALTY, "Loyalty", ProgramKind.LOYALTY));
            world.programs.saveValueType(new ValueType(BRAND, LOYALTY, TestWorld.POINTS, 0, ValueTypeLimits.NONE));
            world.programs.saveValueType(new ValueType(BRAND, LOYALTY, CheckoutWorld.PUNCHES, 0, ValueTypeLimits.NONE));
            world.programs.saveCardSet(new CardSet(BRAND, new CardSetId("set-2"), LOYALTY, "Set 2", "6037", 19));
            world.programs.saveProgram(new Program(BRAND, REWARDS, "Rewards", ProgramKind.REWARD));
            world.programs.saveValueType(new ValueType(BRAND, REWARDS, REWARD, 0, ValueTypeLimits.NONE));
            world.programs.saveCardSet(new CardSet(BRAND, new CardSetId("set-3"), REWARDS, "Set 3", "6038", 19));
            shop = new CheckoutWorld(world);
            CheckoutConfig demo = CheckoutWorld.demoConfig(CheckoutWorld.demoCampaigns());
            shop.config = new CheckoutConfig(BRAND, TestWorld.USD, ZONE, demo.couponSets(), demo.skuTags(),
                    demo.campaigns());
            explore = new ExploreRollupUseCase(world.programs, store, b -> shop.config, world.clock);
            rollups = new RollupUseCase(world.programs, books, b -> ZONE, world.clock, explore::rollUpAgain);
            data = new ExploreDataUseCase(rollups, explore, world.programs, b -> shop.config);
            facts = new TransactionFacts(world.cards);
            late = new LateEntries(books, b -> ZONE, world.clock, () -> Long.toString(random.nextLong()));
            delivery = new UnreliableDelivery(world, random, this::consume, ExploreReconciliationTest::count);
        }

        void run() {
            world.clock.advance(Duration.ofDays(50)); // late February: the daylight-saving change comes in March
            Instant end = world.clock.instant().plus(Duration.ofDays(42));
            while (world.clock.instant().isBefore(end)) {
                step();
                world.clock.advance(jump());
                delivery.some();
                if (random.nextInt(15) == 0) {
                    runJobDying();
                }
            }
            delivery.all(BRAND, cards);
            world.clock.advance(Duration.ofDays(1));
            for (int i = 0; i < 10 && !runJob().written().isEmpty(); i++) {
                // the first runs may have had a long history to roll up
            }
            ExploreRollupUseCase.Run again = runJob();
            assertTrue(again.differences().isEmpty(), "a second run found differences " + again);
            check();
        }

        private CardNumber newCard(ProgramId program, String set) {
            CardSet cardSet = world.programs.cardSet(BRAND, new CardSetId(set)).orElseThrow();
            CardNumber number = new CardNumberGenerator(world.random).next(cardSet);
            world.cards.create(Card.unallocated(BRAND, number, program, cardSet.id()));
            Card card = world.cards.load(BRAND, number).orElseThrow();
            world.cards.allocate(card.activated(Pins.hash(TestWorld.PIN, world.random), world.clock.instant()));
            cards.add(number);
            return number;
        }

        private Duration jump() {
            int kind = random.nextInt(10);
            if (kind < 7) {
                return Duration.ofMinutes(1 + random.nextInt(100));
            }
            return kind < 9 ? Duration.ofHours(1 + random.nextInt(20)) : Duration.ofDays(1 + random.nextInt(2));
        }

        private MerchantContext context() {
            return new MerchantContext(BRAND, new LocationId(LOCATIONS.get(random.nextInt(LOCATIONS.size()))),
                    new TerminalId("pos-1"), Optional.empty(), "key-1");
        }

        private ProgramId program(CardNumber card) {
            return world.cards.load(BRAND, card).orElseThrow().program();
        }

        private void step() {
            if (cards.size() < 4 || random.nextInt(12) == 0) {
                int which = random.nextInt(3);
                newCard(which == 0 ? TestWorld.PROGRAM : which == 1 ? LOYALTY : REWARDS,
                        which == 0 ? "set-1" : which == 1 ? "set-2" : "set-3");
            }
            CardNumber card = cards.get(random.nextInt(cards.size()));
            ProgramId program = program(card);
            ValueTypeKey vt = program.equals(REWARDS) ? REWARD : program.equals(LOYALTY) ? TestWorld.POINTS : TestWorld.USD;
            long amount = 1 + random.nextInt(program.equals(REWARDS) ? 3 : 3000);
            int op = random.nextInt(20);
            TransactionId id = null;
            if (op < 6) {
                var o = world.issue.issue(new IssueUseCase.IssueCommand(context(), world.info(), card, vt, amount,
                        Optional.empty(), false, Optional.empty()));
                id = o.isAccepted() ? o.value().transactionId() : null;
            } else if (op < 10) {
                var o = world.redeem.redeem(new RedeemUseCase.RedeemCommand(context(), world.info(), card, vt, amount,
                        random.nextBoolean(), Optional.empty()));
                id = o.isAccepted() ? o.value().transactionId() : null;
            } else if (op < 12 && !transactions.getOrDefault(card, List.of()).isEmpty()) {
                List<TransactionId> ids = transactions.get(card);
                world.voids.voidTransaction(new VoidUseCase.VoidCommand(context(), world.info(),
                        Optional.of(card), ids.get(random.nextInt(ids.size()))));
            } else if (!program.equals(REWARDS)) {
                id = checkout(card, program);
            } else {
                world.hold.hold(new HoldUseCase.HoldCommand(context(), world.info(), card,
                        vt, amount, Optional.empty(), true, Optional.empty()));
            }
            if (id != null) {
                transactions.computeIfAbsent(card, c -> new ArrayList<>()).add(id);
            }
        }

        /** A sale on the card: a random basket, gift value spent on a gift card, sometimes in two stages. */
        private TransactionId checkout(CardNumber card, ProgramId program) {
            List<Object> lines = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                lines.add(SKUS.get(random.nextInt(SKUS.size())));
                lines.add(random.nextInt(4) == 0 ? "0.5" : Integer.toString(1 + random.nextInt(3)));
                lines.add(Integer.toString(1 + random.nextInt(9)) + ".25");
            }
            var basket = CheckoutWorld.basket(lines.toArray());
            List<CheckoutUseCase.Redemption> pay = program.equals(TestWorld.PROGRAM) && world.balance(card) > 0
                    ? List.of(new CheckoutUseCase.Redemption(TestWorld.USD, new BigDecimal(1 + random.nextInt(20))))
                    : List.of();
            boolean twoStage = random.nextInt(4) == 0;
            var first = shop.checkout.checkout(shop.command(Optional.of(card), basket, List.of(), pay, twoStage,
                    Optional.empty(), shop.info()));
            if (!first.isAccepted()) {
                return null;
            }
            count("checkouts", 1);
            if (!twoStage) {
                return first.value().transactionId();
            }
            world.clock.advance(Duration.ofMinutes(random.nextInt(20)));
            var done = shop.checkout.checkout(shop.command(Optional.of(card), basket, List.of(), pay, false,
                    Optional.of(first.value().transactionId()), shop.info()));
            return done.isAccepted() ? done.value().transactionId() : null;
        }

        private void consume(DomainEvent e) {
            new HandleEventUseCase(world.programs, List.of(), facts, List.of(late)).handle(e);
        }

        /** The job, dying after a random write of its own now and then; the next run goes on. */
        private void runJobDying() {
            int dieAt = random.nextInt(3) == 0 ? 1 + random.nextInt(8) : -1;
            int[] writes = {0};
            store.crashAfter(w -> ++writes[0] == dieAt);
            books.crashAfter(w -> ++writes[0] == dieAt);
            try {
                runJob();
            } catch (Crash crash) {
                count("job deaths", 1);
            } finally {
                store.crashAfter(w -> false);
                books.crashAfter(w -> false);
            }
        }

        /** What the rollups task does for a brand: the accounting run, then the Explore run; no differences expected. */
        private ExploreRollupUseCase.Run runJob() {
            RollupUseCase.Run books = rollups.run(BRAND);
            ExploreRollupUseCase.Run run = explore.run(BRAND);
            assertTrue(run.differences().isEmpty() && books.differences().isEmpty(),
                    "every late entry was noted, yet the verification found " + books + " " + run);
            return run;
        }

        private List<LedgerEntry> entries(CardNumber card) {
            return UnreliableDelivery.entries(world, BRAND, card);
        }

        // ---- the independent sums, from the ledger entries and their checkout facts ----

        /** Per day: "location|program" -> [new cards, visits, transactions, lift sales, lift redeemed]. */
        private final Map<LocalDate, Map<String, long[]>> cells = new TreeMap<>();
        /** Per day: location -> [orders, total, items], and SKU quantities; a sale counted once per checkout key. */
        private final Map<LocalDate, Map<String, long[]>> sales = new TreeMap<>();
        private final Map<LocalDate, Map<String, Map<String, Long>>> skus = new TreeMap<>();
        /** Per day: "location|program|valueType|entry type" -> [credited, debited]. */
        private final Map<LocalDate, Map<String, long[]>> value = new TreeMap<>();

        private void expect() {
            Map<String, String> saleSeen = new HashMap<>();
            for (CardNumber card : cards) {
                String program = program(card).value();
                List<Instant> visitEnds = new ArrayList<>();
                for (LedgerEntry entry : entries(card)) {
                    LocalDate day = entry.time().atZone(ZONE).toLocalDate();
                    String where = entry.posting().origin().location().map(LocationId::value).orElse("");
                    long[] cell = cells.computeIfAbsent(day, d -> new TreeMap<>())
                            .computeIfAbsent(where + "|" + program, k -> new long[5]);
                    cell[0] += entry.sequence() == 1 ? 1 : 0;
                    cell[2]++;
                    EntryType type = entry.type();
                    if (Set.of(EntryType.ISSUE, EntryType.REDEEM, EntryType.HOLD, EntryType.CHECKOUT).contains(type)) {
                        // a new visit unless the card's last visit of the same day began less than 90 minutes ago
                        Instant last = visitEnds.isEmpty() ? null : visitEnds.get(visitEnds.size() - 1);
                        boolean sameDay = last != null && last.atZone(ZONE).toLocalDate().equals(day);
                        if (!sameDay || !entry.time().isBefore(last.plus(Duration.ofMinutes(90)))) {
                            visitEnds.add(entry.time());
                            cell[1]++;
                            count("visits", 1);
                        }
                    }
                    for (Movement m : entry.movements()) {
                        long[] v = value.computeIfAbsent(day, d -> new TreeMap<>()).computeIfAbsent(
                                where + "|" + program + "|" + m.key().asText() + "|" + type, k -> new long[2]);
                        v[0] += Math.max(0, m.balanceDelta());
                        v[1] += Math.max(0, -m.balanceDelta());
                    }
                    Optional<CheckoutFacts> sale = entry.posting().checkout();
                    if (type == EntryType.CHECKOUT && sale.get().stage() == CheckoutFacts.Stage.COMMIT) {
                        long total = cents(sale.get().checkoutTotal());
                        long spent = entry.movements().stream().filter(m -> m.key().equals(TestWorld.USD))
                                .mapToLong(m -> Math.max(0, -m.balanceDelta())).sum();
                        if (spent > 0) {
                            cell[3] += total;
                            cell[4] += spent;
                        }
                        String key = sale.get().key();
                        String id = entry.transactionId().value();
                        String before = saleSeen.get(day + key);
                        if (before == null || id.compareTo(before) < 0) {
                            saleSeen.put(day + key, id);
                        }
                    }
                }
            }
            // the sales: the entry of each checkout key chosen above (one per key and day)
            for (CardNumber card : cards) {
                for (LedgerEntry entry : entries(card)) {
                    LocalDate day = entry.time().atZone(ZONE).toLocalDate();
                    Optional<CheckoutFacts> sale = entry.posting().checkout();
                    if (entry.type() != EntryType.CHECKOUT || sale.get().stage() != CheckoutFacts.Stage.COMMIT
                            || !entry.transactionId().value().equals(saleSeen.get(day + sale.get().key()))) {
                        continue;
                    }
                    String where = entry.posting().origin().location().map(LocationId::value).orElse("");
                    long[] s = sales.computeIfAbsent(day, d -> new TreeMap<>()).computeIfAbsent(where, k -> new long[3]);
                    s[0]++;
                    s[1] += cents(sale.get().checkoutTotal());
                    for (CheckoutFacts.Line line : sale.get().lines()) {
                        long milli = line.quantity().movePointRight(3).longValueExact();
                        s[2] += milli;
                        skus.computeIfAbsent(day, d -> new TreeMap<>()).computeIfAbsent(where, k -> new TreeMap<>())
                                .merge(line.sku(), milli, Long::sum);
                    }
                }
            }
        }

        /** An entry made at no location is brand-wide: a manager does not see it. */
        private static boolean sees(StaffScope scope, String where) {
            return where.isEmpty() ? scope.brandWide() : scope.sees(new LocationId(where));
        }

        /** A checkout total in cents, rounded half-even (a basket of weights may price to fractions of a cent). */
        private static long cents(BigDecimal total) {
            return total.setScale(2, java.math.RoundingMode.HALF_EVEN).movePointRight(2).longValueExact();
        }

        private void check() {
            expect();
            LocalDate today = explore.today(BRAND);
            LocalDate first = cells.keySet().iterator().next();
            for (ExploreDay day : explore.days(BRAND, first, today)) {
                Map<String, String> want = new TreeMap<>();
                cells.getOrDefault(day.day(), Map.of()).forEach((k, v) -> want.put(k,
                        v[0] + "/" + v[1] + "/" + v[2] + "/" + v[3] + "/" + v[4]));
                Map<String, String> got = new TreeMap<>();
                day.cells().forEach((c, e) -> got.put(c.location() + "|" + c.program(), e.newCards() + "/" + e.visits()
                        + "/" + e.transactions() + "/" + e.liftSales() + "/" + e.liftRedeemed()));
                assertEquals(want, got, "cells of " + day.day());
                Map<String, String> wantSales = new TreeMap<>();
                sales.getOrDefault(day.day(), Map.of()).forEach((k, v) -> wantSales.put(k, v[0] + "/" + v[1] + "/" + v[2]
                        + " " + skus.get(day.day()).get(k)));
                Map<String, String> gotSales = new TreeMap<>();
                day.sales().forEach((k, s) -> gotSales.put(k, s.orders() + "/" + s.total() + "/" + s.itemsMilli() + " "
                        + s.skusMilli()));
                assertEquals(wantSales, gotSales, "sales of " + day.day());
            }
            StaffScope admin = StaffScope.brandWide(BRAND, new StaffId("s-1"), "a@example.com", Role.ANALYST);
            StaffScope manager = new StaffScope(BRAND, new StaffId("s-2"), "m@example.com", Role.MANAGER,
                    Set.of(new LocationGroupId("g")), Optional.of(Set.of(new LocationId("store-2"))));
            for (int i = 0; i < 6; i++) {
                LocalDate from = first.plusDays(random.nextInt(30));
                LocalDate to = from.plusDays(random.nextInt(30));
                for (StaffScope scope : List.of(admin, manager)) {
                    ExploreReport report = data.report(scope, from, to).orElseThrow();
                    assertEquals(expectedTotals(scope, from, to), report.totals(), scope.role() + " " + from + ".." + to);
                    long[] orders = new long[3];
                    sales.forEach((day, byLocation) -> byLocation.forEach((where, s) -> {
                        if (!day.isBefore(from) && !day.isAfter(to) && sees(scope, where)) {
                            for (int j = 0; j < 3; j++) {
                                orders[j] += s[j];
                            }
                        }
                    }));
                    assertEquals(List.of(orders[0], orders[1], orders[2]), List.of(report.commerce().orders(),
                            report.commerce().total(), report.commerce().itemsMilli()), "commerce " + from + ".." + to);
                    assertEquals(report.totals().memberVisits(),
                            report.series().get(ExploreReport.Series.MEMBER_VISITS).stream().mapToLong(x -> x).sum());
                }
            }
        }

        private ExploreReport.Totals expectedTotals(StaffScope scope, LocalDate from, LocalDate to) {
            long[] t = new long[11];
            cells.forEach((day, byCell) -> byCell.forEach((k, v) -> {
                String[] p = k.split("\\|", -1);
                if (day.isBefore(from) || day.isAfter(to) || !sees(scope, p[0])) {
                    return;
                }
                boolean gift = p[1].equals(TestWorld.PROGRAM.value());
                boolean loyalty = p[1].equals(LOYALTY.value());
                t[gift ? 0 : loyalty ? 1 : 10] += gift || loyalty ? v[0] : 0;
                t[2] += gift || loyalty ? v[1] : 0;
                if (gift) {
                    t[5] += v[3];
                    t[6] += v[4];
                }
            }));
            value.forEach((day, byCell) -> byCell.forEach((k, v) -> {
                String[] p = k.split("\\|", -1);
                if (day.isBefore(from) || day.isAfter(to) || !sees(scope, p[0])) {
                    return;
                }
                boolean redeeming = p[3].equals("REDEEM") || p[3].equals("CHECKOUT");
                if (p[1].equals(TestWorld.PROGRAM.value()) && p[2].equals("Currency:USD")) {
                    // gift amount sold: currency issued; redeemed: spent by redemptions and checkouts
                    t[3] += p[3].equals("ISSUE") ? v[0] : 0;
                    t[4] += redeeming ? v[1] : 0;
                } else if (p[1].equals(LOYALTY.value()) && p[2].equals("Points")) {
                    // points issued: accrued by issuances and checkouts; redeemed: exchanged by redemptions and checkouts
                    t[7] += p[3].equals("ISSUE") || p[3].equals("CHECKOUT") ? v[0] : 0;
                    t[8] += redeeming ? v[1] : 0;
                }
            }));
            long[] rewards = rewardCounts(scope, from, to);
            return new ExploreReport.Totals(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], rewards[0], rewards[1]);
        }

        /** Reward entries that raised a balance (issued) and that lowered one (redeemed). */
        private long[] rewardCounts(StaffScope scope, LocalDate from, LocalDate to) {
            long[] r = new long[2];
            for (CardNumber card : cards) {
                if (!program(card).equals(REWARDS)) {
                    continue;
                }
                for (LedgerEntry entry : entries(card)) {
                    LocalDate day = entry.time().atZone(ZONE).toLocalDate();
                    String where = entry.posting().origin().location().map(LocationId::value).orElse("");
                    if (day.isBefore(from) || day.isAfter(to) || !sees(scope, where)) {
                        continue;
                    }
                    boolean up = entry.movements().stream().anyMatch(m -> m.balanceDelta() > 0);
                    boolean down = entry.movements().stream().anyMatch(m -> m.balanceDelta() < 0);
                    r[0] += up && (entry.type() == EntryType.ISSUE || entry.type() == EntryType.CHECKOUT) ? 1 : 0;
                    r[1] += down && (entry.type() == EntryType.REDEEM || entry.type() == EntryType.CHECKOUT) ? 1 : 0;
                }
            }
            return r;
        }
    }
}
