package io.tally.domain.segment.evaluation;

import io.tally.domain.backoffice.SetupAudit;
import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.segment.BrandCardsPort;
import io.tally.domain.segment.BrandCardsPort.CardsPage;
import io.tally.domain.segment.EvaluationContext;
import io.tally.domain.segment.FactsNeeded;
import io.tally.domain.segment.MemberFacts;
import io.tally.domain.segment.MemberFactsPort;
import io.tally.domain.segment.Segment;
import io.tally.domain.segment.SegmentId;
import io.tally.domain.segment.SegmentsPort;
import io.tally.domain.shared.GeoPoint;
import io.tally.domain.shared.Identifiers;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.domain.staff.Permission;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The segment evaluation job: a run evaluates a segment over every handed-out card of its brand (A88's pages, never a
 * scan) and stores a dated membership snapshot. {@link #start} fixes what the snapshot is a function of (the
 * segment's definition and the evaluation instant, both kept in its header) and queues the first page; each page's
 * delivery ({@link #evaluatePage}) fixes its listing, queues the next page before it evaluates its own (so pages run
 * as parallel as the queue's consumers), fixes its members, writes them and records itself done on the header in one
 * conditional write; the write that leaves every page done flips the snapshot READY and makes it the segment's
 * latest. Every step is retryable: a duplicate, late, reordered or redelivered page message, or a crash after any
 * write, leaves the same members.
 */
public final class SegmentEvaluationUseCase {
    private static final String NOT_FOUND = "No such segment.";
    private final SegmentsPort segments;
    private final SegmentSnapshotsPort snapshots;
    private final BrandCardsPort brandCards;
    private final MemberFactsPort facts;
    private final CardPort cards;
    private final EvaluationQueuePort queue;
    private final Function<BrandId, ZoneId> zones;
    private final Function<BrandId, Optional<GeoPoint>> defaultPoints;
    private final SetupAudit audit;
    private final Clock clock;

    /**
     * @param facts         the member facts with the card locations ({@code CardUseFacts}), as the live count's: a
     *                      by-location segment matches no card whose locations were not read
     * @param zones         the brand's time zone
     * @param defaultPoints the brand's default coordinates ({@code Brand}), read once when a run starts
     * @param audit         where "Evaluate now" is recorded ({@code segment.evaluate}, like the segment's changes)
     */
    public SegmentEvaluationUseCase(SegmentsPort segments, SegmentSnapshotsPort snapshots, BrandCardsPort brandCards,
                                    MemberFactsPort facts, CardPort cards, EvaluationQueuePort queue,
                                    Function<BrandId, ZoneId> zones, Function<BrandId, Optional<GeoPoint>> defaultPoints,
                                    SetupAudit audit, Clock clock) {
        this.segments = segments;
        this.snapshots = snapshots;
        this.brandCards = brandCards;
        this.facts = facts;
        this.cards = cards;
        this.queue = queue;
        this.zones = zones;
        this.defaultPoints = defaultPoints;
        this.audit = audit;
        this.clock = clock;
    }

    public enum Result {
        /** The page was evaluated and recorded by this delivery. */
        EVALUATED,
        /** Recorded before (a redelivery; the completion was made sure of): nothing evaluated. */
        SKIPPED,
        /** No such snapshot (expired, or garbage): nothing done. */
        NO_SUCH_SNAPSHOT
    }

    /**
     * "Evaluate now" on the segment's page: staff who may build segments and see this one. Recorded in the brand's
     * audit log ({@code segment.evaluate}, target {@code segment:<id>}, the snapshot it starts or resumes) just before
     * the run's first write, like the segment's changes.
     */
    public Outcome<Snapshot> start(StaffScope scope, String segmentId) {
        if (!scope.can(Permission.BUILD_SEGMENTS) || !Identifiers.isValid(segmentId)) {
            return Outcome.rejected(Reason.INVALID_REQUEST, NOT_FOUND);
        }
        Optional<Segment> found = segments.find(scope.brand(), new SegmentId(segmentId)).filter(s -> s.visibleTo(scope));
        if (found.isEmpty()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, NOT_FOUND);
        }
        Segment segment = found.get();
        Instant now = clock.instant();
        SnapshotKey key = key(segment, now);
        audit.record(scope, "segment.evaluate", "segment:" + segment.id(), Map.of(),
                Map.of("snapshot", key.text(), "name", segment.name()));
        return Outcome.accepted(start(segment, now));
    }

    /** The daily job: a run of every segment of the brand (a segment already evaluated today unchanged: nothing new). */
    public List<Snapshot> startAll(BrandId brand) {
        List<Snapshot> started = new ArrayList<>();
        for (Segment s : segments.list(brand)) {
            started.add(start(s));
        }
        return started;
    }

    /**
     * Starts (or resumes) the run of today's snapshot of the segment as it is now: a snapshot of the same day and
     * version is the same run (its first instant and definition stay), whose first page is queued again while it is
     * not READY (harmless: every page step is idempotent).
     */
    public Snapshot start(Segment segment) {
        return start(segment, clock.instant());
    }

    private Snapshot start(Segment segment, Instant now) {
        ZoneId zone = zones.apply(segment.brand());
        SnapshotKey key = key(segment, now);
        Snapshot snapshot = Snapshot.started(key, segment.name(), segment.rule(), now, zone,
                defaultPoints.apply(segment.brand()));
        if (!snapshots.create(snapshot)) {
            snapshot = snapshots.find(key).orElseThrow(() -> new IllegalStateException("snapshot gone: " + key));
        }
        if (snapshot.status() != SnapshotStatus.READY) {
            queue.send(new EvaluatePage(key, 0, Optional.empty()));
        }
        return snapshot;
    }

    /** The snapshot a start at {@code now} names: the day in the brand's zone and the segment's version. */
    private SnapshotKey key(Segment segment, Instant now) {
        return new SnapshotKey(segment.brand(), segment.id(), LocalDate.ofInstant(now, zones.apply(segment.brand())),
                segment.version());
    }

    /** A segment's snapshots, newest first, for staff who may see the segment. */
    public List<Snapshot> snapshots(StaffScope scope, Segment segment) {
        if (!scope.can(Permission.BUILD_SEGMENTS) || !segment.visibleTo(scope)) {
            return List.of();
        }
        return snapshots.list(segment.brand(), segment.id(), SegmentSnapshotsPort.MAX_LIST).stream()
                .filter(s -> s.rule().heldWithin(scope)).toList();
    }

    /** One page of a run, as the evaluation consumer (or a benchmark's worker) delivers it. */
    public Result evaluatePage(EvaluatePage message) {
        SnapshotKey key = message.snapshot();
        Optional<Snapshot> found = snapshots.find(key);
        if (found.isEmpty()) {
            return Result.NO_SUCH_SNAPSHOT;
        }
        Snapshot header = found.get();
        if (header.pageDone(message.page()) || header.status() == SnapshotStatus.READY) {
            completeIfDone(header);
            return Result.SKIPPED;
        }
        List<Card> listed = List.of();
        SnapshotPage page = snapshots.page(key, message.page()).orElse(null);
        if (page == null) {
            CardsPage read = brandCards.page(key.brand(), message.cursor(), BrandCardsPort.MAX_PAGE);
            listed = read.cards();
            page = snapshots.list(key, message.page(),
                    SnapshotPage.listed(read.cards().stream().map(Card::number).toList(), read.next()));
        }
        if (page.next().isPresent()) {
            queue.send(new EvaluatePage(key, message.page() + 1, page.next()));
        }
        if (page.members().isEmpty()) {
            page = decide(header, message.page(), page, listed);
        }
        List<CardNumber> members = page.members().orElseThrow();
        snapshots.putMembers(key, members);
        SegmentSnapshotsPort.Recorded recorded = snapshots.recordPage(key, message.page(), members.size(),
                page.examined(), page.next().isEmpty());
        recorded.snapshot().ifPresent(this::completeIfDone);
        return recorded.recorded() ? Result.EVALUATED : Result.SKIPPED;
    }

    /**
     * Evaluates the page's cards with the run's rule (the segment's, {@code Segment.matches}, as fixed at the start)
     * in the run's context (its instant, zone and the brand's default coordinates then), and fixes the members.
     */
    private SnapshotPage decide(Snapshot header, int pageNumber, SnapshotPage page, List<Card> listed) {
        List<Card> pageCards = listed.stream().map(Card::number).toList().equals(page.cards()) ? listed
                : reread(header.key().brand(), page.cards());
        EvaluationContext at = header.context();
        List<MemberFacts> read = facts.facts(pageCards, FactsNeeded.of(header.filters()), header.at());
        List<CardNumber> members = read.stream()
                .filter(f -> header.rule().matches(f, at))
                .map(f -> f.card().number()).toList();
        return snapshots.decide(header.key(), pageNumber, members, read.size());
    }

    /** The listed cards again, when another delivery listed the page (one read each; a card gone is left out). */
    private List<Card> reread(BrandId brand, List<CardNumber> numbers) {
        List<Card> found = new ArrayList<>(numbers.size());
        for (CardNumber n : numbers) {
            cards.load(brand, n).ifPresent(found::add);
        }
        return found;
    }

    private void completeIfDone(Snapshot header) {
        if (!header.allPagesDone()) {
            return;
        }
        if (header.status() != SnapshotStatus.READY) {
            snapshots.markReady(header.key(), clock.instant());
        }
        snapshots.pointLatest(header.key());
    }
}
