package io.tally.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The reference model alone, on the spec's own examples (docs/API.md, "Money over time"): if the model got these
 * wrong, every comparison with the code would be worthless. No production code takes part.
 */
class LedgerModelTest {
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant T = START.plus(Duration.ofDays(1));

    private final CardModel card = new CardModel(START);

    @Test
    void the_worked_example_captured_spends_the_kept_value() {
        heldInFullUntilAfterItExpires();
        assertEquals(5_000, card.kept(T), "at T the hold needs all of it: kept");
        card.issue(T.plus(hours(1)), "30", 3_000, Optional.empty(), false);
        assertEquals(3_000, card.balanceAt(T.plus(hours(1))).available());

        assertTrue(card.capture(T.plus(hours(3)), "cap", "hold", 5_000, false, false).isAccepted());

        ModelBalance after = card.balanceAt(T.plus(hours(3)));
        assertEquals(3_000, after.total());
        assertEquals(3_000, after.available());
        assertEquals(Map.of(), card.expiredUntil(T.plus(hours(3))), "nothing expired: the capture spent it");
    }

    @Test
    void the_worked_example_released_expires_the_kept_value_at_the_release() {
        heldInFullUntilAfterItExpires();
        card.issue(T.plus(hours(1)), "30", 3_000, Optional.empty(), false);

        assertTrue(card.release(T.plus(hours(3)), "rel", "hold").isAccepted());

        assertEquals(3_000, card.balanceAt(T.plus(hours(3))).total());
        assertEquals(Map.of(T.plus(hours(3)), 5_000L), card.expiredUntil(T.plus(hours(3))), "dated at the release");
    }

    @Test
    void value_is_expired_at_its_expiry_instant_itself() {
        card.issue(START, "a", 100, Optional.of(T), false);

        assertEquals(Refusal.INSUFFICIENT_FUNDS, card.redeem(T, "r", 1, false).refusal().orElseThrow());
        assertEquals(Map.of(T, 100L), card.expiredUntil(T));
        assertEquals(Refusal.INVALID_REQUEST, card.issue(T, "b", 1, Optional.of(T), false).refusal().orElseThrow(),
                "an expiry at now is not in the future");
    }

    @Test
    void at_one_instant_lapses_come_before_expiry_and_the_kept_part_is_last_in_spending_order() {
        card.issue(START, "a", 100, Optional.of(T), false);
        card.issue(START, "b", 50, Optional.of(T.plus(hours(1))), true);
        card.hold(START, "h1", 100, Optional.of(T.plus(hours(5))), false);
        card.hold(START, "h2", 50, Optional.of(T.plus(hours(1))), false);
        assertEquals(100, card.kept(T), "at T both holds need a's 100 beyond b's 50");

        ModelBalance at = card.balanceAt(T.plus(hours(1)));

        assertEquals(Map.of(T.plus(hours(1)), 50L), card.lapsedUntil(T.plus(hours(1))));
        assertEquals(Map.of(T.plus(hours(1)), 50L), card.expiredUntil(T.plus(hours(1))),
                "h2 lapsed first, so b's store credit was not needed and expired");
        assertEquals(100, at.total());
        assertEquals(0, at.storeCredit(), "had b expired before h2 lapsed, b would be kept and a's first 50 gone");
        assertEquals(0, at.available());
    }

    @Test
    void holds_are_covered_by_unexpired_value_first() {
        card.issue(START, "a", 100, Optional.of(T), false);
        card.issue(START, "b", 70, Optional.empty(), false);
        card.hold(START, "h", 90, Optional.of(T.plus(hours(5))), false);

        ModelBalance at = card.balanceAt(T);

        assertEquals(20, card.kept(T), "b covers 70 of the hold, a keeps only the 20 it still needs");
        assertEquals(Map.of(T, 80L), card.expiredUntil(T));
        assertEquals(90, at.total());
        assertEquals(0, at.available());
    }

    @Test
    void value_issued_later_does_not_free_kept_value() {
        heldInFullUntilAfterItExpires();
        card.issue(T.plus(hours(1)), "30", 3_000, Optional.empty(), false);

        assertEquals(5_000, card.kept(T.plus(hours(2))));
        assertEquals(Map.of(), card.expiredUntil(T.plus(hours(2))));
    }

    @Test
    void a_lapsed_hold_is_closed_at_its_instant_and_frees_what_it_reserved() {
        card.issue(START, "a", 100, Optional.empty(), false);
        card.hold(START, "h", 60, Optional.of(T), false);

        assertEquals(Refusal.HOLD_CLOSED, card.capture(T, "c", "h", 10, false, false).refusal().orElseThrow());
        assertEquals(Refusal.HOLD_CLOSED, card.release(T, "r", "h").refusal().orElseThrow());
        assertEquals(100, card.balanceAt(T).available());
        assertEquals(Map.of(T, 60L), card.lapsedUntil(T));
    }

