package io.tally.domain.coupon;

import io.tally.domain.card.CardNumber;
import io.tally.domain.shared.Reason;
import io.tally.domain.shared.Rejection;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a coupon may be used now by the card presenting it: the rules both checkout and the merchant API apply.
 * A claim by a checkout in progress (COUPON_IN_USE) is not decided here: it depends on who asks, so the caller
 * checks {@link Coupon#claimedAt} itself.
 */
public final class CouponRules {
    private CouponRules() {
    }

    /**
     * The first rule the coupon breaks, in this order: used (COUPON_USED), outside its validity window
     * {@code [validFrom, validTo)} (COUPON_EXPIRED), restricted to cards and {@code card} is none of them or absent
     * (COUPON_OTHER_CARD); empty when it may be used. The order matters to the caller: a used coupon says "used" even
     * when it has also expired since, which is the more useful answer at the till.
     *
     * @param card the card presenting the coupon; empty for an anonymous checkout
     */
    public static Optional<Rejection> check(Coupon coupon, Optional<CardNumber> card, Instant now) {
        if (coupon.used().isPresent()) {
            return Optional.of(Rejection.of(Reason.COUPON_USED, "coupon " + coupon.code() + " has already been used"));
        }
        if (coupon.validFrom().map(now::isBefore).orElse(false) || coupon.validTo().map(t -> !now.isBefore(t)).orElse(false)) {
            return Optional.of(Rejection.of(Reason.COUPON_EXPIRED, "coupon " + coupon.code() + " is not valid at this time"));
        }
        if (!coupon.cards().isEmpty() && !card.map(coupon.cards()::contains).orElse(false)) {
            return Optional.of(Rejection.of(Reason.COUPON_OTHER_CARD, "coupon " + coupon.code() + " is restricted to another card"));
        }
        return Optional.empty();
    }
}
