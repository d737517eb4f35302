package io.tally.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.event.DomainEvent;
import io.tally.domain.fakes.InMemoryConfigStore;
import io.tally.domain.fakes.InMemoryRollups;
import io.tally.domain.fakes.MutableClock;
import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.Program;
import io.tally.domain.program.ProgramId;
import io.tally.domain.program.ProgramKind;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.program.ValueTypeLimits;
import io.tally.domain.report.AccountingQuery.Grouping;
import io.tally.domain.report.AccountingView.Activity;
import io.tally.domain.report.AccountingView.BalanceLine;
import io.tally.domain.report.AccountingView.Balances;
import io.tally.domain.report.ActivityLine.Moved;
import io.tally.domain.shared.Outcome;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.Location;
import io.tally.domain.tenant.LocationGroup;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A table of transactions over two days (a gift, a loyalty and a reward program; three locations in two groups; entries
 * without a location) and the Accounting views expected of it, worked out by hand from the definitions; the same
 * before the rollup job ran (every day computed on read) and after (the days stored).
 */
class AccountingUseCaseTest {
    private static final BrandId BRAND = new BrandId("ACME");
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final LocalDate DAY1 = LocalDate.parse("2025-03-03");
    private static final LocalDate DAY2 = DAY1.plusDays(1);
    private static final String USD = "Currency:USD";
    private static final String POINTS = "Points";

    private final InMemoryConfigStore config = new InMemoryConfigStore();
    private final InMemoryRollups store = new InMemoryRollups();
    private final MutableClock clock = new MutableClock(DAY1.plusDays(7).atTime(9, 0).atZone(ZONE).toInstant());
    private final RollupUseCase rollups = new RollupUseCase(config, store, b -> ZONE, clock);
    private final AccountingUseCase accounting = new AccountingUseCase(rollups, config, config);
    private final StaffScope analyst = StaffScope.brandWide(BRAND, new StaffId("a"), "a@example.com", Role.ANALYST);
    private final StaffScope westManager = new StaffScope(BRAND, new StaffId("m"), "m@example.com", Role.MANAGER,
            Set.of(new LocationGroupId("WEST")), Optional.of(Set.of(new LocationId("store-2"), new LocationId("web"))));
    private int ids;

    AccountingUseCaseTest() {
        config.saveLocationGroup(new LocationGroup(BRAND, new LocationGroupId("EAST"), "East"));
        config.saveLocationGroup(new LocationGroup(BRAND, new LocationGroupId("WEST"), "West"));
        config.saveLocation(new Location(BRAND, new LocationId("store-1"), new LocationGroupId("EAST"), "Main Street"));
        config.saveLocation(new Location(BRAND, new LocationId("store-2"), new LocationGroupId("WEST"), "Harbour"));
        config.saveLocation(new Location(BRAND, new LocationId("web"), new LocationGroupId("WEST"), "Web shop"));
        program("gift", "Gift cards", ProgramKind.GIFT, "gift-set", "Printed gift cards");
        program("loyalty", "Loyalty club", ProgramKind.LOYALTY, "loyalty-set", "Club cards");
        program("rewards", "Rewards", ProgramKind.REWARD, "reward-set", "Reward cards");
        valueType("gift", ValueTypeKey.currency("USD"), 2);
        valueType("loyalty", ValueTypeKey.currency("USD"), 2);
        valueType("loyalty", ValueTypeKey.points(), 0);
        valueType("rewards", ValueTypeKey.points(), 1); // the same key with another scale: shown at the larger one

        // day 1
        entry(DAY1, "issue", "store-1", "gift", USD, 5000);
        entry(DAY1, "redeem", "store-1", "gift", USD, -1200);
        entry(DAY1, "issue", "store-2", "gift", USD, 2000);
        entry(DAY1, "issue", "store-2", "loyalty", USD, 1000);
        entry(DAY1, "checkout", "store-2", "loyalty", USD, -800, POINTS, 80);
        // day 2
        entry(DAY2, "void", "store-1", "gift", USD, 1200); // the redemption given back
        entry(DAY2, "void", "store-2", "gift", USD, -2000); // the issuance taken back
        entry(DAY2, "adjust", "", "gift", USD, 300);
        entry(DAY2, "adjust", "store-2", "loyalty", POINTS, -5);
        entry(DAY2, "expire", "", "gift", USD, -100);
        entry(DAY2, "hold", "store-1", "gift", USD, 0);
        entry(DAY2, "release", "store-1", "gift", USD, 0);
        entry(DAY2, "enroll", "web", "loyalty");
        entry(DAY2, "issue", "web", "rewards", POINTS, 15);
    }

