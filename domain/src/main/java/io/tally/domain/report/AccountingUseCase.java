package io.tally.domain.report;

import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.program.LoadProgramsPort.Catalogue;
import io.tally.domain.program.Program;
import io.tally.domain.program.ProgramKind;
import io.tally.domain.report.AccountingQuery.Grouping;
import io.tally.domain.report.AccountingView.Activity;
import io.tally.domain.report.AccountingView.BalanceLine;
import io.tally.domain.report.AccountingView.Balances;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.domain.staff.Permission;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.Location;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.LocationsPort;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The back office's Accounting: the activity of any period and the outstanding balances (liability) at the end of any
 * day, grouped by location, program, card set or transaction type (or the overview), optionally for one kind of
 * program, per value type. Every figure is a sum over the accounting rollups ({@link RollupUseCase}: stored days, and
 * the days not stored yet computed from the activity log), never a counter. A location-group manager sees the cells
 * of their groups' locations only; cells of other locations and cells without a location (the expiry sweeper's, the
 * back office's adjustments) are left out, and the view says it is partial.
 */
public final class AccountingUseCase {
    /** The longest period one page adds up: two years (about 25 month reads of the rollups). */
    public static final int MAX_DAYS = 731;

    private final RollupUseCase rollups;
    private final LoadProgramsPort programs;
    private final LocationsPort locations;

    public AccountingUseCase(RollupUseCase rollups, LoadProgramsPort programs, LocationsPort locations) {
        this.rollups = Objects.requireNonNull(rollups, "rollups");
        this.programs = Objects.requireNonNull(programs, "programs");
        this.locations = Objects.requireNonNull(locations, "locations");
    }

    /** Today in the brand's time zone (the pages' default period ends with it). */
    public LocalDate today(StaffScope scope) {
        return rollups.today(scope.brand());
    }

