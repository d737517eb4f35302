package io.tally.domain.report.export;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardLocationsPort;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.CardStatus;
import io.tally.domain.card.Customer;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.PreferencesPort;
import io.tally.domain.portal.PortalConfigPort;
import io.tally.domain.portal.SubscriptionList;
import io.tally.domain.program.CardSet;
import io.tally.domain.provisioning.BrandSetupReadPort;
import io.tally.domain.segment.SegmentsPort;
import io.tally.domain.segment.evaluation.SegmentSnapshotsPort;
import io.tally.domain.segment.evaluation.Snapshot;
import io.tally.domain.segment.evaluation.SnapshotKey;
import io.tally.domain.segment.evaluation.SnapshotStatus;
import io.tally.domain.shared.Identifiers;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.BrandId;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Direct mail ({@link ReportKind#DIRECT_MAIL}): the postal addresses of a list's members, for a printer. The subject is
 * the list ({@code news}) or the list narrowed by a READY segment snapshot ({@code news/<segment>/<snapshot>}, the
 * segment's latest READY one when asked). One row per active card whose primary customer has a complete address
 * (name, first line, city, postal code and country; the second line and the region where given) and is on the list: on
 * the transactional list everyone is, on another their choice by e-mail (A102) or, never having chosen (or having no
 * e-mail), the list's default. Addresses are not keyed anywhere, so the same household may be on two rows.
 * <ul>
 *   <li>The whole list walks every handed-out card as the balances export does (the same shards and ranges, A59), a
 *   manager's export keeping the cards used at their locations (A9); a location filter likewise.</li>
 *   <li>Narrowed by a snapshot: one shard walks its members a page at a time (A94), admitted only for staff who see the
 *   segment and whose reach held its rule, as the segment members' export.</li>
 * </ul>
 * Every value goes through {@link CsvOut}'s formula guard (a name like {@code =HYPERLINK(…)} stays text).
 */
public final class DirectMailRows implements ReportRows {
    private static final List<String> HEADER = List.of("cardNumber", "name", "address1", "address2", "city", "region",
            "postalCode", "country", "list");
    private final PortalConfigPort portals;
    private final PreferencesPort preferences;
    private final BrandSetupReadPort setup;
    private final CardPort cards;
    private final CardLocationsPort locations;
    private final SegmentsPort segments;
    private final SegmentSnapshotsPort snapshots;

    public DirectMailRows(PortalConfigPort portals, PreferencesPort preferences, BrandSetupReadPort setup,
                          CardPort cards, CardLocationsPort locations, SegmentsPort segments,
                          SegmentSnapshotsPort snapshots) {
        this.portals = portals;
        this.preferences = preferences;
        this.setup = setup;
        this.cards = cards;
        this.locations = locations;
        this.segments = segments;
        this.snapshots = snapshots;
    }

    /** The subject of a list's export, optionally narrowed by a snapshot. */
    public static String subject(String list, Optional<SnapshotKey> narrowedBy) {
        return Identifiers.require(list, "list") + narrowedBy.map(k -> "/" + SegmentMemberRows.subject(k)).orElse("");
    }

    private record Subject(String list, Optional<SnapshotKey> snapshot) {
    }

    private static Optional<Subject> parse(BrandId brand, Optional<String> subject) {
        return subject.flatMap(s -> {
            int slash = s.indexOf('/');
            String list = slash < 0 ? s : s.substring(0, slash);
            if (!Identifiers.isValid(list)) {
                return Optional.empty();
            }
            if (slash < 0) {
                return Optional.of(new Subject(list, Optional.empty()));
            }
            return SegmentMemberRows.snapshot(brand, Optional.of(s.substring(slash + 1)))
                    .map(key -> new Subject(list, Optional.of(key)));
        });
    }

    @Override
    public List<String> header() {
        return HEADER;
    }

    /** A list the brand has (archived lists send nothing, so they are not exported) and, if named, a snapshot in reach. */
    @Override
    public boolean admits(StaffScope scope, ReportFilters filters) {
        Optional<Subject> subject = parse(scope.brand(), filters.subject());
        if (subject.isEmpty() || list(scope.brand(), subject.get().list()).isEmpty()) {
            return false;
        }
        return subject.get().snapshot().map(key -> segments.find(key.brand(), key.segment())
                .filter(s -> s.visibleTo(scope)).flatMap(s -> snapshots.find(key))
                .filter(s -> s.status() == SnapshotStatus.READY).filter(s -> s.rule().heldWithin(scope)).isPresent())
                .orElse(true);
    }

    @Override
    public int shards(BrandId brand, ReportFilters filters, ZoneId zone) {
        boolean narrowed = parse(brand, filters.subject()).flatMap(Subject::snapshot).isPresent();
        return narrowed ? 1 : BalanceRows.shards(setup, cards, brand, filters);
    }

    @Override
    public void write(Report report, int shard, ZoneId zone, CsvOut out) {
        Subject subject = parse(report.brand(), report.filters().subject())
                .orElseThrow(() -> new IllegalStateException("not a direct mail subject"));
        SubscriptionList list = list(report.brand(), subject.list())
                .orElseThrow(() -> new IllegalStateException("no such list " + subject.list()));
        if (subject.snapshot().isPresent()) {
            members(report, subject.snapshot().get(), list, out);
            return;
        }
        BalanceRows.cardSets(setup, report.brand(), report.filters()).forEach(set ->
                walk(report, set, BalanceRows.rangeOf(set, shard, report.shards()), list, out));
    }

    private void members(Report report, SnapshotKey key, SubscriptionList list, CsvOut out) {
        Snapshot snapshot = snapshots.find(key).filter(s -> s.status() == SnapshotStatus.READY)
                .orElseThrow(() -> new IllegalStateException("no READY snapshot " + key.text()));
        Optional<String> cursor = Optional.empty();
        do {
            SegmentSnapshotsPort.MembersPage page = snapshots.members(snapshot.key(), cursor,
                    SegmentSnapshotsPort.MAX_MEMBERS_PAGE);
            for (CardNumber number : page.members()) {
                cards.load(report.brand(), number).ifPresent(card -> row(card, list, out));
            }
            cursor = page.next();
        } while (cursor.isPresent());
    }

    private void walk(Report report, CardSet set, CardPort.NumberRange range, SubscriptionList list, CsvOut out) {
        ReportFilters f = report.filters();
        Optional<CardNumber> after = Optional.empty();
        do {
            CardPort.CardPage page = cards.allocatedInCardSet(report.brand(), set.id(), range, after, CardPort.MAX_PAGE);
            for (Card card : page.cards()) {
                boolean located = f.scope().isEmpty() && f.location().isEmpty()
                        || f.admitsAny(locations.locations(report.brand(), card.number())); // one read, only if asked
                if (located && f.admitsProgram(Optional.of(card.program().value()))) {
                    row(card, list, out);
                }
            }
            after = page.next();
        } while (after.isPresent());
    }

    private void row(Card card, SubscriptionList list, CsvOut out) {
        Optional<Customer> holder = card.primaryCustomer().filter(DirectMailRows::complete);
        if (card.status() != CardStatus.ACTIVE || holder.isEmpty() || !onList(card.brand(), holder.get(), list)) {
            return;
        }
        Customer c = holder.get();
        out.row(List.of(card.number().value(), name(c), c.address1(), text(c.address2()), c.city(), text(c.state()),
                c.postal(), c.country(), list.id()));
    }

    private boolean onList(BrandId brand, Customer c, SubscriptionList list) {
        if (list.transactional()) {
            return true;
        }
        return Optional.ofNullable(c.email()).filter(e -> !e.isBlank())
                .flatMap(e -> preferences.load(brand, ContactKey.email(e))).map(p -> p.on(list))
                .orElse(list.defaultOn());
    }

    /** A name, a first line, a city, a postal code and a country: what a printer needs to reach the door. */
    static boolean complete(Customer c) {
        return !name(c).isEmpty() && Stream.of(c.address1(), c.city(), c.postal(), c.country())
                .allMatch(v -> v != null && !v.isBlank());
    }

    private Optional<SubscriptionList> list(BrandId brand, String id) {
        return portals.load(brand).flatMap(p -> p.list(id)).filter(l -> !l.archived());
    }

    private static String name(Customer c) {
        return Stream.of(c.firstName(), c.lastName()).filter(n -> n != null && !n.isBlank())
                .collect(Collectors.joining(" "));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