    @Test
    void the_overview_sums_every_definition_per_value_type_the_same_before_and_after_the_job_stored_the_days() {
        Activity computed = activity(analyst, Grouping.OVERVIEW, Optional.empty());
        rollups.run(BRAND);
        assertEquals(DAY2.plusDays(5), store.marks(BRAND).orElseThrow().through(), "the days are stored now");
        Activity stored = activity(analyst, Grouping.OVERVIEW, Optional.empty());
        assertEquals(computed, stored);

        assertEquals(2, stored.lines().size(), "one line per value type; the enrolment moved none: " + stored.lines());
        ActivityLine usd = stored.lines().get(0);
        assertEquals(USD, usd.valueType());
        assertEquals(2, usd.scale());
        assertEquals(new Moved(8000, 3), usd.issued(), "three issues; the checkout spent USD, it earned none");
        assertEquals(new Moved(2000, 1), usd.redeemed(), "the redemption and the checkout's spend; one redeem entry");
        assertEquals(new Flow(300, 0, 1), usd.adjusted());
        assertEquals(new Flow(1200, 2000, 2), usd.voided());
        assertEquals(new Moved(100, 1), usd.expired());
        assertEquals(List.of(1L, 1L, 1L), List.of(usd.held(), usd.released(), usd.checkouts()));
        assertEquals(new Flow(9500, 4100, 11), usd.total());

        ActivityLine points = stored.lines().get(1);
        assertEquals(POINTS, points.valueType());
        assertEquals(1, points.scale(), "the larger of the programs' scales");
        assertEquals(new Moved(80 * 10 + 15, 1), points.issued(), "the checkout's 80 points are 800 tenths");
        assertEquals(new Flow(0, 50, 1), points.adjusted());
        assertEquals("81.5", AccountingView.decimal(points.issued().amount(), points.scale()));
        assertFalse(stored.partial());
    }

    @Test
    void gift_programs_only_by_location_show_entries_without_a_location_apart() {
        Activity gift = activity(analyst, Grouping.LOCATION, Optional.of(ProgramKind.GIFT));
        Map<String, ActivityLine> byPlace = byLabel(gift.lines());
        assertEquals(List.of("Harbour|" + USD, "Main Street|" + USD, "No location|" + USD), List.copyOf(byPlace.keySet()));
        ActivityLine main = byPlace.get("Main Street|" + USD);
        assertEquals("store-1", main.key());
        assertEquals(new Moved(5000, 1), main.issued());
        assertEquals(new Moved(1200, 1), main.redeemed());
        assertEquals(new Flow(1200, 0, 1), main.voided());
        assertEquals(List.of(1L, 1L), List.of(main.held(), main.released()));
        ActivityLine harbour = byPlace.get("Harbour|" + USD);
        assertEquals(new Moved(2000, 1), harbour.issued(), "the loyalty program's issue is not a gift program's");
        assertEquals(new Flow(0, 2000, 1), harbour.voided());
        ActivityLine none = byPlace.get("No location|" + USD);
        assertEquals(new Flow(300, 0, 1), none.adjusted());
        assertEquals(new Moved(100, 1), none.expired());
    }

