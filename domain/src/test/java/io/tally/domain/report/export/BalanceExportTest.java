package io.tally.domain.report.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardNumberGenerator;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.CardStatus;
import io.tally.domain.card.Customer;
import io.tally.domain.fakes.InMemoryCardLocations;
import io.tally.domain.fakes.InMemoryReportFiles;
import io.tally.domain.fakes.InMemoryReports;
import io.tally.domain.fakes.RecordingMail;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.ledger.HoldUseCase;
import io.tally.domain.ledger.IssueUseCase;
import io.tally.domain.ledger.RedeemUseCase;
import io.tally.domain.ledger.RequestInfo;
import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.Program;
import io.tally.domain.program.ProgramId;
import io.tally.domain.program.ProgramKind;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.program.ValueTypeLimits;
import io.tally.domain.shared.SignedTokens;
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
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The balances export over random cards in three card sets of two programs (scales 2, 0 and 1), at three locations,
 * checked against a model the test keeps itself: every handed-out card once per value type it holds, with its balance,
 * holds and what is available; a manager's export only the cards used at their location; shards delivered twice (and
 * one crash) write every row once.
 */
class BalanceExportTest {
    private static final BrandId BRAND = TestWorld.BRAND;
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final LocalDate DAY = LocalDate.of(2025, 1, 1);
    private static final ProgramId LOYAL = new ProgramId("loyal");
    private static final ValueTypeKey STARS = ValueTypeKey.custom("Stars");
    private static final Map<String, Integer> SCALES = Map.of("gift|Currency:USD", 2, "gift|Points", 0,
            "loyal|Points", 0, "loyal|Custom:Stars", 1);
    private static final List<CardSetId> SETS = List.of(TestWorld.SET, new CardSetId("set-2"), new CardSetId("loyal-1"));
    private static final List<LocationId> PLACES = List.of(new LocationId("L1"), new LocationId("L2"), new LocationId("L3"));

    private final TestWorld world = new TestWorld();
    private final InMemoryCardLocations locations = new InMemoryCardLocations();
    private final InMemoryReports reports = new InMemoryReports();
    private final InMemoryReportFiles files = new InMemoryReportFiles();
    private final RecordingMail mail = new RecordingMail();
    private final Map<ReportKind, ReportRows> rows = Map.of(ReportKind.BALANCES, new BalanceRows(world.programs,
            world.programs, world.cards, world.ledger, locations, world.clock));
    private final ReportCenterUseCase center = new ReportCenterUseCase(reports, files, files, rows,
            new ReportLinks(SignedTokens.fromText("a-test-secret-of-at-least-32-characters")), b -> ZONE, world.clock);
    private final ExportShardUseCase shards = new ExportShardUseCase(reports, files, rows, mail, b -> ZONE, world.clock);
    private final StaffScope admin = StaffScope.brandWide(BRAND, new StaffId("admin-1"), "admin@acme.test", Role.ADMIN);
    private final StaffScope manager = new StaffScope(BRAND, new StaffId("mgr-1"), "mgr@acme.test", Role.MANAGER,
            Set.of(new LocationGroupId("NORTH")), Optional.of(Set.of(PLACES.get(0))));
    /** The model: what each handed-out card holds, as the test did it. */
    private final Map<CardNumber, Model> model = new TreeMap<>();
    private final CardNumberGenerator numbers = new CardNumberGenerator(new SeededRandom(3));

    /** A card as the test knows it: value type text → {balance, held}, where it was used, when it last moved. */
    private record Model(Card card, Map<String, long[]> balances, Set<String> places, Instant[] last) {
    }

    BalanceExportTest() {
        world.programs.saveProgram(new Program(BRAND, LOYAL, "Loyalty", ProgramKind.LOYALTY));
        world.programs.saveValueType(new ValueType(BRAND, LOYAL, ValueTypeKey.points(), 0, ValueTypeLimits.NONE));
        world.programs.saveValueType(new ValueType(BRAND, LOYAL, STARS, 1, ValueTypeLimits.NONE));
        world.programs.saveCardSet(new CardSet(BRAND, SETS.get(1), TestWorld.PROGRAM, "Set 2", "6037", 19));
        world.programs.saveCardSet(new CardSet(BRAND, SETS.get(2), LOYAL, "Loyal 1", "6038", 19));
    }