    @Test
    void a_lapse_releases_kept_value_which_expires_at_the_lapse() {
        card.issue(START, "a", 100, Optional.of(T), false);
        card.hold(START, "h", 40, Optional.of(T.plus(hours(2))), false);

        assertEquals(40, card.kept(T));
        card.balanceAt(T.plus(hours(2)));

        assertEquals(Map.of(T, 60L, T.plus(hours(2)), 40L), card.expiredUntil(T.plus(hours(2))));
        assertEquals(Map.of(T.plus(hours(2)), 40L), card.lapsedUntil(T.plus(hours(2))));
    }

    @Test
    void a_voided_redemption_of_value_expired_meanwhile_comes_back_expired() {
        card.issue(START, "a", 100, Optional.of(T), false);
        card.redeem(START, "r", 40, false);

        assertTrue(card.voidTransaction(T.plus(hours(1)), "v", "r").isAccepted());

        assertEquals(Map.of(T, 60L, T.plus(hours(1)), 40L), card.expiredUntil(T.plus(hours(1))),
                "no hold needs it: it expires at the void's instant");
        assertEquals(0, card.balanceAt(T.plus(hours(1))).total());
    }

    @Test
    void a_voided_redemption_of_expired_value_is_kept_while_holds_reserve_as_much() {
        card.issue(START, "a", 100, Optional.of(T), false);
        card.issue(START, "b", 50, Optional.empty(), false);
        card.hold(START, "h", 120, Optional.of(T.plus(Duration.ofDays(5))), false);
        card.redeem(START, "r", 30, false);
        assertEquals(70, card.kept(T), "b covers 50 of the hold, a's 70 are all needed");

        card.voidTransaction(T.plus(hours(1)), "v", "r");

        assertEquals(100, card.kept(T.plus(hours(1))), "the 30 came back kept: the hold still reserves 120");
        assertEquals(30, card.balanceAt(T.plus(hours(1))).available());
        card.release(T.plus(hours(2)), "rel", "h");
        assertEquals(Map.of(T.plus(hours(2)), 100L), card.expiredUntil(T.plus(hours(2))));
        assertEquals(50, card.balanceAt(T.plus(hours(2))).total());
    }

    @Test
    void the_void_of_a_capture_gives_the_value_back_to_the_balance_not_the_hold() {
        heldInFullUntilAfterItExpires();
        card.capture(T.plus(hours(1)), "cap", "hold", 2_000, false, false);

        card.voidTransaction(T.plus(hours(2)), "v", "cap");

        assertEquals(3_000, card.balanceAt(T.plus(hours(2))).held());
        assertEquals(Map.of(T.plus(hours(2)), 2_000L), card.expiredUntil(T.plus(hours(2))),
                "the kept 2,000 came back beyond what the hold reserves");
    }

    @Test
    void an_issuance_is_voidable_only_before_its_expiry_and_while_intact_and_not_needed_by_holds() {
        card.issue(START, "a", 100, Optional.of(T), false);
        card.issue(START, "b", 100, Optional.empty(), false);
        card.hold(START, "h", 150, Optional.of(T.minus(hours(1))), false);

        assertEquals(Refusal.NOT_VOIDABLE, card.voidTransaction(START, "v1", "b").refusal().orElseThrow(), "holds");
        assertTrue(card.voidTransaction(T.minus(hours(1)), "v2", "b").isAccepted(), "the hold lapsed");
        assertEquals(Refusal.ALREADY_VOIDED, card.voidTransaction(T, "v3", "b").refusal().orElseThrow());
        assertEquals(Refusal.NOT_VOIDABLE, card.voidTransaction(T, "v4", "a").refusal().orElseThrow(), "expired");
        assertEquals(Refusal.NOT_VOIDABLE, card.voidTransaction(T, "v5", "h").refusal().orElseThrow(), "a hold");
        assertEquals(Refusal.TRANSACTION_NOT_FOUND, card.voidTransaction(T, "v6", "42").refusal().orElseThrow());
    }

    @Test
    void a_capture_beyond_the_hold_is_refused_or_capped_at_the_hold() {
        card.issue(START, "a", 1_000, Optional.empty(), false);
        card.hold(START, "h", 400, Optional.empty(), false);

        assertEquals(Refusal.INSUFFICIENT_FUNDS, card.capture(START, "c1", "h", 500, false, false).refusal().orElseThrow());
        Answer capped = card.capture(START, "c2", "h", 500, false, true);

        assertEquals(Answer.overdrawn(100), capped);
        assertEquals(600, card.balanceAt(START).total());
        assertEquals(Refusal.HOLD_CLOSED, card.capture(START, "c3", "h", 1, false, false).refusal().orElseThrow(), "used up");
    }

    /** The spec's example: 50.00 expiring at T, held in full by a hold lapsing at T + 10 days. */
    private void heldInFullUntilAfterItExpires() {
        card.issue(START, "50", 5_000, Optional.of(T), false);
        card.hold(START, "hold", 5_000, Optional.of(T.plus(Duration.ofDays(10))), false);
    }

    private static Duration hours(int n) {
        return Duration.ofHours(n);
    }
}
