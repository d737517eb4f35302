package io.tally.domain.report.export;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.Customer;
import io.tally.domain.segment.Segment;
import io.tally.domain.segment.SegmentId;
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
 * The members of one READY segment snapshot ({@link ReportKind#SEGMENT_MEMBERS}; the report's subject
 * {@code <segment>/<snapshot>}): one row per member card with its primary customer's name and e-mail, the segment's
 * name as the snapshot holds it and the snapshot's day. Asked for from the segment's page by staff who see the
 * segment ({@link Segment#visibleTo}: a manager only by-location segments of their own locations, whose snapshots hold
 * only cards used there). One shard walks the members a page at a time (A94, {@link SegmentSnapshotsPort#members})
 * and reads each card (A8): it never holds more than a page, and writes the same rows on every attempt (a READY
 * snapshot's members never change).
 */
public final class SegmentMemberRows implements ReportRows {
    private static final List<String> HEADER = List.of("cardNumber", "customerName", "customerEmail", "segment",
            "snapshotDate");
    private final SegmentsPort segments;
    private final SegmentSnapshotsPort snapshots;
    private final CardPort cards;

    public SegmentMemberRows(SegmentsPort segments, SegmentSnapshotsPort snapshots, CardPort cards) {
        this.segments = segments;
        this.snapshots = snapshots;
        this.cards = cards;
    }

    /** The report's subject naming a snapshot. */
    public static String subject(SnapshotKey key) {
        return key.segment().value() + "/" + key.text();
    }

    /** The snapshot a subject names, if it names one. */
    static Optional<SnapshotKey> snapshot(BrandId brand, Optional<String> subject) {
        return subject.flatMap(s -> {
            int slash = s.indexOf('/');
            if (slash < 1 || !Identifiers.isValid(s.substring(0, slash))) {
                return Optional.empty();
            }
            return SnapshotKey.parse(brand, new SegmentId(s.substring(0, slash)), s.substring(slash + 1));
        });
    }

    @Override
    public List<String> header() {
        return HEADER;
    }

    /** A READY snapshot of a segment {@code scope} sees, whose own rule held its cards within their reach. */
    @Override
    public boolean admits(StaffScope scope, ReportFilters filters) {
        return snapshot(scope.brand(), filters.subject())
                .filter(key -> segments.find(key.brand(), key.segment()).filter(s -> s.visibleTo(scope)).isPresent())
                .flatMap(snapshots::find).filter(s -> s.status() == SnapshotStatus.READY)
                .filter(s -> s.rule().heldWithin(scope)).isPresent();
    }

    @Override
    public int shards(BrandId brand, ReportFilters filters, ZoneId zone) {
        return 1;
    }

    @Override
    public void write(Report report, int shard, ZoneId zone, CsvOut out) {
        Snapshot header = snapshot(report.brand(), report.filters().subject()).flatMap(snapshots::find)
                .filter(s -> s.status() == SnapshotStatus.READY)
                .orElseThrow(() -> new IllegalStateException("no READY snapshot " + report.filters().subject()));
        Optional<String> cursor = Optional.empty();
        do {
            SegmentSnapshotsPort.MembersPage page = snapshots.members(header.key(), cursor,
                    SegmentSnapshotsPort.MAX_MEMBERS_PAGE);
            for (CardNumber number : page.members()) {
                Optional<Customer> holder = cards.load(report.brand(), number).flatMap(Card::primaryCustomer);
                out.row(List.of(number.value(), holder.map(SegmentMemberRows::name).orElse(""),
                        holder.map(Customer::email).orElse(""), header.segmentName(),
                        header.key().day().toString()));
            }
            cursor = page.next();
        } while (cursor.isPresent());
    }

    private static String name(Customer c) {
        return Stream.of(c.firstName(), c.lastName()).filter(n -> n != null && !n.isBlank())
                .collect(Collectors.joining(" "));
    }
}
