package io.tally.domain.fakes;

import io.tally.domain.card.CardNumber;
import io.tally.domain.segment.SegmentId;
import io.tally.domain.segment.evaluation.SegmentSnapshotsPort;
import io.tally.domain.segment.evaluation.Snapshot;
import io.tally.domain.segment.evaluation.SnapshotKey;
import io.tally.domain.segment.evaluation.SnapshotPage;
import io.tally.domain.segment.evaluation.SnapshotStatus;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** {@link SegmentSnapshotsPort} in memory, with the DynamoDB adapter's conditions (the shared contract keeps them equal). */
public class InMemorySegmentSnapshots implements SegmentSnapshotsPort {
    private final Map<SnapshotKey, Snapshot> headers = new HashMap<>();
    private final Map<SnapshotKey, Map<Integer, SnapshotPage>> pages = new HashMap<>();
    private final Map<SnapshotKey, TreeSet<String>> members = new HashMap<>();
    private final Map<List<String>, SnapshotKey> latest = new HashMap<>();

    @Override
    public synchronized boolean create(Snapshot started) {
        return headers.putIfAbsent(started.key(), started) == null;
    }

    @Override
    public synchronized Optional<Snapshot> find(SnapshotKey key) {
        return Optional.ofNullable(headers.get(key));
    }

    @Override
    public synchronized List<Snapshot> list(BrandId brand, SegmentId segment, int limit) {
        return headers.values().stream().filter(s -> s.key().brand().equals(brand) && s.key().segment().equals(segment))
                .sorted(Comparator.comparing((Snapshot s) -> s.key().text()).reversed())
                .limit(Math.max(1, Math.min(limit, MAX_LIST))).toList();
    }

    @Override
    public synchronized Optional<Snapshot> latestReady(BrandId brand, SegmentId segment) {
        return Optional.ofNullable(latest.get(List.of(brand.value(), segment.value()))).map(headers::get);
    }

    @Override
    public synchronized boolean isMember(BrandId brand, SegmentId segment, CardNumber card) {
        SnapshotKey key = latest.get(List.of(brand.value(), segment.value()));
        return key != null && members.getOrDefault(key, new TreeSet<>()).contains(card.value());
    }

    @Override
    public synchronized boolean holds(SnapshotKey key, CardNumber card) {
        return members.getOrDefault(key, new TreeSet<>()).contains(card.value());
    }

    @Override
    public synchronized Optional<SnapshotPage> page(SnapshotKey key, int page) {
        return Optional.ofNullable(pages.getOrDefault(key, Map.of()).get(page));
    }

    @Override
    public synchronized SnapshotPage list(SnapshotKey key, int page, SnapshotPage listed) {
        return pages.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(page, p -> listed);
    }

    @Override
    public synchronized SnapshotPage decide(SnapshotKey key, int page, List<CardNumber> memberCards, long examined) {
        SnapshotPage stored = page(key, page).orElseThrow(() -> new IllegalStateException("page not listed: " + page));
        if (stored.members().isPresent()) {
            return stored;
        }
        SnapshotPage decided = stored.decided(memberCards, examined);
        pages.get(key).put(page, decided);
        return decided;
    }

    @Override
    public synchronized void putMembers(SnapshotKey key, List<CardNumber> cards) {
        TreeSet<String> set = members.computeIfAbsent(key, k -> new TreeSet<>());
        cards.forEach(c -> set.add(c.value()));
    }

    @Override
    public synchronized Recorded recordPage(SnapshotKey key, int page, long memberCount, long examined, boolean last) {
        Snapshot s = headers.get(key);
        if (s == null || s.pageDone(page)) {
            return new Recorded(false, Optional.ofNullable(s));
        }
        Set<Integer> done = new HashSet<>(s.pagesDone());
        done.add(page);
        Snapshot after = s.progressed(s.status(), done,
                last ? Optional.of(page + 1) : s.pages(), s.members() + memberCount, s.examined() + examined, s.readyAt());
        headers.put(key, after);
        return new Recorded(true, Optional.of(after));
    }

    @Override
    public synchronized boolean markReady(SnapshotKey key, Instant readyAt) {
        Snapshot s = headers.get(key);
        if (s == null || s.status() == SnapshotStatus.READY || !s.allPagesDone()) {
            return false;
        }
        headers.put(key, s.progressed(SnapshotStatus.READY, s.pagesDone(), s.pages(), s.members(), s.examined(), Optional.of(readyAt)));
        return true;
    }

    @Override
    public synchronized void pointLatest(SnapshotKey key) {
        latest.merge(List.of(key.brand().value(), key.segment().value()), key,
                (was, now) -> was.text().compareTo(now.text()) >= 0 ? was : now);
    }

    @Override
    public synchronized MembersPage members(SnapshotKey key, Optional<String> cursor, int limit) {
        TreeSet<String> set = members.getOrDefault(key, new TreeSet<>());
        List<CardNumber> page = new ArrayList<>();
        for (String n : cursor.isPresent() ? set.tailSet(cursor.get(), false) : set) {
            if (page.size() == Math.max(1, Math.min(limit, MAX_MEMBERS_PAGE))) {
                return new MembersPage(page, Optional.of(page.get(page.size() - 1).value()));
            }
            page.add(new CardNumber(n));
        }
        return new MembersPage(page, Optional.empty());
    }
}
