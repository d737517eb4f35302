package io.tally.domain.communication;

import static io.tally.domain.fakes.CheckoutWorld.SPRING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.campaign.Basket;
import io.tally.domain.campaign.CheckoutConfig;
import io.tally.domain.card.CardNumber;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.fakes.CheckoutWorld;
import io.tally.domain.fakes.InMemoryCardMailings;
import io.tally.domain.fakes.InMemoryMailingRevenue;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.communication.MailingRevenuePort.Revenue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A checkout's revenue per SKU tag, from a real checkout through its ledger event to the stored attribution: a tag's
 * amount is its lines' quantity × unit price (before the campaigns' discounts, as the attributed total is), rounded
 * half-even once per tag, never more than the checkout's amount; a line in two tags counts in both, a line in none only
 * in the total. Expected figures are worked out by hand below.
 */
class SkuTagAmountsTest {
    private final CheckoutWorld w = new CheckoutWorld();
    private final CardNumber card = w.world.activeCard();
    private final InMemoryCardMailings mailings = new InMemoryCardMailings();
    private final InMemoryMailingRevenue revenue = new InMemoryMailingRevenue();
    private final AttributeCheckoutRevenue listener = new AttributeCheckoutRevenue(mailings, revenue, brand -> w.config);

    SkuTagAmountsTest() {
        w.config = new CheckoutConfig(TestWorld.BRAND, TestWorld.USD, ZoneOffset.UTC, w.config.couponSets(),
                Map.of("coffee", Set.of("COFFEE-S", "COFFEE-L"), "food", Set.of("BAGEL"),
                        "morning", Set.of("COFFEE-L", "BAGEL"), "cold", Set.of("ICE")), w.config.campaigns());
        mailings.record(new CardMailing(TestWorld.BRAND, card, "send-a-" + card.value(), "send-a", "news", "tpl",
                w.world.clock.instant().minus(Duration.ofHours(1)), CardMailing.Channel.EMAIL));
    }

    @Test
    void each_tag_gets_its_lines_before_the_campaigns_discount_as_the_total_does() {
        // COFFEE-L 2 × 4.50 = 9.00; COFFEE-S 1.5 × 2.25 = 3.375; BAGEL 1 × 3.25; WATER 1 × 1.99 (no tag); 10% coupon
        Basket basket = CheckoutWorld.basket("COFFEE-L", 2, "4.50", "COFFEE-S", "1.5", "2.25", "BAGEL", 1, "3.25",
                "WATER", 1, "1.99");
        var sale = w.buy(card, basket, w.coupon(SPRING, "SPRING-TAGS")).value();
        assertEquals(0, new BigDecimal("1.76").compareTo(sale.facts().totalDiscount()), "the coupon's 10% was given");
        DomainEvent event = attributeLastCheckout();

        assertEquals(1762, day(Optional.empty()), "17.615 half-even, before the campaigns' discount");
        assertEquals(1238, day(Optional.of("coffee")), "9.00 + 3.375 = 12.375, rounded once, half-even");
        assertEquals(325, day(Optional.of("food")));
        assertEquals(1225, day(Optional.of("morning")), "COFFEE-L and BAGEL: a line in two tags counts in both");
        assertTrue(revenue.daily(TestWorld.BRAND, today(), today(), Optional.of("cold")).isEmpty(), "no line: no entry");
        assertEquals(Map.of("coffee", 1238L, "food", 325L, "morning", 1225L), SkuTagAmounts.of(event.data(), w.config, 1762),
                "WATER is in no tag");
    }

    @Test
    void a_till_total_below_the_lines_caps_each_tag_at_the_checkouts_amount() {
        Basket basket = new Basket(List.of(new Basket.Line("COFFEE-L", BigDecimal.ONE, new BigDecimal("12.00")),
                new Basket.Line("BAGEL", BigDecimal.ONE, new BigDecimal("3.00"))), new BigDecimal("10.00"));
        w.buy(card, basket).value();
        DomainEvent event = attributeLastCheckout();

        assertEquals(Map.of("coffee", 1000L, "food", 300L, "morning", 1000L), SkuTagAmounts.of(event.data(), w.config, 1000));
        assertEquals(1000, day(Optional.empty()));
        assertEquals(1000, day(Optional.of("coffee")), "12.00 of coffee in a checkout of 10.00: 10.00");
        assertEquals(300, day(Optional.of("food")));
    }

    @Test
    void an_event_without_line_amounts_has_no_tag_revenue_and_half_a_cent_rounds_to_even() {
        CheckoutConfig config = w.config;
        assertEquals(Map.of(), SkuTagAmounts.of(Map.of("checkout.total", "9.00", "sku.COFFEE-L", "2"), config, 900),
                "an event published before the line amounts were: its checkout counts for all SKU tags only");
        assertEquals(Map.of(), SkuTagAmounts.of(Map.of("skuamount.COFFEE-S", "0.005"), config, 900), "0.5 cent: 0");
        assertEquals(Map.of("coffee", 2L), SkuTagAmounts.of(Map.of("skuamount.COFFEE-S", "0.015"), config, 900), "1.5: 2");
    }

    /** The newest checkout's ledger event, given to the attribution listener (the card's mailing is an hour old). */
    private DomainEvent attributeLastCheckout() {
        List<DomainEvent> checkouts = w.world.events.published().stream().filter(e -> e.type().equals("ledger.checkout"))
                .toList();
        DomainEvent last = checkouts.get(checkouts.size() - 1);
        listener.accept(last);
        return last;
    }

    private long day(Optional<String> tag) {
        return revenue.daily(TestWorld.BRAND, today(), today(), tag).stream().map(d -> d.revenue())
                .reduce(Revenue.NONE, Revenue::plus).amount();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(w.world.clock.instant(), ZoneOffset.UTC);
    }
}
