package io.tally.domain.segment;

import io.tally.domain.card.Card;
import io.tally.domain.coupon.CouponPort;
import io.tally.domain.coupon.CouponRules;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rewards a card can use now, for the "rewards and balances" filter without a value type: the coupons restricted
 * to the card (allocated to it by a campaign or the API, or loaded for it) that the till would accept from it at this
 * moment ({@link CouponRules#check}: not used, inside their validity window). A coupon a checkout in progress has
 * claimed still counts (the claim may lapse). Value balances (points, punches, gift value) are the filter's other
 * half, per value type. {@link CouponPort#ofCard} reads at most {@link CouponPort#MAX_RESULTS} coupons of a card (the
 * first by code, used ones included), so a card with more than 100 coupons counts only those among them.
 */
public final class AvailableRewards implements Function<Card, Long> {
    private final CouponPort coupons;
    private final Clock clock;

    public AvailableRewards(CouponPort coupons, Clock clock) {
        this.coupons = coupons;
        this.clock = clock;
    }

    @Override
    public Long apply(Card card) {
        Instant now = clock.instant();
        return coupons.ofCard(card.brand(), card.number()).stream()
                .filter(c -> CouponRules.check(c, Optional.of(card.number()), now).isEmpty()).count();
    }
}