    @Test
    void by_program_card_set_and_transaction_type_label_each_group() {
        assertEquals(List.of("Gift cards|" + USD, "Loyalty club|" + USD, "Loyalty club|" + POINTS, "Rewards|" + POINTS),
                List.copyOf(byLabel(activity(analyst, Grouping.PROGRAM, Optional.empty()).lines()).keySet()));
        assertEquals(List.of("Club cards|" + USD, "Club cards|" + POINTS, "Printed gift cards|" + USD,
                "Reward cards|" + POINTS),
                List.copyOf(byLabel(activity(analyst, Grouping.CARD_SET, Optional.empty()).lines()).keySet()));
        Map<String, ActivityLine> loyalty = byLabel(activity(analyst, Grouping.TYPE, Optional.of(ProgramKind.LOYALTY))
                .lines());
        assertEquals(List.of("Adjust|" + POINTS, "Checkout|" + USD, "Checkout|" + POINTS, "Enroll|", "Issue|" + USD),
                List.copyOf(loyalty.keySet()), "by type, the enrolment shows with no value type");
        assertEquals(new Flow(0, 0, 1), loyalty.get("Enroll|").total());
        assertEquals(new Flow(0, 800, 1), loyalty.get("Checkout|" + USD).total());
    }

    @Test
    void a_group_manager_sees_only_their_groups_locations_and_nothing_without_a_location() {
        Activity west = activity(westManager, Grouping.LOCATION, Optional.empty());
        assertTrue(west.partial());
        Map<String, ActivityLine> byPlace = byLabel(west.lines());
        assertEquals(List.of("Harbour|" + USD, "Harbour|" + POINTS, "Web shop|" + POINTS), List.copyOf(byPlace.keySet()));
        ActivityLine harbour = byPlace.get("Harbour|" + USD);
        assertEquals(new Moved(3000, 2), harbour.issued());
        assertEquals(new Moved(800, 0), harbour.redeemed());
        assertEquals(1, harbour.checkouts());
        assertEquals(new Moved(15, 1), byPlace.get("Web shop|" + POINTS).issued());

        Activity overview = activity(westManager, Grouping.OVERVIEW, Optional.empty());
        assertEquals(new Flow(3000, 2800, 4), overview.lines().get(0).total(),
                "the overview of a manager adds up their locations only");
        Map<String, BalanceLine> balances = byLabelB(balances(westManager, DAY2, Grouping.LOCATION, Optional.empty()));
        assertEquals(Map.of("Harbour|" + USD, 200L, "Harbour|" + POINTS, 750L, "Web shop|" + POINTS, 15L),
                amounts(balances));
    }

    @Test
    void outstanding_balances_at_the_end_of_a_day_by_program_and_for_one_kind() {
        assertEquals(Map.of("Gift cards|" + USD, 5800L, "Loyalty club|" + USD, 200L, "Loyalty club|" + POINTS, 800L),
                amounts(byLabelB(balances(analyst, DAY1, Grouping.PROGRAM, Optional.empty()))));
        Map<String, Long> day2 = Map.of("Gift cards|" + USD, 5200L, "Loyalty club|" + USD, 200L,
                "Loyalty club|" + POINTS, 750L, "Rewards|" + POINTS, 15L);
        assertEquals(day2, amounts(byLabelB(balances(analyst, DAY2, Grouping.PROGRAM, Optional.empty()))));
        rollups.run(BRAND);
        assertEquals(day2, amounts(byLabelB(balances(analyst, DAY2, Grouping.PROGRAM, Optional.empty()))),
                "the same from the stored days");
        assertEquals(Map.of("All|" + USD, 5200L), amounts(byLabelB(balances(analyst, DAY2, Grouping.OVERVIEW,
                Optional.of(ProgramKind.GIFT)))));
        assertEquals(Map.of("Main Street|" + USD, 5000L, "No location|" + USD, 200L),
                amounts(byLabelB(balances(analyst, DAY2, Grouping.LOCATION, Optional.of(ProgramKind.GIFT)))),
                "a location's liability is what its entries left on cards (Harbour's issuance was voided: nothing left)");
    }

