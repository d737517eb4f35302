package io.tally.domain.campaign;

import io.tally.domain.coupon.CouponCode;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.program.ValueTypeKey;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the campaigns make of one checkout ({@link CampaignEngine#evaluate}): pure, nothing changed yet.
 *
 * @param balanceChanges net change per value type of the card, in minor units (positive: issued; negative: taken, e.g. a
 *                       punch card's reset), in the order results named them; empty for an anonymous sale
 * @param discounts      each discount a campaign gave, in the checkout currency
 * @param totalDiscount  the sum of {@code discounts}, never more than the basket
 * @param rewardCoupons  coupons to allocate to the card, one per entry (a set may appear more than once)
 * @param couponsToUse   presented coupons a fired campaign marks used
 * @param messages       for the till, in campaign order
 * @param explanations   one per campaign considered, in evaluation order: fired, or the first condition that failed
 */
public record Evaluation(Map<ValueTypeKey, Long> balanceChanges, List<Discount> discounts, BigDecimal totalDiscount,
                         List<RewardCoupon> rewardCoupons, List<CouponCode> couponsToUse, List<String> messages,
                         List<Explanation> explanations) {
    public Evaluation {
        balanceChanges = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(balanceChanges));
        discounts = List.copyOf(discounts);
        Objects.requireNonNull(totalDiscount, "totalDiscount");
        rewardCoupons = List.copyOf(rewardCoupons);
        couponsToUse = List.copyOf(couponsToUse);
        messages = List.copyOf(messages);
        explanations = List.copyOf(explanations);
    }

    public List<CampaignId> fired() {
        return explanations.stream().filter(Explanation::fired).map(Explanation::campaign).toList();
    }

    /** A discount given by a campaign; {@code skus} the lines it applied to (empty: the basket). */
    public record Discount(CampaignId campaign, BigDecimal amount, List<String> skus) {
        public Discount {
            Objects.requireNonNull(campaign, "campaign");
            Objects.requireNonNull(amount, "amount");
            skus = List.copyOf(skus);
        }
    }

    public record RewardCoupon(CampaignId campaign, CouponSetId set) {
        public RewardCoupon {
            Objects.requireNonNull(campaign, "campaign");
            Objects.requireNonNull(set, "set");
        }
    }

    /** Whether a campaign fired, and if not, the first condition that failed, in words support can read out. */
    public record Explanation(CampaignId campaign, boolean fired, Optional<String> failed) {
        public Explanation {
            Objects.requireNonNull(campaign, "campaign");
            Objects.requireNonNull(failed, "failed");
        }
    }
}
