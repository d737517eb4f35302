package io.tally.domain.coupon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tally.domain.card.CardNumber;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.shared.Reason;
import io.tally.domain.shared.Rejection;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CouponRulesTest {
    private static final BrandId BRAND = new BrandId("ACME");
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final CardNumber CARD = card("60361111111111111");
    private static final CardNumber OTHER = card("60362222222222222");

    private static CardNumber card(String payload) {
        return new CardNumber(payload + CardNumber.luhnCheckDigit(payload));
    }

    private static Coupon coupon(Set<CardNumber> cards, Optional<Instant> from, Optional<Instant> to) {
        return Coupon.fresh(BRAND, new CouponCode("SAVE-0001"), new CouponSetId("spring"), cards, Set.of(), from, to);
    }

    private static Optional<Reason> check(Coupon c, Optional<CardNumber> card, Instant now) {
        return CouponRules.check(c, card, now).map(Rejection::reason);
    }

    private static Coupon used(Coupon c) {
        return c.with(c.cards(), c.tags(), c.allocatedAt(),
                Optional.of(new Coupon.Usage(NOW, Optional.of(new TransactionId("123")), Optional.of(CARD))), Optional.empty());
    }

    @Test
    void an_unrestricted_coupon_in_its_window_may_be_used_with_or_without_a_card() {
        Coupon c = coupon(Set.of(), Optional.of(NOW.minusSeconds(1)), Optional.of(NOW.plusSeconds(1)));
        assertEquals(Optional.empty(), check(c, Optional.of(CARD), NOW));
        assertEquals(Optional.empty(), check(c, Optional.empty(), NOW));
    }

    @Test
    void the_window_includes_valid_from_and_excludes_valid_to() {
        Coupon c = coupon(Set.of(), Optional.of(NOW), Optional.of(NOW.plus(Duration.ofDays(1))));
        assertEquals(Optional.empty(), check(c, Optional.empty(), NOW));
        assertEquals(Optional.of(Reason.COUPON_EXPIRED), check(c, Optional.empty(), NOW.minusMillis(1)));
        assertEquals(Optional.of(Reason.COUPON_EXPIRED), check(c, Optional.empty(), NOW.plus(Duration.ofDays(1))));
    }

    @Test
    void a_restricted_coupon_needs_one_of_its_cards() {
        Coupon c = coupon(Set.of(CARD), Optional.empty(), Optional.empty());
        assertEquals(Optional.empty(), check(c, Optional.of(CARD), NOW));
        assertEquals(Optional.of(Reason.COUPON_OTHER_CARD), check(c, Optional.of(OTHER), NOW));
        assertEquals(Optional.of(Reason.COUPON_OTHER_CARD), check(c, Optional.empty(), NOW));
    }

    @Test
    void used_comes_before_expired_which_comes_before_other_card() {
        Coupon expiredElsewhere = coupon(Set.of(OTHER), Optional.empty(), Optional.of(NOW.minusSeconds(60)));
        assertEquals(Optional.of(Reason.COUPON_USED), check(used(expiredElsewhere), Optional.of(CARD), NOW));
        assertEquals(Optional.of(Reason.COUPON_EXPIRED), check(expiredElsewhere, Optional.of(CARD), NOW));
    }
}
