package io.tally.domain.report;

import io.tally.domain.campaign.CheckoutConfig;
import io.tally.domain.campaign.CheckoutConfigPort;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.program.Program;
import io.tally.domain.program.ProgramKind;
import io.tally.domain.program.ValueType;
import io.tally.domain.report.ExploreReport.Series;
import io.tally.domain.staff.Permission;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.LocationId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Explore Data for a staff member: the accounting rollups' days (value issued and redeemed) and the Explore rollups'
 * days (activations, visits, lift, checkouts) of a period, limited to the member's locations (a manager sees only
 * what happened at their groups' locations; an entry made at no location is brand-wide), grouped by program kind.
 */
public final class ExploreDataUseCase {
    /** The longest period one report covers. */
    public static final int MAX_DAYS = ExplorePort.MAX_DAYS;
    /** SKUs the commerce overview lists. */
    public static final int TOP_SKUS = 10;
    private static final Set<String> ISSUING = Set.of("issue", "checkout");
    private static final Set<String> REDEEMING = Set.of("redeem", "checkout");
    private static final String POINTS = "Points";

    private final RollupUseCase accounting;
    private final ExploreRollupUseCase explore;
    private final LoadProgramsPort programs;
    private final CheckoutConfigPort configs;

    public ExploreDataUseCase(RollupUseCase accounting, ExploreRollupUseCase explore, LoadProgramsPort programs,
                              CheckoutConfigPort configs) {
        this.accounting = accounting;
        this.explore = explore;
        this.programs = programs;
        this.configs = configs;
    }

    /** The brand's today in its zone (the periods "last 7, 30, 90 days" end with it). */
    public LocalDate today(StaffScope scope) {
        return explore.today(scope.brand());
    }

