package io.tally.lambda.merchant;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.card.CardNumber;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.ledger.TransactionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A coupon on the wire: {@code couponCode, couponSetId, cardNumbers[], tags[], isUsed, usedAt, usedTransactionId,
 * validFrom, validTo, allocatedAt}; absent times and ids are {@code null}, times in {@link WireTime}'s format. A
 * checkout's claim is internal and never shown.
 */
final class CouponJson {
    private CouponJson() {
    }

    static ObjectNode put(ObjectNode n, Coupon c) {
        n.put("couponCode", c.code().value());
        n.put("couponSetId", c.set().value());
        ArrayNode cards = n.putArray("cardNumbers");
        c.cards().stream().map(CardNumber::value).forEach(cards::add);
        ArrayNode tags = n.putArray("tags");
        c.tags().forEach(tags::add);
        n.put("isUsed", c.used().isPresent());
        n.put("usedAt", time(c.used().map(Coupon.Usage::at)));
        n.put("usedTransactionId", c.used().flatMap(Coupon.Usage::transactionId).map(TransactionId::value).orElse(null));
        n.put("validFrom", time(c.validFrom()));
        n.put("validTo", time(c.validTo()));
        n.put("allocatedAt", time(c.allocatedAt()));
        return n;
    }

    static void putAll(ArrayNode list, List<Coupon> coupons) {
        coupons.forEach(c -> put(list.addObject(), c));
    }

    private static String time(Optional<Instant> t) {
        return t.map(WireTime::format).orElse(null);
    }
}
