package io.tally.domain.campaign;

import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A brand-defined rule: when every condition holds at a checkout, its results apply. Evaluated in priority order
 * (lower first, then by id) by {@link CampaignEngine}. SKELETON: conditions and results are filled in by the campaign
 * engine's work.
 */
public record Campaign(BrandId brand, CampaignId id, String name, boolean enabled, Optional<Instant> validFrom,
                       Optional<Instant> validTo, int priority, boolean stackable, List<Condition> conditions,
                       List<Result> results, Limits limits) {
    public Campaign {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id.value() : name;
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        conditions = List.copyOf(conditions);
        results = List.copyOf(results);
        Objects.requireNonNull(limits, "limits");
    }

    /** A condition of a campaign (SKELETON: the engine's work defines the kinds). */
    public interface Condition {
    }

    /** A result of a campaign (SKELETON: the engine's work defines the kinds). */
    public interface Result {
    }

    /**
     * How often a campaign may fire: per card in all, per card within a rolling period, in total across the brand.
     */
    public record Limits(Optional<Integer> perCard, Optional<PerPeriod> perCardPerPeriod, Optional<Long> total) {
        public static final Limits NONE = new Limits(Optional.empty(), Optional.empty(), Optional.empty());

        public Limits {
            Objects.requireNonNull(perCard, "perCard");
            Objects.requireNonNull(perCardPerPeriod, "perCardPerPeriod");
            Objects.requireNonNull(total, "total");
        }

        /** Whether the card's fire history must be kept for this campaign. */
        public boolean perCardLimited() {
            return perCard.isPresent() || perCardPerPeriod.isPresent();
        }
    }

    public record PerPeriod(int times, Duration period) {
        public PerPeriod {
            Objects.requireNonNull(period, "period");
            if (times < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a per-period limit is at least once in a positive period");
            }
        }
    }
}