    @Test
    void every_card_is_exported_once_per_value_type_with_its_balance_holds_and_available_amount() {
        simulate(new Random(11), 90);
        ReportId id = request(admin, Optional.empty());
        assertEquals(3, reports.find(BRAND, id).orElseThrow().shards(), "one shard per card set");
        deliverTwiceShuffled(new Random(5));

        List<String> lines = lines(id);
        assertEquals("cardNumber", lines.get(0).split(",")[0]);
        List<String> expected = expected(c -> true);
        assertTrue(expected.stream().anyMatch(l -> !l.split(",", -1)[7].matches("0(\\.0+)?|")), "some holds");
        assertTrue(expected.stream().anyMatch(l -> l.split(",", -1)[4].isEmpty()), "some cards without balances");
        assertTrue(expected.stream().anyMatch(l -> l.contains(",INACTIVE,")), "some switched off");
        assertEquals(expected, withoutAsOf(lines));
        assertEquals(lines.size() - 1, reports.find(BRAND, id).orElseThrow().rows());
        assertTrue(lines.subList(1, lines.size()).stream().allMatch(l -> l.endsWith("," + world.clock.instant())),
                "as of the moment written");
        assertEquals(1, mail.queued().stream().map(m -> m.id()).distinct().count(), "one e-mail (redeliveries re-send it)");
        assertTrue(mail.queued().get(0).value("reportName").startsWith("Balances of every card, as of "),
                mail.queued().get(0).value("reportName"));
    }

    @Test
    void a_managers_export_holds_only_the_cards_used_at_their_locations() {
        simulate(new Random(12), 90);
        ReportId id = request(manager, Optional.empty());
        deliverTwiceShuffled(new Random(6));

        List<String> expected = expected(m -> m.places().contains("L1"));
        assertFalse(expected.isEmpty());
        assertTrue(expected.size() < expected(m -> true).size());
        assertEquals(expected, withoutAsOf(lines(id)));
    }

    @Test
    void the_location_and_program_filters_keep_their_cards_only() {
        simulate(new Random(13), 60);
        ReportId atL2 = request(admin, Optional.of(PLACES.get(1)));
        ReportId loyal = new ReportId("r-loyal");
        assertEquals(Optional.empty(), center.request(admin, new ExportRequest(loyal, ReportKind.BALANCES, DAY, DAY,
                Optional.empty(), Optional.of("loyal"), Optional.of("issue"), "https://office.test/admin")));
        assertEquals(1, reports.find(BRAND, loyal).orElseThrow().shards(), "only the loyalty card set");
        assertEquals(Optional.empty(), reports.find(BRAND, loyal).orElseThrow().filters().entryType(),
                "a picture of now has no entry types");
        deliverTwiceShuffled(new Random(7));

        assertEquals(expected(m -> m.places().contains("L2")), withoutAsOf(lines(atL2)));
        assertEquals(expected(m -> m.card().program().equals(LOYAL)), withoutAsOf(lines(loyal)));
    }

    @Test
    void a_shard_that_crashed_while_uploading_is_written_again_and_counted_once() {
        simulate(new Random(14), 40);
        ReportId id = request(admin, Optional.empty());
        List<ExportShard> messages = files.queued();
        files.failNextShard();
        try {
            shards.run(messages.get(1));
        } catch (IllegalStateException crash) {
            // the consumer died while uploading: SQS redelivers
        }
        for (ExportShard m : messages) {
            assertEquals(ExportShardUseCase.Result.WRITTEN, shards.run(m));
            assertEquals(ExportShardUseCase.Result.SKIPPED, shards.run(m));
        }
        List<String> expected = expected(c -> true);
        assertEquals(expected, withoutAsOf(lines(id)));
        assertEquals(expected.size(), reports.find(BRAND, id).orElseThrow().rows());
    }

    @Test
    void a_card_set_of_more_than_a_page_is_spread_over_every_shard_and_each_card_written_once() {
        simulate(new Random(15), 260, List.of(SETS.get(1)));
        simulate(new Random(16), 20, SETS);
        ReportId id = request(admin, Optional.empty());
        assertEquals(Report.MAX_SHARDS, reports.find(BRAND, id).orElseThrow().shards());
        deliverTwiceShuffled(new Random(8));

        assertEquals(expected(m -> true), withoutAsOf(lines(id)));
        long written = 0;
        for (int shard = 0; shard < Report.MAX_SHARDS; shard++) {
            written += files.shard(BRAND, id, shard).orElseThrow().lines().anyMatch(l -> !l.startsWith("cardNumber,"))
                    ? 1 : 0;
        }
        assertTrue(written > Report.MAX_SHARDS / 2, "the big card set's cards are spread over " + written + " shards");
    }

