package io.tally.domain.fakes;

import io.tally.domain.delivery.BouncedAddressesPort;
import io.tally.domain.delivery.DeliveryEvent;
import io.tally.domain.delivery.DeliveryStatsPort;
import io.tally.domain.delivery.Figures;
import io.tally.domain.card.ProfileRules;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The delivery statistics' items in memory, one map entry per DynamoDB item and each method one single-item step. */
public final class InMemoryDeliveryStats implements DeliveryStatsPort, BouncedAddressesPort {
    private record Fact(boolean done, Instant leaseUntil) {
    }

    private static final class Cell {
        Figures figures = Figures.ZERO;
        final Set<String> pending = new HashSet<>();
    }

    private final Map<String, Fact> facts = new HashMap<>();
    private final Map<String, String> firsts = new HashMap<>();
    private final Map<Counter, Cell> counters = new HashMap<>();
    private final Set<String> bounced = new HashSet<>();

    @Override
    public synchronized Progress begin(BrandId brand, String eventId, Instant now, Duration lease) {
        String key = brand.value() + "|" + eventId;
        Fact fact = facts.get(key);
        if (fact == null) {
            facts.put(key, new Fact(false, now.plus(lease)));
            return Progress.MINE;
        }
        if (fact.done()) {
            return Progress.DONE;
        }
        if (fact.leaseUntil().isAfter(now)) {
            return Progress.BUSY;
        }
        facts.put(key, new Fact(false, now.plus(lease)));
        return Progress.MINE;
    }

    @Override
    public synchronized boolean first(BrandId brand, String mailing, DeliveryEvent.Kind kind, String recipient,
                                      String eventId) {
        return firsts.computeIfAbsent(String.join("|", brand.value(), mailing, kind.name(), recipient), k -> eventId)
                .equals(eventId);
    }

    @Override
    public synchronized void add(Counter counter, String eventId, Figures figures) {
        Cell cell = counters.computeIfAbsent(counter, c -> new Cell());
        if (cell.pending.add(eventId)) {
            cell.figures = cell.figures.plus(figures);
        }
    }

    @Override
    public synchronized void finish(BrandId brand, String eventId) {
        String key = brand.value() + "|" + eventId;
        facts.put(key, new Fact(true, facts.get(key).leaseUntil()));
    }

    @Override
    public synchronized void settle(Counter counter, String eventId) {
        Cell cell = counters.get(counter);
        if (cell != null) {
            cell.pending.remove(eventId);
        }
    }

    @Override
    public synchronized List<Row> load(BrandId brand, LocalDate from, LocalDate to) {
        List<Row> rows = new ArrayList<>();
        counters.forEach((counter, cell) -> {
            if (counter.brand().equals(brand) && !counter.day().isBefore(from) && !counter.day().isAfter(to)) {
                rows.add(new Row(counter, cell.figures));
            }
        });
        rows.sort(Comparator.comparing((Row r) -> r.counter().day()).thenComparing(r -> r.counter().mailing())
                .thenComparing(r -> r.counter().location().orElse("")));
        return rows;
    }

    /** Markers of events still being counted (none once every event finished). */
    public synchronized int pendingMarkers() {
        return counters.values().stream().mapToInt(c -> c.pending.size()).sum();
    }

    @Override
    public synchronized void mark(BrandId brand, String address, Instant at) {
        bounced.add(brand.value() + "|" + ProfileRules.normalizeEmail(address));
    }

    @Override
    public synchronized boolean find(BrandId brand, String address) {
        return bounced.contains(brand.value() + "|" + ProfileRules.normalizeEmail(address));
    }
}
