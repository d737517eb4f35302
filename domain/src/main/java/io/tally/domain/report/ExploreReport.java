package io.tally.domain.report;

import io.tally.domain.program.ProgramKind;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Explore Data over a period as one staff member may see it (their locations): the daily series, the period's totals,
 * the program activity overviews and the commerce overview. Amounts in minor units: {@code currency} (the brand's
 * checkout currency, the gift figures' value type) with {@code currencyScale} decimals, points with {@code pointsScale}.
 * Every figure is defined in docs/ARCHITECTURE.md ("Explore Data: the metrics").
 */
public record ExploreReport(LocalDate from, LocalDate to, List<LocalDate> days, String currency, int currencyScale,
                            int pointsScale, Map<Series, List<Long>> series, Totals totals, List<ProgramRow> programs,
                            Commerce commerce) {
    public ExploreReport {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        days = List.copyOf(days);
        Objects.requireNonNull(currency, "currency");
        EnumMap<Series, List<Long>> copy = new EnumMap<>(Series.class);
        series.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        for (Series s : Series.values()) {
            if (copy.getOrDefault(s, List.of()).size() != days.size()) {
                throw new IllegalArgumentException("series " + s + " has not one figure per day");
            }
        }
        series = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(totals, "totals");
        programs = List.copyOf(programs);
        Objects.requireNonNull(commerce, "commerce");
    }

    /** The daily series, each charted; the unit says how to read its figures. */
    public enum Series {
        GIFT_ISSUED(Unit.CURRENCY), GIFT_REDEEMED(Unit.CURRENCY), POINTS_ISSUED(Unit.POINTS),
        POINTS_REDEEMED(Unit.POINTS), NEW_GIFT_CARDS(Unit.COUNT), NEW_LOYALTY_CARDS(Unit.COUNT),
        MEMBER_VISITS(Unit.COUNT);

        private final Unit unit;

        Series(Unit unit) {
            this.unit = unit;
        }

        public Unit unit() {
            return unit;
        }
    }

    public enum Unit {
        CURRENCY, POINTS, COUNT
    }

    /**
     * The period's totals. Lift: checkout totals minus the gift value spent in them ({@code liftSales} minus
     * {@code liftRedeemed}, the checkouts that spent gift value).
     */
    public record Totals(long newGiftCards, long newLoyaltyCards, long memberVisits, long giftSold, long giftRedeemed,
                         long liftSales, long liftRedeemed, long pointsIssued, long pointsRedeemed, long rewardsIssued,
                         long rewardRedemptions) {
        public long lift() {
            return Math.subtractExact(liftSales, liftRedeemed);
        }
    }

    /**
     * One program's activity: gift programs in the checkout currency, loyalty programs in points, reward programs in
     * rewards (entries that issued or redeemed).
     */
    public record ProgramRow(String program, String name, ProgramKind kind, long newCards, long issued, long redeemed,
                             long lift, long transactions) {
    }

    /** The committed checkouts: how many, their total, the quantity bought (thousandths) and the most bought SKUs. */
    public record Commerce(long orders, long total, long itemsMilli, List<Sku> topSkus) {
        public Commerce {
            topSkus = List.copyOf(topSkus);
        }
    }

    public record Sku(String sku, long quantityMilli) {
    }
}
