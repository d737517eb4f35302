package io.tally.domain.checkout;

import static io.tally.domain.fakes.CheckoutWorld.FREE_COFFEE;
import static io.tally.domain.fakes.CheckoutWorld.PUNCHES;
import static io.tally.domain.fakes.CheckoutWorld.SPRING;
import static io.tally.domain.fakes.CheckoutWorld.basket;
import static io.tally.domain.fakes.TestWorld.POINTS;
import static io.tally.domain.fakes.TestWorld.USD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.campaign.Campaign;
import io.tally.domain.campaign.CampaignId;
import io.tally.domain.card.CardNumber;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.fakes.CheckoutWorld;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.ledger.CheckoutFacts;
import io.tally.domain.ledger.EntryType;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CheckoutUseCaseTest {
    private final CheckoutWorld w = new CheckoutWorld();
    private final CardNumber card = w.world.activeCard();

    private static Reason reason(Outcome<?> o) {
        return ((Outcome.Rejected<?>) o).rejection().reason();
    }

    @Test
    void aSaleEarnsPointsAndPunchesInOneEntry() {
        var r = w.buy(card, basket("COFFEE-L", 2, "4.50", "MUFFIN", 1, "3.00")).value();
        assertEquals(12, w.balance(card, POINTS), "1 point per USD of 12.00");
        assertEquals(1, w.balance(card, PUNCHES));
        var head = w.world.ledger.head(w.world.BRAND, card).orElseThrow();
        assertEquals(EntryType.CHECKOUT, head.type());
        assertEquals(r.transactionId(), head.transactionId());
        assertEquals(1, head.stateAfter().checkouts().count());
        assertTrue(r.facts().explanations().stream().anyMatch(x -> x.campaign().equals("spring") && !x.fired()
                && x.failed().isPresent()), "the coupon campaign says why it did not fire");
    }

    @Test
    void theTenthCoffeeAwardsACouponAndResetsThePunches() {
        for (int i = 0; i < 20; i++) {
            w.coupon(FREE_COFFEE, "FREE" + (1000 + i));
        }
        for (int i = 0; i < 9; i++) {
            w.buy(card, basket("COFFEE-S", 1, "3.00")).value();
        }
        assertEquals(9, w.balance(card, PUNCHES));
        var tenth = w.buy(card, basket("COFFEE-S", 1, "3.00")).value();
        assertEquals(0, w.balance(card, PUNCHES));
        assertEquals(1, tenth.facts().couponsAwarded().size());
        Coupon awarded = w.stored(new CouponCode(tenth.facts().couponsAwarded().get(0))).orElseThrow();
        assertEquals(java.util.Set.of(card), awarded.cards());
        assertTrue(awarded.claim().isEmpty() && awarded.allocatedAt().isPresent());
        assertTrue(tenth.facts().messages().contains("Your next coffee is on us!"));
    }

    @Test
    void aCheckoutReturnsAndRecordsItsFirstTenMessagesAndExplanationsCutToEightyCharacters() {
        List<Campaign> campaigns = new ArrayList<>(CheckoutWorld.demoCampaigns());
        for (int i = 0; i < CheckoutFacts.MAX_MESSAGES + 2; i++) {
            campaigns.add(CheckoutWorld.campaign(String.format("say-%02d", i), 20 + i, List.of(),
                    List.of(new Campaign.Message("message " + i))));
        }
        Set<String> skus = new TreeSet<>();
        for (int i = 0; i < 20; i++) {
            skus.add(String.format("SKU-NEVER-SOLD-%02d", i));
        }
        campaigns.add(CheckoutWorld.campaign("long-why", 50, List.of(new Campaign.InBasket(new Campaign.Items(skus,
                Optional.empty()), BigDecimal.ONE)), List.of(new Campaign.Message("never"))));
        w.config = CheckoutWorld.demoConfig(campaigns);

        var r = w.buy(card, basket("MUFFIN", 1, "3.00")).value();

        assertEquals(CheckoutFacts.MAX_MESSAGES, r.facts().messages().size());
        assertEquals("message 0", r.facts().messages().get(0));
        assertEquals("message " + (CheckoutFacts.MAX_MESSAGES - 1), r.facts().messages().get(CheckoutFacts.MAX_MESSAGES - 1));
        String why = r.facts().explanations().stream().filter(x -> x.campaign().equals("long-why")).findFirst().orElseThrow()
                .failed().orElseThrow();
        assertEquals(CheckoutFacts.MAX_FAILED_LENGTH, why.length());
        assertTrue(why.startsWith("none of SKUs SKU-NEVER-SOLD-00, SKU-NEVER-SOLD-01") && why.endsWith("…"), why);
        assertEquals(r.facts(), w.world.ledger.head(w.world.BRAND, card).orElseThrow().posting().checkout().orElseThrow(),
                "what the checkout returns is what its entry records");
    }

    @Test
    void aCheckoutRecordsHowManyFiringsEachPerCardLimitedCampaignKeeps() {
        List<Campaign> campaigns = new ArrayList<>(CheckoutWorld.demoCampaigns());
        campaigns.add(limited("in-all", new Campaign.Limits(Optional.of(3), Optional.empty(), Optional.empty())));
        campaigns.add(limited("daily", new Campaign.Limits(Optional.of(50),
                Optional.of(new Campaign.PerPeriod(2, Duration.ofDays(1))), Optional.empty())));
        w.config = CheckoutWorld.demoConfig(campaigns);

        var first = w.buy(card, basket("MUFFIN", 1, "3.00")).value();
        w.buy(card, basket("MUFFIN", 1, "3.00")).value();
        w.buy(card, basket("MUFFIN", 1, "3.00")).value();

        assertEquals(List.of(new CheckoutFacts.PerCardFire("daily", 2), new CheckoutFacts.PerCardFire("in-all", 0)),
                first.facts().perCardFires());
        var stats = w.world.ledger.head(w.world.BRAND, card).orElseThrow().stateAfter().checkouts();
        assertEquals(3, stats.fires().get("in-all").total());
        assertTrue(stats.fires().get("in-all").recent().isEmpty());
        assertEquals(2, stats.fires().get("daily").total(), "the third fell on the per-day limit");
        assertEquals(2, stats.fires().get("daily").recent().size());
        var fourth = w.buy(card, basket("MUFFIN", 1, "3.00")).value();
        assertTrue(fourth.facts().explanations().stream().anyMatch(x -> x.campaign().equals("in-all")
                && x.failed().equals(Optional.of("limit of 3 per card reached"))), "decided from the total, no instant kept");
    }

    private static Campaign limited(String id, Campaign.Limits limits) {
        return new Campaign(TestWorld.BRAND, new CampaignId(id), id, true, Optional.empty(), Optional.empty(), 30, true,
                List.of(), List.of(new Campaign.Message(id)), limits);
    }

    @Test
    void aPresentedCouponIsUsedOnceAndGivesItsDiscount() {
        CouponCode spring = w.coupon(SPRING, "SPRING-0001");
        var r = w.buy(card, basket("MUFFIN", 2, "10.00"), spring).value();
        assertEquals(0, new BigDecimal("2.00").compareTo(r.facts().totalDiscount()));
        assertEquals(18, w.balance(card, POINTS), "points on the total after the discount");
        Coupon used = w.stored(spring).orElseThrow();
        assertEquals(Optional.of(r.transactionId()), used.used().orElseThrow().transactionId());
        assertEquals(Reason.COUPON_USED, reason(w.buy(card, basket("MUFFIN", 1, "10.00"), spring)));
        assertEquals(Reason.COUPON_NOT_FOUND, reason(w.buy(card, basket("MUFFIN", 1, "1.00"), new CouponCode("NOPE-0000"))));
    }

    @Test
    void voidingACheckoutTakesTheEarnedValueBackAndGivesTheCouponBack() {
        CouponCode spring = w.coupon(SPRING, "SPRING-0002");
        var r = w.buy(card, basket("COFFEE-S", 1, "10.00"), spring).value();
        assertEquals(9, w.balance(card, POINTS));
        var v = w.checkout.voidCardTransaction(voidOf(r.transactionId())).value();
        assertEquals(EntryType.VOID, v.entry().type());
        assertEquals(0, w.balance(card, POINTS));
        assertEquals(0, w.balance(card, PUNCHES));
        assertEquals(0, w.world.state(card).checkouts().count());
        assertTrue(w.stored(spring).orElseThrow().used().isEmpty(), "the coupon is usable again");
        assertEquals(Reason.ALREADY_VOIDED, reason(w.checkout.voidCardTransaction(voidOf(r.transactionId()))));
    }

    private io.tally.domain.ledger.VoidUseCase.VoidCommand voidOf(TransactionId id) {
        return new io.tally.domain.ledger.VoidUseCase.VoidCommand(w.world.context(), w.info(), Optional.of(card), id);
    }

    @Test
    void twoStageCheckoutHoldsThenCommitsExactlyOnce() {
        w.world.issue(card, 5_000);
        var setup = w.checkout.checkout(w.command(Optional.of(card), basket("MUFFIN", 1, "30.00"), List.of(),
                List.of(new CheckoutUseCase.Redemption(USD, new BigDecimal("30.00"))), true, Optional.empty(), w.info())).value();
        assertEquals(CheckoutFacts.Stage.SETUP, setup.facts().stage());
        assertEquals(5_000, w.world.balance(card));
        assertEquals(2_000, w.world.available(card));
        assertEquals(0, w.balance(card, POINTS), "nothing earned before the completion");
        var done = w.checkout.checkout(w.command(Optional.of(card), basket(), List.of(), List.of(), false,
                Optional.of(setup.transactionId()), w.info())).value();
        assertEquals(CheckoutFacts.Stage.COMMIT, done.facts().stage());
        assertEquals(2_000, w.world.balance(card));
        assertEquals(2_000, w.world.available(card));
        assertEquals(30, w.balance(card, POINTS));
        assertEquals(Reason.CHECKOUT_CLOSED, reason(w.checkout.checkout(w.command(Optional.of(card), basket(), List.of(), List.of(),
                false, Optional.of(setup.transactionId()), w.info()))));
    }

    @Test
    void aSetupNeverCompletedReleasesItsReservationsByItself() {
        w.world.issue(card, 5_000);
        CouponCode spring = w.coupon(SPRING, "SPRING-0003");
        var setup = w.checkout.checkout(w.command(Optional.of(card), basket("MUFFIN", 1, "30.00"), List.of(spring),
                List.of(new CheckoutUseCase.Redemption(USD, new BigDecimal("20.00"))), true, Optional.empty(), w.info())).value();
        assertEquals(3_000, w.world.available(card));
        assertTrue(w.stored(spring).orElseThrow().claim().isPresent());
        w.world.clock.advance(CheckoutUseCase.SETUP_LIFETIME.plus(Duration.ofSeconds(1)));
        assertEquals(5_000, w.world.queries.lookup(w.world.BRAND, card, Optional.empty()).value().state().balance(USD).available(),
                "the hold has lapsed as of its instant");
        assertEquals(Reason.CHECKOUT_CLOSED, reason(w.checkout.checkout(w.command(Optional.of(card), basket(), List.of(), List.of(),
                false, Optional.of(setup.transactionId()), w.info()))));
        var other = w.world.activeCard();
        var r = w.buy(other, basket("MUFFIN", 1, "10.00"), spring).value();
        assertEquals(Optional.of(r.transactionId()), w.stored(spring).orElseThrow().used().orElseThrow().transactionId(),
                "the lapsed reservation did not keep the coupon");
    }

    @Test
    void anonymousSalesAreRecordedAndLookedUp() {
        CouponCode spring = w.coupon(SPRING, "SPRING-0004");
        var r = w.checkout.checkout(w.command(Optional.empty(), basket("MUFFIN", 1, "10.00"), List.of(spring), List.of(), false,
                Optional.empty(), w.info())).value();
        assertEquals(CheckoutUseCase.ANONYMOUS_ID_LENGTH, r.transactionId().value().length());
        assertFalse(r.card().isPresent());
        assertTrue(w.stored(spring).orElseThrow().used().isPresent());
        var found = w.checkout.lookup(w.world.context(), r.transactionId()).value();
        assertEquals(r.facts(), found.facts());
        assertEquals(Reason.CHECKOUT_NOT_FOUND, reason(w.checkout.lookup(w.world.context(), new TransactionId("123"))));
    }

    @Test
    void aRetriedAnonymousVoidFinishesGivingTheCouponBack() {
        CouponCode spring = w.coupon(SPRING, "SPRING-0006");
        var r = w.checkout.checkout(w.command(Optional.empty(), basket("MUFFIN", 1, "10.00"), List.of(spring), List.of(), false,
                Optional.empty(), w.info())).value();
        // the first void committed (the record is marked) and died before giving the coupon back
        assertTrue(w.records.markVoided(w.world.BRAND, r.transactionId(), w.world.clock.instant()));
        assertTrue(w.stored(spring).orElseThrow().used().isPresent());
        assertEquals(Reason.ALREADY_VOIDED, reason(w.checkout.voidAnonymous(w.world.context(), r.transactionId())));
        assertTrue(w.stored(spring).orElseThrow().used().isEmpty(), "the retry finished the give-back");
    }

    @Test
    void aRepeatedRequestIdAnswersTheSameCheckout() {
        var info = w.info().withCustomRequestId("till-7-sale-1");
        var cmd = w.command(Optional.of(card), basket("MUFFIN", 1, "10.00"), List.of(), List.of(), false, Optional.empty(), info);
        var first = w.checkout.checkout(cmd).value();
        var again = w.checkout.checkout(cmd).value();
        assertEquals(first.transactionId(), again.transactionId());
        assertTrue(again.replayed());
        assertEquals(10, w.balance(card, POINTS));
    }

    @Test
    void aRefusedCheckoutReleasesTheCouponsItClaimed() {
        CouponCode spring = w.coupon(SPRING, "SPRING-0005");
        var r = w.checkout.checkout(w.command(Optional.of(card), basket("MUFFIN", 1, "10.00"), List.of(spring),
                List.of(new CheckoutUseCase.Redemption(USD, new BigDecimal("99.00"))), false, Optional.empty(), w.info()));
        assertEquals(Reason.INSUFFICIENT_FUNDS, reason(r));
        Coupon c = w.stored(spring).orElseThrow();
        assertTrue(c.claim().isEmpty() && c.used().isEmpty());
    }
}