    /**
     * The report of {@code [from, to]} (days after today are left out); empty for a member without
     * {@link Permission#EXPLORE_DATA} or a period that is reversed or longer than {@link #MAX_DAYS}.
     */
    public Optional<ExploreReport> report(StaffScope scope, LocalDate from, LocalDate to) {
        if (!scope.can(Permission.EXPLORE_DATA) || to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to.plusDays(1))) {
            return Optional.empty();
        }
        CheckoutConfig config = configs.load(scope.brand());
        String currency = config.currency().asText();
        LoadProgramsPort.Catalogue catalogue = programs.catalogue(scope.brand());
        Map<String, Program> byId = new HashMap<>();
        catalogue.programs().forEach(p -> byId.put(p.id().value(), p));
        List<ExploreDay> days = explore.days(scope.brand(), from, to);
        Map<LocalDate, DayRollup> books = new HashMap<>();
        accounting.daily(scope.brand(), from, to).forEach(d -> books.put(d.day(), d));
        Tally tally = new Tally(scope, byId, currency);
        for (ExploreDay day : days) {
            tally.day(day, books.getOrDefault(day.day(), DayRollup.empty(scope.brand(), day.day())));
        }
        return Optional.of(new ExploreReport(from, to, days.stream().map(ExploreDay::day).toList(), currency,
                scale(catalogue, currency, config.currency().defaultScale()), scale(catalogue, POINTS, 0), tally.series,
                tally.totals(), tally.programs(), tally.commerce()));
    }

    private static int scale(LoadProgramsPort.Catalogue catalogue, String key, int otherwise) {
        return catalogue.valueTypes().stream().filter(v -> v.key().asText().equals(key)).findFirst()
                .map(ValueType::scale).orElse(otherwise);
    }

    /** The period's totals, by name (the order of {@link ExploreReport.Totals}' components). */
    private enum Total {
        NEW_GIFT_CARDS, NEW_LOYALTY_CARDS, MEMBER_VISITS, GIFT_SOLD, GIFT_REDEEMED, LIFT_SALES, LIFT_REDEEMED,
        POINTS_ISSUED, POINTS_REDEEMED, REWARDS_ISSUED, REWARD_REDEMPTIONS
    }

    /** A program row's figures, by name (the order of {@link ExploreReport.ProgramRow}'s numbers). */
    private enum Column {
        NEW_CARDS, ISSUED, REDEEMED, LIFT, TRANSACTIONS
    }

    /** Sums one report's days. */
    private static final class Tally {
        private final StaffScope scope;
        private final Map<String, Program> programs;
        private final String currency;
        private final EnumMap<Series, List<Long>> series = new EnumMap<>(Series.class);
        private final TreeMap<String, long[]> rows = new TreeMap<>();
        private final long[] totals = new long[Total.values().length];
        private Sales sales = Sales.NONE;

        Tally(StaffScope scope, Map<String, Program> programs, String currency) {
            this.scope = scope;
            this.programs = programs;
            this.currency = currency;
            for (Series s : Series.values()) {
                series.put(s, new ArrayList<>());
            }
        }

        private boolean sees(String location) {
            return location.isEmpty() ? scope.brandWide() : scope.sees(new LocationId(location));
        }

        private Optional<ProgramKind> kind(String program) {
            return Optional.ofNullable(programs.get(program)).map(Program::kind);
        }

        void day(ExploreDay day, DayRollup books) {
            long[] figures = new long[Series.values().length];
            books.cells().forEach((cell, flow) -> {
                Optional<ProgramKind> kind = kind(cell.program());
                if (sees(cell.location()) && kind.isPresent()) {
                    book(cell, flow, kind.get(), figures);
                }
            });
            day.cells().forEach((cell, e) -> {
                Optional<ProgramKind> kind = kind(cell.program());
                if (sees(cell.location()) && kind.isPresent()) {
                    engage(cell, e, kind.get(), figures);
                }
            });
            day.sales().forEach((location, s) -> {
                if (sees(location)) {
                    sales = sales.plus(s);
                }
            });
            for (Series s : Series.values()) {
                series.get(s).add(figures[s.ordinal()]);
            }
        }

        /** Value moved: gift currency issued and redeemed, points issued and redeemed. */
        private void book(RollupCell cell, Flow flow, ProgramKind kind, long[] figures) {
            long[] row = row(cell.program());
            boolean gift = kind == ProgramKind.GIFT && cell.valueType().equals(currency);
            boolean loyalty = kind == ProgramKind.LOYALTY && cell.valueType().equals(POINTS);
            if (!gift && !loyalty) {
                return;
            }
            long issued = (gift ? cell.type().equals("issue") : ISSUING.contains(cell.type())) ? flow.credit() : 0;
            long redeemed = REDEEMING.contains(cell.type()) ? flow.debit() : 0;
            add(figures, gift ? Series.GIFT_ISSUED : Series.POINTS_ISSUED, issued);
            add(figures, gift ? Series.GIFT_REDEEMED : Series.POINTS_REDEEMED, redeemed);
            add(gift ? Total.GIFT_SOLD : Total.POINTS_ISSUED, issued);
            add(gift ? Total.GIFT_REDEEMED : Total.POINTS_REDEEMED, redeemed);
            add(row, Column.ISSUED, issued);
            add(row, Column.REDEEMED, redeemed);
        }

        /** What the cards did: activations, visits, transactions, lift, rewards. */
        private void engage(ExploreCell cell, Engagement e, ProgramKind kind, long[] figures) {
            long[] row = row(cell.program());
            add(row, Column.NEW_CARDS, e.newCards());
            add(row, Column.TRANSACTIONS, e.transactions());
            switch (kind) {
                case GIFT -> {
                    add(figures, Series.NEW_GIFT_CARDS, e.newCards());
                    add(Total.NEW_GIFT_CARDS, e.newCards());
                    add(row, Column.LIFT, e.lift());
                    add(Total.LIFT_SALES, e.liftSales());
                    add(Total.LIFT_REDEEMED, e.liftRedeemed());
                }
                case LOYALTY -> {
                    add(figures, Series.NEW_LOYALTY_CARDS, e.newCards());
                    add(Total.NEW_LOYALTY_CARDS, e.newCards());
                }
                case REWARD -> {
                    add(Total.REWARDS_ISSUED, e.issues());
                    add(Total.REWARD_REDEMPTIONS, e.redemptions());
                    add(row, Column.ISSUED, e.issues());
                    add(row, Column.REDEEMED, e.redemptions());
                }
            }
            if (kind != ProgramKind.REWARD) {
                add(figures, Series.MEMBER_VISITS, e.visits());
                add(Total.MEMBER_VISITS, e.visits());
            }
        }

        private static void add(long[] figures, Series s, long value) {
            figures[s.ordinal()] = Math.addExact(figures[s.ordinal()], value);
        }

        private static void add(long[] row, Column c, long value) {
            row[c.ordinal()] = Math.addExact(row[c.ordinal()], value);
        }

        private void add(Total t, long value) {
            totals[t.ordinal()] = Math.addExact(totals[t.ordinal()], value);
        }

        private long[] row(String program) {
            return rows.computeIfAbsent(program, p -> new long[Column.values().length]);
        }

        ExploreReport.Totals totals() {
            long[] t = totals;
            return new ExploreReport.Totals(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10]);
        }

        List<ExploreReport.ProgramRow> programs() {
            List<ExploreReport.ProgramRow> list = new ArrayList<>();
            rows.forEach((id, r) -> {
                Program p = programs.get(id);
                list.add(new ExploreReport.ProgramRow(id, p.name(), p.kind(), r[Column.NEW_CARDS.ordinal()],
                        r[Column.ISSUED.ordinal()], r[Column.REDEEMED.ordinal()], r[Column.LIFT.ordinal()],
                        r[Column.TRANSACTIONS.ordinal()]));
            });
            return list;
        }

        ExploreReport.Commerce commerce() {
            List<ExploreReport.Sku> skus = new ArrayList<>();
            sales.skusMilli().forEach((sku, q) -> skus.add(new ExploreReport.Sku(sku, q)));
            skus.sort((a, b) -> a.quantityMilli() != b.quantityMilli() ? Long.compare(b.quantityMilli(), a.quantityMilli())
                    : a.sku().compareTo(b.sku()));
            return new ExploreReport.Commerce(sales.orders(), sales.total(), sales.itemsMilli(),
                    skus.subList(0, Math.min(TOP_SKUS, skus.size())));
        }
    }
}
