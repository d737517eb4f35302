package io.tally.domain.segment;

import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.backoffice.SetupAudit;
import io.tally.domain.segment.BrandCardsPort.CardsPage;
import io.tally.domain.shared.GeoPoint;
import io.tally.domain.shared.Identifiers;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.Reason;
import io.tally.domain.staff.Permission;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The back office's segment builder: a staff member's visible segments (the brand's base segments made on first
 * sight), creating one, changing its details, adding and removing filters, and the live count. A segment's filters are
 * groups joined by the segment's join (AND / OR), each group's filters joined by the group's own.
 * Staff need {@link Permission#BUILD_SEGMENTS}; what they cannot see answers as not found. A location group manager
 * builds, sees and changes only segments by location whose every location is theirs ({@link Segment#visibleTo}); such
 * a segment holds only cards used at one of its locations ({@link Segment#matches}), so its count never reaches cards
 * outside the manager's scope. Creating a segment, changing its details and adding or removing a filter are recorded
 * in the brand's audit log ({@link SetupAudit}: just before the write, with the values before and after).
 */
public final class SegmentUseCase {
    /** The live count's page budget: at most this many pages of {@link BrandCardsPort#MAX_PAGE} cards per count. */
    public static final int COUNT_PAGES = 20;
    static final StaffId PLATFORM = new StaffId("platform");
    private static final String NOT_FOUND = "No such segment.";
    private final SegmentsPort segments;
    private final BrandCardsPort cards;
    private final MemberFactsPort facts;
    private final Function<BrandId, ZoneId> zones;
    private final Function<BrandId, Optional<GeoPoint>> defaultPoints;
    private final RandomSource random;
    private final SetupAudit audit;
    private final Clock clock;

    /**
     * @param facts         the member facts with the card locations ({@link CardUseFacts}): a by-location segment
     *                      matches no card whose locations were not read
     * @param zones         the brand's time zone
     * @param defaultPoints the brand's default coordinates ({@code Brand}), read once per count
     */
    public SegmentUseCase(SegmentsPort segments, BrandCardsPort cards, MemberFactsPort facts,
                          Function<BrandId, ZoneId> zones, Function<BrandId, Optional<GeoPoint>> defaultPoints,
                          AuditLogPort log, RandomSource random, Clock clock) {
        this.audit = new SetupAudit(log, random, clock);
        this.segments = segments;
        this.cards = cards;
        this.facts = facts;
        this.zones = zones;
        this.defaultPoints = defaultPoints;
        this.random = random;
        this.clock = clock;
    }

    /** Without default coordinates: owning locations without coordinates measure -1. */
    public SegmentUseCase(SegmentsPort segments, BrandCardsPort cards, MemberFactsPort facts,
                          Function<BrandId, ZoneId> zones, AuditLogPort log, RandomSource random, Clock clock) {
        this(segments, cards, facts, zones, b -> Optional.empty(), log, random, clock);
    }

    /** What a staff member gives when creating a segment or changing its details. */
    public record Details(String name, String description, String visibility, String locations, String join) {
    }

    /** The segments {@code scope} sees, base ones first, then by name. */
    public List<Segment> list(StaffScope scope) {
        if (!scope.can(Permission.BUILD_SEGMENTS)) {
            return List.of();
        }
        ensureBase(scope.brand());
        return segments.list(scope.brand()).stream().filter(s -> s.visibleTo(scope))
                .sorted(Comparator.comparing((Segment s) -> s.visibility() != Visibility.BASE)
                        .thenComparing(Segment::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    public Optional<Segment> find(StaffScope scope, String id) {
        if (!scope.can(Permission.BUILD_SEGMENTS) || !Identifiers.isValid(id)) {
            return Optional.empty();
        }
        return segments.find(scope.brand(), new SegmentId(id)).filter(s -> s.visibleTo(scope));
    }

    public Outcome<Segment> create(StaffScope scope, Details details) {
        if (!scope.can(Permission.BUILD_SEGMENTS)) {
            return Outcome.rejected(Reason.INVALID_REQUEST, NOT_FOUND);
        }
        byte[] b = new byte[8];
        random.nextBytes(b);
        SegmentId id = new SegmentId("seg-" + HexFormat.of().formatHex(b));
        return build(scope, id, details, FilterGroup.all(), 1).flatMap(s -> {
            audit.record(scope, "segment.create", target(s), Map.of(), values(s));
            return segments.create(s) ? Outcome.accepted(s) : Outcome.rejected(Reason.INVALID_REQUEST, "Please try again.");
        });
    }

    public Outcome<Segment> saveDetails(StaffScope scope, String id, Details details) {
        return change(scope, id, "segment.edit", SegmentUseCase::values, s -> build(scope, s.id(), details,
                new FilterGroup(join(details.join()).orElse(s.filters().join()), s.filters().members()), s.version() + 1)
                .map(next -> new Segment(next.brand(), next.id(), next.name(), next.description(), next.visibility(),
                        s.owner(), next.locations(), next.filters(), next.updatedAt(), next.version())));
    }

    /**
     * Adds the filter that {@code params} describe ({@link FilterCodec}) to group {@code group} (1-based), or to a new
     * group joined by {@code newGroupJoin} when {@code group} is 0 or past the last.
     */
    public Outcome<Segment> addFilter(StaffScope scope, String id, int group, String newGroupJoin,
                                      Map<String, String> params) {
        FilterCodec.Decoded decoded = FilterCodec.decode(params);
        if (decoded.filter().isEmpty()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, decoded.problem());
        }
        SegmentFilter added = decoded.filter().get();
        return change(scope, id, "segment.filter.add", s -> Map.of(), s -> {
            List<SegmentFilter> groups = new ArrayList<>(s.filters().members());
            if (group >= 1 && group <= groups.size() && groups.get(group - 1) instanceof FilterGroup g) {
                List<SegmentFilter> members = new ArrayList<>(g.members());
                members.add(added);
                return next(s, replace(groups, group - 1, new FilterGroup(g.join(), members)));
            }
            groups.add(new FilterGroup(join(newGroupJoin).orElse(FilterGroup.Join.AND), List.of(added)));
            return next(s, groups);
        }, next -> Map.of("filter", text(added), "group", String.valueOf(group >= 1 && group <= next.filters().members().size()
                ? group : next.filters().members().size())));
    }

    /** Removes filter {@code index} of group {@code group} (both 1-based); an emptied group goes too. */
    public Outcome<Segment> removeFilter(StaffScope scope, String id, int group, int index) {
        return change(scope, id, "segment.filter.remove", s -> removed(s, group, index), s -> {
            List<SegmentFilter> groups = new ArrayList<>(s.filters().members());
            if (group < 1 || group > groups.size() || !(groups.get(group - 1) instanceof FilterGroup g)
                    || index < 1 || index > g.members().size()) {
                return Outcome.rejected(Reason.INVALID_REQUEST, "That filter is no longer there.");
            }
            List<SegmentFilter> members = new ArrayList<>(g.members());
            members.remove(index - 1);
            if (members.isEmpty()) {
                groups.remove(group - 1);
            } else {
                groups.set(group - 1, new FilterGroup(g.join(), members));
            }
            return next(s, groups);
        }, next -> Map.of());
    }

    /**
     * The live count: the segment evaluated over the brand's cards page by page, at most {@link #COUNT_PAGES} pages
     * (2,000 cards); exact when the last page came within the budget, "at least" otherwise. Cost: per page one query
     * of the cards plus the member facts of each card (one ledger head read per card, its statistics and score; its
     * recent events and rewards only if the filters need them: {@link FactsNeeded}).
     */
    public SegmentCount count(StaffScope scope, Segment segment) {
        if (!scope.can(Permission.BUILD_SEGMENTS) || !segment.visibleTo(scope)) {
            throw new IllegalArgumentException("count of a segment the staff member cannot see");
        }
        EvaluationContext at = new EvaluationContext(clock.instant(), zones.apply(segment.brand()),
                defaultPoints.apply(segment.brand()));
        FactsNeeded needed = FactsNeeded.of(segment.filters());
        Optional<String> cursor = Optional.empty();
        long matched = 0;
        long examined = 0;
        for (int page = 0; page < COUNT_PAGES; page++) {
            CardsPage cardsPage = cards.page(segment.brand(), cursor, BrandCardsPort.MAX_PAGE);
            for (MemberFacts f : facts.facts(cardsPage.cards(), needed)) {
                examined++;
                if (segment.matches(f, at)) {
                    matched++;
                }
            }
            cursor = cardsPage.next();
            if (cursor.isEmpty()) {
                return new SegmentCount(matched, examined, true);
            }
        }
        // A88 answers a full page with a cursor even when it held the last card: look one card further.
        boolean more = !cards.page(segment.brand(), cursor, 1).cards().isEmpty();
        return new SegmentCount(matched, examined, !more);
    }

    private Outcome<Segment> change(StaffScope scope, String id, String action, Function<Segment, Map<String, String>> before,
                                    Function<Segment, Outcome<Segment>> edit) {
        return change(scope, id, action, before, edit, SegmentUseCase::values);
    }

    /** A change of a segment the staff member may edit, recorded just before its write (conditional on the version). */
    private Outcome<Segment> change(StaffScope scope, String id, String action, Function<Segment, Map<String, String>> before,
                                    Function<Segment, Outcome<Segment>> edit, Function<Segment, Map<String, String>> after) {
        Optional<Segment> found = find(scope, id);
        if (found.isEmpty()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, NOT_FOUND);
        }
        if (!found.get().editableBy(scope)) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "Base segments are made by the platform and cannot be changed.");
        }
        return edit.apply(found.get()).flatMap(next -> {
            audit.record(scope, action, target(next), before.apply(found.get()), after.apply(next));
            return segments.update(next) ? Outcome.accepted(next)
                    : Outcome.rejected(Reason.INVALID_REQUEST, "Someone changed this segment meanwhile: look again and retry.");
        });
    }

    private static String target(Segment s) {
        return "segment:" + s.id();
    }

    /** A segment's details as the audit log shows them. */
    static Map<String, String> values(Segment s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("description", s.description());
        m.put("visibility", s.visibility().name());
        m.put("locations", s.locations().stream().map(LocationId::value).sorted().collect(Collectors.joining(",")));
        m.put("join", s.filters().join().name());
        return m;
    }

    /** A filter as one line of its named parameters ({@link FilterCodec}'s stored form without the group lines). */
    static String text(SegmentFilter f) {
        List<String> lines = FilterCodec.encodeTree(FilterGroup.all(f));
        return lines.subList(1, lines.size()).stream().map(l -> l.startsWith("F ") ? l.substring(2) : l)
                .collect(Collectors.joining(" "));
    }

    private static Map<String, String> removed(Segment s, int group, int index) {
        List<SegmentFilter> groups = s.filters().members();
        if (group < 1 || group > groups.size() || !(groups.get(group - 1) instanceof FilterGroup g)
                || index < 1 || index > g.members().size()) {
            return Map.of();
        }
        return Map.of("filter", text(g.members().get(index - 1)), "group", String.valueOf(group));
    }

    private Outcome<Segment> next(Segment s, List<SegmentFilter> groups) {
        try {
            return Outcome.accepted(new Segment(s.brand(), s.id(), s.name(), s.description(), s.visibility(), s.owner(),
                    s.locations(), new FilterGroup(s.filters().join(), groups), clock.instant(), s.version() + 1));
        } catch (IllegalArgumentException e) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "A segment has at most " + FilterGroup.MAX_FILTERS + " filters.");
        }
    }

    private Outcome<Segment> build(StaffScope scope, SegmentId id, Details d, FilterGroup filters, long version) {
        Optional<Visibility> visibility = Arrays.stream(Visibility.values())
                .filter(v -> v.name().equalsIgnoreCase(d.visibility() == null ? "" : d.visibility().strip())).findFirst();
        if (visibility.isEmpty() || visibility.get() == Visibility.BASE) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "Choose shared, private, public by location or private by location.");
        }
        Set<LocationId> locations = new LinkedHashSet<>();
        for (String l : (d.locations() == null ? "" : d.locations()).split(",")) {
            if (!l.isBlank()) {
                if (!Identifiers.isValid(l.strip())) {
                    return Outcome.rejected(Reason.INVALID_REQUEST, "Locations are location ids separated by commas.");
                }
                locations.add(new LocationId(l.strip()));
            }
        }
        if (!visibility.get().byLocation()) {
            locations.clear();
        }
        if (!scope.brandWide() && !visibility.get().byLocation()) {
            return Outcome.rejected(Reason.INVALID_REQUEST,
                    "A location group manager builds segments by location: choose public or private by location.");
        }
        if (!Segment.withinScope(scope, locations)) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "Choose locations of your own location groups.");
        }
        FilterGroup root = new FilterGroup(join(d.join()).orElse(filters.join()), filters.members());
        try {
            return Outcome.accepted(new Segment(scope.brand(), id, d.name() == null ? "" : d.name(), d.description(),
                    visibility.get(), scope.staff(), locations, root, clock.instant(), version));
        } catch (IllegalArgumentException e) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "Give a name of 1-" + Segment.MAX_NAME
                    + " characters, a description of at most " + Segment.MAX_DESCRIPTION
                    + " and, for a segment by location, 1-" + Segment.MAX_LOCATIONS + " locations.");
        }
    }

    /**
     * The brand's base segments (members, non-members), each created if absent (a lost race is the same segment; a
     * crash between the two leaves the second for the next list to create).
     */
    private void ensureBase(BrandId brand) {
        if (segments.find(brand, new SegmentId("base-members")).isEmpty()) {
            segments.create(new Segment(brand, new SegmentId("base-members"), "Members", "Cards enrolled in the loyalty program.",
                    Visibility.BASE, PLATFORM, Set.of(), FilterGroup.all(new SegmentFilter.EnrollmentStatus(true)),
                    clock.instant(), 1));
        }
        if (segments.find(brand, new SegmentId("base-non-members")).isEmpty()) {
            segments.create(new Segment(brand, new SegmentId("base-non-members"), "Identified non-members",
                    "Cards handed out but not enrolled.", Visibility.BASE, PLATFORM, Set.of(),
                    FilterGroup.all(new SegmentFilter.EnrollmentStatus(false)), clock.instant(), 1));
        }
    }

    private static Optional<FilterGroup.Join> join(String text) {
        return Arrays.stream(FilterGroup.Join.values()).filter(j -> j.name().equalsIgnoreCase(text == null ? "" : text.strip()))
                .findFirst();
    }

    private static List<SegmentFilter> replace(List<SegmentFilter> list, int index, SegmentFilter with) {
        list.set(index, with);
        return list;
    }
}
