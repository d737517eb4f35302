package io.tally.domain.segment.evaluation;

import io.tally.domain.segment.EvaluationContext;
import io.tally.domain.segment.FilterGroup;
import io.tally.domain.segment.SegmentRule;
import io.tally.domain.shared.GeoPoint;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A segment's dated membership snapshot (its header): the definition it evaluates ({@code name} and the {@code rule}:
 * visibility, locations and filters of the segment's version in {@link SnapshotKey#version()}, copied when the run
 * started so an edit during the run changes nothing), the evaluation instant {@code at}, the brand's zone and default
 * coordinates ({@code defaultPoint}), fixed at the start: what {@link #context()} gives every page; then its progress:
 * the pages recorded done, how many pages there are (known once the last page is done), the members and cards
 * counted by the pages done, READY once every page is done.
 */
public record Snapshot(SnapshotKey key, String segmentName, SegmentRule rule, Instant at, ZoneId zone,
                       Optional<GeoPoint> defaultPoint, SnapshotStatus status, Set<Integer> pagesDone, Optional<Integer> pages, long members,
                       long examined, Optional<Instant> readyAt) {
    public Snapshot {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(segmentName, "segmentName");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(defaultPoint, "defaultPoint");
        if (!rule.brand().equals(key.brand())) {
            throw new IllegalArgumentException("a rule over another brand's cards");
        }
        Objects.requireNonNull(status, "status");
        pagesDone = Set.copyOf(pagesDone);
        Objects.requireNonNull(pages, "pages");
        Objects.requireNonNull(readyAt, "readyAt");
        if (members < 0 || examined < members) {
            throw new IllegalArgumentException("members " + members + " of " + examined + " cards");
        }
        if (status == SnapshotStatus.READY && !(pages.isPresent() && pagesDone.size() == pages.get())) {
            throw new IllegalArgumentException("READY before every page is done");
        }
    }

    /** A run just started: nothing done yet. */
    public static Snapshot started(SnapshotKey key, String segmentName, SegmentRule rule, Instant at, ZoneId zone,
                                   Optional<GeoPoint> defaultPoint) {
        return new Snapshot(key, segmentName, rule, at, zone, defaultPoint, SnapshotStatus.RUNNING, Set.of(), Optional.empty(), 0,
                0, Optional.empty());
    }

    public FilterGroup filters() {
        return rule.filters();
    }

    /** What every page of the run evaluates with: the start's instant, zone and default coordinates. */
    public EvaluationContext context() {
        return new EvaluationContext(at, zone, defaultPoint);
    }

    /** The same header with other progress (the stores' record of a page, READY). */
    public Snapshot progressed(SnapshotStatus status, Set<Integer> pagesDone, Optional<Integer> pages, long members,
                               long examined, Optional<Instant> readyAt) {
        return new Snapshot(key, segmentName, rule, at, zone, defaultPoint, status, pagesDone, pages, members, examined,
                readyAt);
    }

    public boolean pageDone(int page) {
        return pagesDone.contains(page);
    }

    /** Every page is done: the last page has said how many there are, and that many are done. */
    public boolean allPagesDone() {
        return pages.isPresent() && pagesDone.size() == pages.get();
    }
}
