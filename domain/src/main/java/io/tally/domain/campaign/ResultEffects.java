package io.tally.domain.campaign;

import io.tally.domain.campaign.Campaign.AddToBalance;
import io.tally.domain.campaign.Campaign.AllocateCoupon;
import io.tally.domain.campaign.Campaign.Discount;
import io.tally.domain.campaign.Campaign.Earn;
import io.tally.domain.campaign.Campaign.Message;
import io.tally.domain.campaign.Campaign.Result;
import io.tally.domain.campaign.Campaign.UseCoupon;
import io.tally.domain.program.ValueType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/** Applies the results of a campaign that fired to the evaluation's {@link Progress}. */
final class ResultEffects {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ResultEffects() {
    }

    /**
     * Why the results cannot apply to this checkout (checked before any applies, so a campaign fires whole or not at
     * all): a card is needed, or the card's program lacks a value type a result changes.
     */
    static Optional<String> failure(Campaign campaign, Progress p) {
        for (Result r : campaign.results()) {
            if (r.needsCard() && p.card().isEmpty()) {
                return Optional.of(ConditionCheck.NEEDS_CARD);
            }
            var key = r instanceof Earn e ? e.valueType() : r instanceof AddToBalance a ? a.valueType() : null;
            if (key != null && p.valueType(key).isEmpty()) {
                return Optional.of(ConditionCheck.noBalance(key));
            }
        }
        return Optional.empty();
    }

    static void apply(Campaign campaign, Progress p) {
        for (Result r : campaign.results()) {
            if (r instanceof Discount d) {
                discount(campaign.id(), d, p);
            } else if (r instanceof Earn e) {
                earn(e, p);
            } else if (r instanceof AddToBalance a) {
                add(a, p);
            } else if (r instanceof AllocateCoupon a) {
                p.rewardCoupons.add(new Evaluation.RewardCoupon(campaign.id(), a.set()));
            } else if (r instanceof UseCoupon u) {
                p.situation.coupons().stream()
                        .filter(c -> c.set().equals(u.set()) && !p.couponsToUse.contains(c.code()))
                        .findFirst().ifPresent(c -> p.couponsToUse.add(c.code()));
            } else if (r instanceof Message m) {
                p.messages.add(m.text());
            } else if (r instanceof Campaign.Award) {
                throw new IllegalStateException("an award is an event campaign's, never a checkout's: " + campaign.id());
            } else {
                throw new IllegalStateException("no effect for result " + r);
            }
        }
    }

    /** Amount or percentage of what it applies to, rounded HALF_UP to the currency's scale, capped at that base. */
    private static void discount(CampaignId campaign, Discount d, Progress p) {
        BigDecimal base = p.remaining();
        List<String> skus = List.of();
        if (d.on().isPresent()) {
            Progress.Matched m = p.matched(d.on().get());
            base = base.min(m.amount());
            skus = m.skus();
        }
        BigDecimal amount = d.percent() ? base.multiply(d.value()).divide(HUNDRED) : d.value();
        amount = amount.setScale(p.currencyScale, RoundingMode.HALF_UP).min(base.setScale(p.currencyScale, RoundingMode.DOWN));
        if (amount.signum() > 0) {
            p.discounts.add(new Evaluation.Discount(campaign, amount, skus));
            p.discounted = p.discounted.add(amount);
        }
    }

    /** Spent × rate × multiplier in the value type's unit, floored to its minor units. */
    private static void earn(Earn e, Progress p) {
        BigDecimal spent = p.remaining();
        if (e.on().isPresent()) {
            spent = spent.min(p.matched(e.on().get()).amount());
        }
        ValueType type = p.valueType(e.valueType()).orElseThrow();
        BigDecimal units = spent.multiply(e.rate()).multiply(e.multiplier());
        p.change(e.valueType(), units.movePointRight(type.scale()).setScale(0, RoundingMode.FLOOR).longValueExact());
    }

    /** Adds (or takes, limited to the projected balance) the amount, truncated to the value type's minor units. */
    private static void add(AddToBalance a, Progress p) {
        ValueType type = p.valueType(a.valueType()).orElseThrow();
        long minor = a.amount().movePointRight(type.scale()).setScale(0, RoundingMode.DOWN).longValueExact();
        p.change(a.valueType(), Math.max(minor, -p.balance(a.valueType())));
    }
}