    @Test
    void periods_and_days_out_of_reach_and_roles_without_accounting_are_refused() {
        LocalDate today = rollups.today(BRAND);
        assertFalse(accounting.balances(analyst, AccountingQuery.balancesAt(today.plusDays(1), Grouping.PROGRAM,
                Optional.empty())).isAccepted());
        assertFalse(accounting.balances(analyst, AccountingQuery.balancesAt(today, Grouping.TYPE, Optional.empty()))
                .isAccepted());
        assertFalse(accounting.activity(analyst, new AccountingQuery(DAY2, DAY1, Grouping.TYPE, Optional.empty()))
                .isAccepted());
        assertFalse(accounting.activity(analyst, new AccountingQuery(DAY2.minusDays(AccountingUseCase.MAX_DAYS), DAY2,
                Grouping.TYPE, Optional.empty())).isAccepted());
        assertTrue(accounting.activity(analyst, new AccountingQuery(DAY2.minusDays(AccountingUseCase.MAX_DAYS - 1), DAY2,
                Grouping.TYPE, Optional.empty())).isAccepted());
        StaffScope service = StaffScope.brandWide(BRAND, new StaffId("s"), "s@example.com", Role.SERVICE);
        assertFalse(accounting.activity(service, new AccountingQuery(DAY1, DAY2, Grouping.OVERVIEW, Optional.empty()))
                .isAccepted());
        assertTrue(accounting.balances(analyst, AccountingQuery.balancesAt(today, Grouping.OVERVIEW, Optional.empty()))
                .isAccepted());
    }

    private Activity activity(StaffScope scope, Grouping grouping, Optional<ProgramKind> kind) {
        Outcome<Activity> outcome = accounting.activity(scope, new AccountingQuery(DAY1, DAY2, grouping, kind));
        assertTrue(outcome.isAccepted(), outcome::toString);
        return outcome.value();
    }

    private List<BalanceLine> balances(StaffScope scope, LocalDate day, Grouping grouping, Optional<ProgramKind> kind) {
        Outcome<Balances> outcome = accounting.balances(scope, AccountingQuery.balancesAt(day, grouping, kind));
        assertTrue(outcome.isAccepted(), outcome::toString);
        return outcome.value().lines();
    }

    private static Map<String, ActivityLine> byLabel(List<ActivityLine> lines) {
        Map<String, ActivityLine> map = new LinkedHashMap<>();
        lines.forEach(l -> map.put(l.label() + "|" + l.valueType(), l));
        return map;
    }

    private static Map<String, BalanceLine> byLabelB(List<BalanceLine> lines) {
        Map<String, BalanceLine> map = new LinkedHashMap<>();
        lines.forEach(l -> map.put(l.label() + "|" + l.valueType(), l));
        return map;
    }

    private static Map<String, Long> amounts(Map<String, BalanceLine> lines) {
        Map<String, Long> map = new LinkedHashMap<>();
        lines.forEach((k, l) -> map.put(k, l.amount()));
        return map;
    }

    private void program(String id, String name, ProgramKind kind, String set, String setName) {
        config.saveProgram(new Program(BRAND, new ProgramId(id), name, kind));
        config.saveCardSet(new CardSet(BRAND, new CardSetId(set), new ProgramId(id), setName, "6000", 19));
    }

    private void valueType(String program, ValueTypeKey key, int scale) {
        config.saveValueType(new ValueType(BRAND, new ProgramId(program), key, scale, ValueTypeLimits.NONE));
    }

    /** One ledger entry's event as the consumer records it: at noon of the day, with its card's program and set. */
    private void entry(LocalDate day, String type, String location, String program, Object... changes) {
        Map<String, String> data = new LinkedHashMap<>();
        String id = "t" + (++ids);
        data.put("cardNumber", "6000000000000001");
        data.put("transactionId", id);
        if (!location.isEmpty()) {
            data.put("location", location);
        }
        data.put("program", program);
        data.put("cardSet", Map.of("gift", "gift-set", "loyalty", "loyalty-set", "rewards", "reward-set").get(program));
        for (int i = 0; i < changes.length; i += 2) {
            data.put("balance." + changes[i], Long.toString(((Number) changes[i + 1]).longValue()));
        }
        config.record(new DomainEvent("txn-" + id, "ledger." + type, BRAND,
                day.atTime(12, 0).plusMinutes(ids).atZone(ZONE).toInstant(), data));
    }
}