    public Outcome<Activity> activity(StaffScope scope, AccountingQuery query) {
        Optional<String> refused = refusal(scope, query);
        if (refused.isPresent()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, refused.get());
        }
        Catalogue catalogue = programs.catalogue(scope.brand());
        Scales scales = new Scales(catalogue);
        Map<String, ProgramKind> kinds = kinds(catalogue);
        Figures figures = rollups.activity(scope.brand(), query.from(), query.to(),
                cell -> sees(scope, cell.location()) && ofKind(kinds, query.kind(), cell.program()));
        TreeMap<List<String>, ActivitySum> sums = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        figures.cells().forEach((cell, flow) -> {
            if (!cell.valueType().isEmpty() || query.grouping() == Grouping.TYPE) {
                String key = key(query.grouping(), cell.location(), cell.program(), cell.cardSet(), cell.type());
                sums.computeIfAbsent(List.of(key, cell.valueType()), k -> new ActivitySum())
                        .add(cell.type(), scales.convert(cell.program(), cell.valueType(), flow));
            }
        });
        Labels labels = new Labels(scope, catalogue);
        List<ActivityLine> lines = new ArrayList<>();
        sums.forEach((k, sum) -> lines.add(sum.line(k.get(0), labels.of(query.grouping(), k.get(0)), k.get(1),
                scales.of(k.get(1)))));
        lines.sort(Comparator.comparing(ActivityLine::label).thenComparing(ActivityLine::key)
                .thenComparing(ActivityLine::valueType));
        return Outcome.accepted(new Activity(query.from(), query.to(), query.grouping(), query.kind(), lines,
                !scope.brandWide()));
    }

    /** The outstanding balances at the end of {@code query.to()}. */
    public Outcome<Balances> balances(StaffScope scope, AccountingQuery query) {
        Optional<String> refused = refusal(scope, query);
        if (refused.isEmpty() && !query.grouping().forBalances()) {
            refused = Optional.of("Outstanding balances are shown by location, program or card set, or as an overview.");
        }
        if (refused.isEmpty() && query.to().isAfter(rollups.today(scope.brand()))) {
            refused = Optional.of("That day has not come yet: choose today or a day before it.");
        }
        if (refused.isPresent()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, refused.get());
        }
        Catalogue catalogue = programs.catalogue(scope.brand());
        Scales scales = new Scales(catalogue);
        Map<String, ProgramKind> kinds = kinds(catalogue);
        Map<BalanceCell, Long> closing = rollups.closing(scope.brand(), query.to(),
                cell -> sees(scope, cell.location()) && ofKind(kinds, query.kind(), cell.program()));
        TreeMap<List<String>, Long> sums = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        closing.forEach((cell, amount) -> sums.merge(
                List.of(key(query.grouping(), cell.location(), cell.program(), cell.cardSet(), ""), cell.valueType()),
                scales.convert(cell.program(), cell.valueType(), amount), Math::addExact));
        Labels labels = new Labels(scope, catalogue);
        List<BalanceLine> lines = new ArrayList<>();
        sums.forEach((k, amount) -> lines.add(new BalanceLine(k.get(0), labels.of(query.grouping(), k.get(0)), k.get(1),
                scales.of(k.get(1)), amount)));
        lines.sort(Comparator.comparing(BalanceLine::label).thenComparing(BalanceLine::key)
                .thenComparing(BalanceLine::valueType));
        return Outcome.accepted(new Balances(query.to(), query.grouping(), query.kind(), lines, !scope.brandWide()));
    }

    private static Optional<String> refusal(StaffScope scope, AccountingQuery query) {
        if (!scope.can(Permission.VIEW_ACCOUNTING)) {
            return Optional.of("Accounting is not part of your role.");
        }
        if (query.from().isAfter(query.to())) {
            return Optional.of("The start is after the end: choose a start on or before the end.");
        }
        if (ChronoUnit.DAYS.between(query.from(), query.to()) + 1 > MAX_DAYS) {
            return Optional.of("Choose a period of at most " + MAX_DAYS + " days (two years).");
        }
        return Optional.empty();
    }

    /** A manager sees cells of their locations only, so never a cell without a location. */
    private static boolean sees(StaffScope scope, String location) {
        return scope.brandWide() || (!location.isEmpty() && scope.sees(new LocationId(location)));
    }

    private static boolean ofKind(Map<String, ProgramKind> kinds, Optional<ProgramKind> wanted, String program) {
        return wanted.isEmpty() || wanted.get() == kinds.get(program);
    }

    private static Map<String, ProgramKind> kinds(Catalogue catalogue) {
        return catalogue.programs().stream().collect(Collectors.toMap(p -> p.id().value(), Program::kind));
    }

    private static String key(Grouping grouping, String location, String program, String cardSet, String type) {
        return switch (grouping) {
            case OVERVIEW -> "";
            case LOCATION -> location;
            case PROGRAM -> program;
            case CARD_SET -> cardSet;
            case TYPE -> type;
        };
    }

    /** Readable names of the groups: the location's and program's names, the card set's, the entry type. */
    private final class Labels {
        private final StaffScope scope;
        private final Map<String, String> places;
        private final Map<String, String> programNames;
        private final Map<String, String> cardSets = new TreeMap<>();

        Labels(StaffScope scope, Catalogue catalogue) {
            this.scope = scope;
            this.places = locations.locations(scope.brand()).stream()
                    .collect(Collectors.toMap(l -> l.id().value(), Location::name, (a, b) -> a));
            this.programNames = catalogue.programs().stream()
                    .collect(Collectors.toMap(p -> p.id().value(), Program::name, (a, b) -> a));
        }

        String of(Grouping grouping, String key) {
            return switch (grouping) {
                case OVERVIEW -> "All";
                case LOCATION -> key.isEmpty() ? "No location" : places.getOrDefault(key, key);
                case PROGRAM -> key.isEmpty() ? "No program" : programNames.getOrDefault(key, key);
                case CARD_SET -> key.isEmpty() ? "No card set" : cardSets.computeIfAbsent(key, id -> programs
                        .cardSet(scope.brand(), new CardSetId(id)).map(CardSet::name).orElse(id));
                case TYPE -> key.isEmpty() ? "Other" : Character.toUpperCase(key.charAt(0)) + key.substring(1);
            };
        }
    }
}
