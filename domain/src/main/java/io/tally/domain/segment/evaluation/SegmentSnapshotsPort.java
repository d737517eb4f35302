package io.tally.domain.segment.evaluation;

import io.tally.domain.card.CardNumber;
import io.tally.domain.segment.SegmentId;
import io.tally.domain.segment.SegmentMembershipPort;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The segments' dated membership snapshots: a header per run (definition, evaluation instant, progress), its pages as
 * their first delivery fixed them, one item per member, and which snapshot of a segment is the latest READY one
 * (what {@link SegmentMembershipPort#isMember} reads). Every step of a run is one conditional single-item write or
 * an idempotent put, so a page delivered twice, late or after a crash at any point changes nothing twice. Snapshots
 * expire {@link #RETENTION} after their evaluation instant.
 */
public interface SegmentSnapshotsPort extends SegmentMembershipPort {
    /** How long a snapshot (header, pages, members) is kept after its evaluation instant. */
    Duration RETENTION = Duration.ofDays(30);
    /** Upper bound of a segment's snapshots listed at once (a daily run keeps about 30). */
    int MAX_LIST = 60;
    /** Upper bound of a page of members read back. */
    int MAX_MEMBERS_PAGE = 1_000;

    /** Stores a new run's header only if that snapshot does not exist yet. */
    boolean create(Snapshot started);

    /** The header, read strongly consistently. */
    Optional<Snapshot> find(SnapshotKey key);

    /** A segment's snapshots, newest first ({@link SnapshotKey#text()} order), at most {@code limit}. */
    List<Snapshot> list(BrandId brand, SegmentId segment, int limit);

    /** The segment's latest READY snapshot, if any. */
    Optional<Snapshot> latestReady(BrandId brand, SegmentId segment);

    /** Whether the snapshot lists {@code card} as a member (one eventually consistent read). */
    boolean holds(SnapshotKey key, CardNumber card);

    /**
     * The snapshot that had become READY last at or before {@code asOf} among the segment's listed ones
     * ({@link #MAX_LIST}, A91), and whether it lists {@code card} (A93's member read): false when none had.
     */
    @Override
    default boolean isMember(BrandId brand, SegmentId segment, CardNumber card, Instant asOf) {
        return list(brand, segment, MAX_LIST).stream()
                .filter(s -> s.status() == SnapshotStatus.READY && s.readyAt().filter(r -> !r.isAfter(asOf)).isPresent())
                .max(Comparator.comparing(s -> s.readyAt().orElseThrow()))
                .map(s -> holds(s.key(), card)).orElse(false);
    }

    /** Page {@code page} as stored (consistent), if a delivery has listed it. */
    Optional<SnapshotPage> page(SnapshotKey key, int page);

    /** Stores page {@code page}'s listing unless one is stored; answers the stored one (this or the first). */
    SnapshotPage list(SnapshotKey key, int page, SnapshotPage listed);

    /** Stores the page's members unless they are stored; answers the page as stored (these or the first). */
    SnapshotPage decide(SnapshotKey key, int page, List<CardNumber> members, long examined);

    /** Writes one item per member (idempotent: a card written again is the same item). */
    void putMembers(SnapshotKey key, List<CardNumber> members);

    /**
     * Records page {@code page} done with its counts exactly once (and, for the last page, how many pages the run
     * has), answering the header as the write left it; a page recorded before changes nothing.
     */
    Recorded recordPage(SnapshotKey key, int page, long members, long examined, boolean last);

    /** RUNNING → READY, only when every page is done; false if it is READY already (or not all done). */
    boolean markReady(SnapshotKey key, Instant readyAt);

    /** Makes {@code key} its segment's latest READY snapshot unless a later one is (idempotent). */
    void pointLatest(SnapshotKey key);

    /** A page of a READY snapshot's members, in a stable order, from {@code cursor} (opaque; empty: the start). */
    MembersPage members(SnapshotKey key, Optional<String> cursor, int limit);

    /** What {@link #recordPage} did, and the header after it (empty when there is no such snapshot). */
    record Recorded(boolean recorded, Optional<Snapshot> snapshot) {
        public Recorded {
            Objects.requireNonNull(snapshot, "snapshot");
        }
    }

    record MembersPage(List<CardNumber> members, Optional<String> next) {
        public MembersPage {
            members = List.copyOf(members);
            Objects.requireNonNull(next, "next");
        }
    }
}
