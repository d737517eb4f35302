package io.tally.domain.campaign;

import io.tally.domain.coupon.CouponCode;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The state of one evaluation as campaigns fire one after the other: the card's balances as projected by the results
 * so far, the changes, discounts, coupons and messages collected. Each campaign's conditions see it as the campaigns
 * before it left it. Used by one thread, for one call of {@link CampaignEngine#evaluate}.
 */
final class Progress {
    final CheckoutConfig config;
    final Situation situation;
    final int currencyScale;
    private final Map<ValueTypeKey, Long> projected = new HashMap<>();
    final Map<ValueTypeKey, Long> changes = new LinkedHashMap<>();
    final List<Evaluation.Discount> discounts = new ArrayList<>();
    BigDecimal discounted = BigDecimal.ZERO;
    final List<Evaluation.RewardCoupon> rewardCoupons = new ArrayList<>();
    final Set<CouponCode> couponsToUse = new LinkedHashSet<>();
    final List<String> messages = new ArrayList<>();

    Progress(CheckoutConfig config, Situation situation) {
        this.config = config;
        this.situation = situation;
        this.currencyScale = config.currency().defaultScale();
        situation.card().ifPresent(c -> projected.putAll(c.balances()));
    }

    Optional<CardFacts> card() {
        return situation.card();
    }

    /** The card program's value type of this key, if the card has one. */
    Optional<ValueType> valueType(ValueTypeKey key) {
        return card().map(c -> c.valueTypes().get(key));
    }

    long balance(ValueTypeKey key) {
        return projected.getOrDefault(key, 0L);
    }

    /** Applies a change to the projection and adds it to the value type's sum (in the order value types were named). */
    void change(ValueTypeKey key, long minor) {
        if (minor == 0) {
            return;
        }
        projected.put(key, Math.addExact(balance(key), minor));
        changes.merge(key, minor, Math::addExact);
    }

    /** The checkout total less the discounts given so far; never negative. */
    BigDecimal remaining() {
        return situation.basket().checkoutTotal().subtract(discounted).max(BigDecimal.ZERO);
    }

    /** The amount and quantity of the basket's lines matching the items, with their SKUs in line order. */
    Matched matched(Campaign.Items items) {
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal quantity = BigDecimal.ZERO;
        Set<String> skus = new LinkedHashSet<>();
        for (Basket.Line line : situation.basket().lines()) {
            if (items.matches(line.sku(), config)) {
                amount = amount.add(line.amount());
                quantity = quantity.add(line.quantity());
                skus.add(line.sku());
            }
        }
        return new Matched(amount, quantity, List.copyOf(skus));
    }

    /** A checkout amount as the till shows it, in the currency's scale. */
    String money(BigDecimal amount) {
        return amount.setScale(currencyScale, RoundingMode.HALF_UP).toPlainString();
    }

    record Matched(BigDecimal amount, BigDecimal quantity, List<String> skus) {
    }
}
