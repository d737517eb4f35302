package io.tally.domain.segment;

import io.tally.domain.card.Card;
import io.tally.domain.coupon.CouponPort;
import io.tally.domain.coupon.CouponRules;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The rewards a card can use at a moment (now for the live count, the run's fixed instant for an evaluation), for the "rewards and balances" filter without a value type: the coupons restricted
 * to the card (allocated to it by a campaign or the API, or loaded for it) that the till would accept from it at this
 * moment ({@link CouponRules#check}: not used, inside their validity window). A coupon a checkout in progress has
 * claimed still counts (the claim may lapse). Value balances (points, punches, gift value) are the filter's other
 * half, per value type. {@link CouponPort#ofCard} reads at most {@link CouponPort#MAX_RESULTS} coupons of a card (the
 * first by code, used ones included), so a card with more than 100 coupons counts only those among them.
 */
public final class AvailableRewards implements BiFunction<Card, Instant, Long> {
    private final CouponPort coupons;

    public AvailableRewards(CouponPort coupons) {
        this.coupons = coupons;
    }

    /** The coupons of {@code card} usable at {@code at} (the facts' moment: now, or an evaluation's fixed instant). */
    @Override
    public Long apply(Card card, Instant at) {
        return coupons.ofCard(card.brand(), card.number()).stream()
                .filter(c -> CouponRules.check(c, Optional.of(card.number()), at).isEmpty()).count();
    }
}