    @Test
    void the_slices_of_a_prefix_hold_every_card_number_exactly_once() {
        Random random = new Random(17);
        for (int i = 0; i < 500; i++) {
            String prefix = Long.toString(100_000_000L + random.nextLong(900_000_000L)).substring(0, 1 + random.nextInt(6));
            CardSet set = new CardSet(BRAND, new CardSetId("s"), TestWorld.PROGRAM, "s", random.nextBoolean() ? prefix : "",
                    Math.max(15, prefix.length() + 13) + random.nextInt(19 - Math.max(15, prefix.length() + 13) + 1));
            CardNumber n = random.nextInt(4) == 0 ? numbers.next(new CardSet(BRAND, new CardSetId("t"),
                    TestWorld.PROGRAM, "t", "", 19)) : numbers.next(set);
            assertEquals(1, CardPort.NumberRange.slices(prefix).stream().filter(r -> r.contains(n)).count(),
                    n + " in the slices of " + prefix);
        }
    }

    @Test
    void the_shards_ranges_of_a_card_set_hold_every_card_number_exactly_once() {
        CardSet other = world.programs.cardSet(BRAND, SETS.get(0)).orElseThrow();
        for (int shards : new int[] {1, 2, 3, 7, 10, 33, 63, 64}) {
            for (CardSetId id : SETS) {
                CardSet set = world.programs.cardSet(BRAND, id).orElseThrow();
                List<CardPort.NumberRange> ranges = new ArrayList<>();
                for (int shard = 0; shard < shards; shard++) {
                    ranges.add(BalanceRows.rangeOf(set, shard, shards));
                    assertEquals(ranges.get(shard), BalanceRows.rangeOf(set, shard, shards), "the same every time");
                }
                for (int i = 0; i < 50; i++) {
                    CardNumber n = numbers.next(i % 4 == 0 ? other : set);
                    assertEquals(1, ranges.stream().filter(r -> r.contains(n)).count(), n + " in " + shards + " shards");
                }
            }
        }
        assertEquals(CardPort.NumberRange.ALL, BalanceRows.rangeOf(world.programs.cardSet(BRAND, SETS.get(1)).orElseThrow(), 0, 1));
        CardSet extreme = new CardSet(BRAND, new CardSetId("polygenelubricants"), TestWorld.PROGRAM, "x", "6039", 19);
        assertEquals(Integer.MIN_VALUE, extreme.id().value().hashCode());
        for (int shards = 1; shards <= Report.MAX_SHARDS; shards++) {
            CardNumber n = numbers.next(extreme);
            int found = 0;
            for (int shard = 0; shard < shards; shard++) {
                found += BalanceRows.rangeOf(extreme, shard, shards).contains(n) ? 1 : 0;
            }
            assertEquals(1, found, "a hash at the edge of int still gives every block one shard");
        }
    }

    private void simulate(Random random, int n) {
        simulate(random, n, SETS);
    }

    /** Hands out cards across the card sets and moves value on them at random locations; some stay in the pool. */
    private void simulate(Random random, int n, List<CardSetId> sets) {
        for (int i = 0; i < n; i++) {
            world.clock.advance(Duration.ofSeconds(1 + random.nextInt(60)));
            CardSetId set = sets.get(random.nextInt(sets.size()));
            boolean loyalty = set.equals(SETS.get(2));
            CardNumber number = numbers.next(world.programs.cardSet(BRAND, set).orElseThrow());
            Card pool = Card.unallocated(BRAND, number, loyalty ? LOYAL : TestWorld.PROGRAM, set);
            world.cards.create(pool);
            if (random.nextInt(8) == 0) {
                continue;
            }
            Optional<Customer> holder = random.nextBoolean() ? Optional.empty()
                    : Optional.of(new Customer("Ann" + i, "Lee", "ann" + i + "@example.com", null, null, null, null,
                    null, null, null, null, null));
            Card card = pool.activated("hash", world.clock.instant(), holder);
            world.cards.allocate(card);
            Model m = new Model(card, new TreeMap<>(), new TreeSet<>(), new Instant[1]);
            List<ValueTypeKey> keys = loyalty ? List.of(ValueTypeKey.points(), STARS)
                    : List.of(TestWorld.USD, TestWorld.POINTS);
            int moves = random.nextInt(5);
            for (int k = 0; k < moves; k++) {
                move(m, keys.get(random.nextInt(keys.size())), PLACES.get(random.nextInt(PLACES.size())), random);
            }
            if (random.nextInt(10) == 0) {
                Card off = world.cards.load(BRAND, number).orElseThrow().withStatus(CardStatus.INACTIVE);
                world.cards.update(off);
                m = new Model(off, m.balances(), m.places(), m.last());
            }
            model.put(number, m);
        }
        // Another brand's card is never in the export.
        world.issue(world.activeCard(TestWorld.OTHER_BRAND), 100);
    }

