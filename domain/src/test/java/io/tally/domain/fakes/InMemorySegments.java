package io.tally.domain.fakes;

import io.tally.domain.segment.Segment;
import io.tally.domain.segment.SegmentId;
import io.tally.domain.segment.SegmentsPort;
import io.tally.domain.tenant.BrandId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link SegmentsPort} in memory, with the adapter's conditions (runs the same contract). */
public final class InMemorySegments implements SegmentsPort {
    private final Map<String, Segment> byKey = new ConcurrentHashMap<>();

    @Override
    public boolean create(Segment segment) {
        return byKey.putIfAbsent(key(segment.brand(), segment.id()), segment) == null;
    }

    @Override
    public synchronized boolean update(Segment changed) {
        String key = key(changed.brand(), changed.id());
        Segment stored = byKey.get(key);
        if (stored == null || stored.version() != changed.version() - 1) {
            return false;
        }
        byKey.put(key, changed);
        return true;
    }

    @Override
    public Optional<Segment> find(BrandId brand, SegmentId id) {
        return Optional.ofNullable(byKey.get(key(brand, id)));
    }

    @Override
    public List<Segment> list(BrandId brand) {
        return byKey.values().stream().filter(s -> s.brand().equals(brand))
                .sorted((a, b) -> a.id().value().compareTo(b.id().value())).limit(MAX_PER_BRAND).toList();
    }

    private static String key(BrandId brand, SegmentId id) {
        return brand.value() + "/" + id.value();
    }
}
