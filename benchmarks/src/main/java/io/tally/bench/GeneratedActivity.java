package io.tally.bench;

import io.tally.domain.event.ActivityLogPort;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A brand's activity log of {@code n} ledger events computed on the fly (nothing stored: event {@code i} happens at
 * {@code start + i * span / n} ms), so an export of a million rows measures the export (CSV, S3, the reports' records)
 * rather than dynalite's single-threaded reads. Pages like the real log: newest first, at most {@code limit}, after
 * a position.
 */
final class GeneratedActivity implements ActivityLogPort {
    private static final String[] LOCATIONS = {"BENCH001", "BENCH002", "BENCH003"};
    private final BrandId brand;
    private final Instant start;
    private final long spanMillis;
    private final long n;

    GeneratedActivity(BrandId brand, Instant start, long spanMillis, long n) {
        this.brand = brand;
        this.start = start;
        this.spanMillis = spanMillis;
        this.n = n;
    }

    @Override
    public Slice between(BrandId b, Instant from, Instant to, Optional<Position> after, int limit) {
        long lo = firstAtOrAfter(from);
        long hi = firstAtOrAfter(to) - 1;
        if (after.isPresent()) {
            hi = Math.min(hi, Long.parseLong(after.get().eventId().substring(1)) - 1);
        }
        List<DomainEvent> events = new ArrayList<>(limit);
        for (long i = hi; i >= lo && events.size() < limit; i--) {
            events.add(event(i));
        }
        boolean more = !events.isEmpty() && hi - events.size() >= lo;
        return new Slice(events, more ? Optional.of(Position.of(events.get(events.size() - 1))) : Optional.empty());
    }

    private long firstAtOrAfter(Instant t) {
        long ms = t.toEpochMilli() - start.toEpochMilli();
        if (ms <= 0) {
            return 0;
        }
        // smallest i with i * span / n >= ms
        long i = (ms * n + spanMillis - 1) / spanMillis;
        while (i > 0 && at(i - 1) >= ms) {
            i--;
        }
        while (i < n && at(i) < ms) {
            i++;
        }
        return Math.min(i, n);
    }

    private long at(long i) {
        return Math.multiplyExact(i, spanMillis) / n;
    }

    private DomainEvent event(long i) {
        return new DomainEvent("g" + i, "ledger.issue", brand, start.plusMillis(at(i)), Map.of(
                "cardNumber", "4111111111111111", "transactionId", "t" + i, "location", LOCATIONS[(int) (i % 3)],
                "program", "GIFT", "balance.USD", Long.toString(100 + i % 9_900), "after.USD", Long.toString(i)));
    }

    @Override
    public boolean record(DomainEvent event) {
        throw new UnsupportedOperationException("generated");
    }

    @Override
    public List<DomainEvent> recent(BrandId b, int limit) {
        return List.of();
    }

    @Override
    public List<DomainEvent> byRequestRef(BrandId b, String requestRef, int limit) {
        return List.of();
    }

    @Override
    public List<DomainEvent> byExternalTransactionId(BrandId b, String externalTransactionId, int limit) {
        return List.of();
    }

    @Override
    public Optional<Instant> oldest(BrandId b) {
        return n == 0 ? Optional.empty() : Optional.of(start);
    }
}
