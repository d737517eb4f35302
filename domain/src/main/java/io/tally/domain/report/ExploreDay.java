package io.tally.domain.report;

import io.tally.domain.backoffice.BrandTransaction;
import io.tally.domain.tenant.BrandId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One brand's Explore Data figures of one day (the brand's time zone) that the accounting cells cannot answer:
 * activations, member visits, transaction counts and lift per location and program ({@link Engagement}), and the
 * committed checkouts per location ({@link Sales}). Like {@link DayRollup}, a pure function of the day's ledger events,
 * so the job replaces the stored day with it and computing it again gives the same value.
 *
 * <p>A member visit: the glossary's "customer with one or more loyalty or gift transactions in a 90 minute period". The
 * ledger knows cards, not people, so a card is the customer. A card's visit transactions of the day (issue, redeem,
 * hold, checkout: what a customer does at a till; not the back office's adjust and void, the sweeper's expire and
 * release, nor an enrollment) are taken in time order; the first opens a visit that lasts 90 minutes, the first one
 * after it opens the next. The clustering starts afresh at midnight: a visit whose 90 minutes cross midnight counts
 * once on each day it has transactions in (so a day never depends on the day before). A visit counts where its first
 * transaction was made. Whether the card is a gift or loyalty card is decided when reading (reward cards do not visit).
 */
public record ExploreDay(BrandId brand, LocalDate day, SortedMap<ExploreCell, Engagement> cells,
                         SortedMap<String, Sales> sales) {
    /** The length of a member visit. */
    public static final Duration VISIT = Duration.ofMinutes(90);
    /** SKUs kept per location and day; beyond them the quantities add up under {@link #OTHER_SKUS}. */
    public static final int MAX_SKUS = 500;
    public static final String OTHER_SKUS = "(other SKUs)";
    private static final Set<String> VISIT_TYPES = Set.of("issue", "redeem", "hold", "checkout");

    public ExploreDay {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(day, "day");
        cells = Collections.unmodifiableSortedMap(new TreeMap<>(cells));
        sales = Collections.unmodifiableSortedMap(new TreeMap<>(sales));
    }

    public static ExploreDay empty(BrandId brand, LocalDate day) {
        return new ExploreDay(brand, day, new TreeMap<>(), new TreeMap<>());
    }

    /** Folds the day's transactions in any order (pages of the activity log); each transaction id counts once. */
    public static final class Builder {
        private final BrandId brand;
        private final LocalDate day;
        private final int currencyScale;
        private final Set<String> seen = new HashSet<>();
        private final TreeMap<ExploreCell, Engagement> cells = new TreeMap<>();
        private final Map<String, List<Touch>> touches = new HashMap<>();
        private final Map<String, Sale> sales = new HashMap<>();

        /** {@code currencyScale}: the checkout currency's decimals, to keep checkout totals in minor units. */
        public Builder(BrandId brand, LocalDate day, int currencyScale) {
            this.brand = Objects.requireNonNull(brand, "brand");
            this.day = Objects.requireNonNull(day, "day");
            this.currencyScale = currencyScale;
        }

        public Builder add(BrandTransaction t) {
            String id = t.transactionId().isEmpty() ? t.event().id() : t.transactionId();
            if (!seen.add(id)) {
                return this;
            }
            Map<String, String> data = t.event().data();
            ExploreCell cell = new ExploreCell(t.location().map(l -> l.value()).orElse(""), t.program().orElse(""));
            Map<String, Long> changes = t.balanceChanges();
            boolean raised = changes.values().stream().anyMatch(v -> v > 0);
            boolean lowered = changes.values().stream().anyMatch(v -> v < 0);
            boolean commit = t.type().equals("checkout") && "COMMIT".equals(data.get("checkout.stage"));
            long spent = commit ? currencySpent(changes) : 0;
            long total = commit ? minor(data.getOrDefault("checkout.total", "0"), currencyScale) : 0;
            add(cell, new Engagement("1".equals(data.get("sequence")) ? 1 : 0, 0, 1,
                    raised && (t.type().equals("issue") || t.type().equals("checkout")) ? 1 : 0,
                    lowered && (t.type().equals("redeem") || t.type().equals("checkout")) ? 1 : 0,
                    spent > 0 ? total : 0, spent));
            if (VISIT_TYPES.contains(t.type())) {
                touches.computeIfAbsent(t.card().value(), c -> new ArrayList<>()).add(new Touch(t.at(), id, cell));
            }
            if (commit && data.containsKey("checkout.key")) {
                Sale sale = new Sale(id, cell.location(), total, skus(data));
                sales.merge(data.get("checkout.key"), sale, (a, b) -> a.id().compareTo(b.id()) <= 0 ? a : b);
            }
            return this;
        }

        private void add(ExploreCell cell, Engagement e) {
            cells.merge(cell, e, Engagement::plus);
        }

        public ExploreDay build() {
            for (List<Touch> card : touches.values()) {
                card.sort(Comparator.comparing(Touch::at).thenComparing(Touch::id));
                Instant ends = Instant.MIN;
                for (Touch touch : card) {
                    if (!touch.at().isBefore(ends)) {
                        ends = touch.at().plus(VISIT);
                        add(touch.cell(), new Engagement(0, 1, 0, 0, 0, 0, 0));
                    }
                }
            }
            TreeMap<String, Sales> byLocation = new TreeMap<>();
            for (Sale sale : sales.values()) {
                long items = sale.skus().values().stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
                byLocation.merge(sale.location(), new Sales(1, sale.total(), items, sale.skus()), Sales::plus);
            }
            byLocation.replaceAll((location, s) -> capped(s));
            return new ExploreDay(brand, day, cells, byLocation);
        }

        private static long currencySpent(Map<String, Long> changes) {
            long spent = 0;
            for (Map.Entry<String, Long> c : changes.entrySet()) {
                if (c.getKey().startsWith("Currency:") && c.getValue() < 0) {
                    spent = Math.subtractExact(spent, c.getValue());
                }
            }
            return spent;
        }

        private static SortedMap<String, Long> skus(Map<String, String> data) {
            TreeMap<String, Long> skus = new TreeMap<>();
            data.forEach((k, v) -> {
                if (k.startsWith("sku.")) {
                    skus.merge(k.substring("sku.".length()), minor(v, 3), Math::addExact);
                }
            });
            return skus;
        }

        /** The SKUs a day keeps: the {@link #MAX_SKUS} most bought (ties by name), the rest summed as one. */
        private static Sales capped(Sales s) {
            if (s.skusMilli().size() <= MAX_SKUS) {
                return s;
            }
            List<Map.Entry<String, Long>> ranked = new ArrayList<>(s.skusMilli().entrySet());
            ranked.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            TreeMap<String, Long> kept = new TreeMap<>();
            for (int i = 0; i < ranked.size(); i++) {
                String sku = i < MAX_SKUS - 1 ? ranked.get(i).getKey() : OTHER_SKUS;
                kept.merge(sku, ranked.get(i).getValue(), Math::addExact);
            }
            return new Sales(s.orders(), s.total(), s.itemsMilli(), kept);
        }

        private record Touch(Instant at, String id, ExploreCell cell) {
        }

        private record Sale(String id, String location, long total, SortedMap<String, Long> skus) {
        }
    }

    /** A decimal amount in units of {@code 10^-scale} (half-even beyond them: a till sends at most the currency's). */
    static long minor(String decimal, int scale) {
        return new BigDecimal(decimal).movePointRight(scale).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
