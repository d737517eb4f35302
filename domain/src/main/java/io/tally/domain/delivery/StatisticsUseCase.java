package io.tally.domain.delivery;

import io.tally.domain.communication.CardMailing;
import io.tally.domain.delivery.DeliveryStatsPort.Row;
import io.tally.domain.tenant.BrandId;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The communication report's delivery figures: per mailing and per day of a date range (the day an event happened,
 * in the brand's zone), narrowed to some mailings and some locations, from the counters alone (A123: one Query of the
 * range). Without a location filter the mailing-wide counters answer (events of messages without a location
 * included); with one, only the counters of those locations.
 */
public final class StatisticsUseCase {
    /** The longest range a report reads (its counters: days × mailings × locations). */
    public static final int MAX_DAYS = 400;
    private final DeliveryStatsPort stats;
    private final RevenuePort revenue;

    public StatisticsUseCase(DeliveryStatsPort stats, RevenuePort revenue) {
        this.stats = Objects.requireNonNull(stats, "stats");
        this.revenue = Objects.requireNonNull(revenue, "revenue");
    }

    /**
     * Which figures: the days from..to inclusive; empty sets mean every mailing, every location. A {@code skuTag}
     * narrows the revenue to the checkouts' amounts for that SKU tag (delivery figures are per mailing: it leaves them).
     * A {@code channel} narrows everything to the mailings that went out on it (e-mail, SMS or direct mail; empty:
     * every channel).
     */
    public record Filter(LocalDate from, LocalDate to, Set<String> mailings, Set<String> locations, Optional<String> skuTag,
                         Optional<CardMailing.Channel> channel) {
        public Filter {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            mailings = Set.copyOf(mailings);
            locations = Set.copyOf(locations);
            Objects.requireNonNull(skuTag, "skuTag");
            if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
                throw new IllegalArgumentException("a report covers 1 to " + MAX_DAYS + " days");
            }
        }

        /** Every SKU tag's revenue, every channel. */
        public Filter(LocalDate from, LocalDate to, Set<String> mailings, Set<String> locations) {
            this(from, to, mailings, locations, Optional.empty(), Optional.empty());
        }

        /** Every channel. */
        public Filter(LocalDate from, LocalDate to, Set<String> mailings, Set<String> locations, Optional<String> skuTag) {
            this(from, to, mailings, locations, skuTag, Optional.empty());
        }
    }

    /**
     * The figures per mailing and per day (only days and mailings with any), their total, the mailings and locations
     * the range knows (for the filters' choices), and each mailing's attributed revenue (minor units, where known).
     */
    public record Report(Filter filter, Map<String, Figures> byMailing, Map<LocalDate, Figures> byDay, Figures total,
                         Set<String> mailings, Set<String> locations, Map<String, Long> revenue) {
        public Optional<Long> totalRevenue() {
            return revenue.isEmpty() ? Optional.empty() : Optional.of(revenue.values().stream().mapToLong(Long::longValue).sum());
        }
    }

    public Report report(BrandId brand, Filter filter) {
        List<Row> rows = stats.load(brand, filter.from(), filter.to());
        Set<String> mailings = new TreeSet<>();
        Set<String> locations = new TreeSet<>();
        Map<String, Figures> byMailing = new TreeMap<>();
        Map<LocalDate, Figures> byDay = new TreeMap<>();
        Figures total = Figures.ZERO;
        for (Row row : rows) {
            if (filter.channel().filter(c -> c != row.counter().channel()).isPresent()) {
                continue; // another channel's mailing: not offered, not counted
            }
            mailings.add(row.counter().mailing());
            row.counter().location().ifPresent(locations::add);
            if (!wanted(row, filter)) {
                continue;
            }
            byMailing.merge(row.counter().mailing(), row.figures(), Figures::plus);
            byDay.merge(row.counter().day(), row.figures(), Figures::plus);
            total = total.plus(row.figures());
        }
        // a mailing's checkouts may fall in a period without any of its delivery events: it still shows, with its revenue
        Map<String, Long> money = new TreeMap<>(revenue.revenue(brand, filter.from(), filter.to(), filter.locations(),
                filter.skuTag(), filter.channel()));
        if (!filter.mailings().isEmpty()) {
            money.keySet().retainAll(filter.mailings());
        }
        money.keySet().forEach(m -> {
            mailings.add(m);
            byMailing.putIfAbsent(m, Figures.ZERO);
        });
        return new Report(filter, byMailing, byDay, total, mailings, locations, money);
    }

    private static boolean wanted(Row row, Filter filter) {
        if (!filter.mailings().isEmpty() && !filter.mailings().contains(row.counter().mailing())) {
            return false;
        }
        Optional<String> location = row.counter().location();
        return filter.locations().isEmpty() ? location.isEmpty()
                : location.filter(filter.locations()::contains).isPresent();
    }
}