    private void move(Model m, ValueTypeKey key, LocationId at, Random random) {
        world.clock.advance(Duration.ofSeconds(1));
        long[] b = m.balances().computeIfAbsent(key.asText(), k -> new long[2]);
        MerchantContext till = new MerchantContext(BRAND, at, new TerminalId("pos-1"), Optional.empty(), "key-1");
        RequestInfo info = RequestInfo.of("ref-" + random.nextLong());
        long available = b[0] - b[1];
        int what = random.nextInt(3);
        if (what == 1 && available > 0) {
            long amount = 1 + random.nextInt((int) available);
            assertTrue(world.redeem.redeem(new RedeemUseCase.RedeemCommand(till, info, m.card().number(), key, amount,
                    false, Optional.empty())).isAccepted());
            b[0] -= amount;
        } else if (what == 2 && available > 0) {
            long amount = 1 + random.nextInt((int) available);
            assertTrue(world.hold.hold(new HoldUseCase.HoldCommand(till, info, m.card().number(), key, amount,
                    Optional.empty(), false, Optional.empty())).isAccepted());
            b[1] += amount;
        } else {
            long amount = 1 + random.nextInt(50_000);
            assertTrue(world.issue.issue(new IssueUseCase.IssueCommand(till, info, m.card().number(), key, amount,
                    Optional.empty(), false, Optional.empty())).isAccepted());
            b[0] += amount;
        }
        locations.link(BRAND, m.card().number(), at);
        m.places().add(at.value());
        m.last()[0] = world.clock.instant();
    }

    /** The rows the model says the export holds (without the asOf column), sorted. */
    private List<String> expected(Predicate<Model> wanted) {
        List<String> out = new ArrayList<>();
        for (Model m : model.values()) {
            if (!wanted.test(m)) {
                continue;
            }
            Card c = m.card();
            String program = c.program().value();
            String tail = c.status() + "," + String.join(" ", m.places()) + "," + c.activatedAt().orElseThrow() + ","
                    + (m.last()[0] == null ? "" : m.last()[0]) + ","
                    + c.primaryCustomer().map(p -> p.firstName() + " " + p.lastName() + "," + p.email()).orElse(",");
            String head = c.number().value() + ",," + c.cardSet().value() + "," + program + ",";
            if (m.balances().isEmpty()) {
                out.add(head + ",,,,," + tail);
            }
            m.balances().forEach((key, b) -> {
                ValueTypeKey k = ValueTypeKey.parseText(key);
                int scale = SCALES.get(program + "|" + key);
                out.add(head + k.type().wireName() + "," + (k.code() == null ? "" : k.code()) + ","
                        + decimal(b[0], scale) + "," + decimal(b[1], scale) + "," + decimal(b[0] - b[1], scale) + ","
                        + tail);
            });
        }
        Collections.sort(out);
        return out;
    }

    private static String decimal(long minor, int scale) {
        return new BigDecimal(minor).movePointLeft(scale).toPlainString();
    }

    private List<String> withoutAsOf(List<String> lines) {
        return lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.lastIndexOf(',')))
                .sorted().collect(Collectors.toList());
    }

    private void deliverTwiceShuffled(Random random) {
        List<ExportShard> messages = new ArrayList<>(files.queued());
        messages.addAll(files.queued());
        Collections.shuffle(messages, random);
        messages.forEach(shards::run);
    }

    private int seq;

    private ReportId request(StaffScope scope, Optional<LocationId> location) {
        ReportId id = new ReportId("r-" + (++seq));
        assertEquals(Optional.empty(), center.request(scope, new ExportRequest(id, ReportKind.BALANCES, DAY, DAY,
                location, Optional.empty(), Optional.empty(), "https://office.test/admin")));
        return id;
    }

    private List<String> lines(ReportId id) {
        assertEquals(ReportStatus.READY, reports.find(BRAND, id).orElseThrow().stored());
        return List.of(files.file(BRAND, id).orElseThrow().split("\r\n"));
    }
}
