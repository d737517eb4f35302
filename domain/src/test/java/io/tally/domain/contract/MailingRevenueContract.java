package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.communication.Attribution;
import io.tally.domain.communication.CardMailing;
import io.tally.domain.communication.MailingRevenuePort;
import io.tally.domain.communication.MailingRevenuePort.DailyRevenue;
import io.tally.domain.communication.MailingRevenuePort.Revenue;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link MailingRevenuePort} must do. Subclass it per implementation (in-memory fake, DynamoDB adapter). */
public abstract class MailingRevenueContract {
    protected abstract MailingRevenuePort port();

    private final BrandId brand = ContractData.freshBrand();
    private static final LocalDate DAY = LocalDate.of(2025, 3, 1);

    private Attribution sale(String checkout, String mailing, String location, LocalDate day, long amount) {
        CardNumber card = ContractData.freshCard();
        return new Attribution(brand, checkout, card, mailing, mailing + "-" + card.value(), CardMailing.Channel.EMAIL,
                Optional.ofNullable(location), ContractData.T0, day, amount);
    }

    @Test
    void a_checkout_is_attributed_once_whatever_a_redelivery_would_choose() {
        assertTrue(port().attribute(sale("100", "send-a", "s1", DAY, 2500)));
        assertFalse(port().attribute(sale("100", "send-a", "s1", DAY, 2500)));
        assertFalse(port().attribute(sale("100", "send-b", "s1", DAY, 9900)));
        assertTrue(port().attribute(sale("101", "send-a", null, DAY.plusDays(1), 1000)));

        assertEquals(new Revenue(3500, 2), port().ofMailing(brand, "send-a"));
        assertEquals(Revenue.NONE, port().ofMailing(brand, "send-b"));
        assertEquals(Revenue.NONE, port().ofMailing(ContractData.freshBrand(), "send-a"));
    }

    @Test
    void a_void_takes_the_revenue_out_once_and_a_void_first_keeps_the_checkout_out() {
        port().attribute(sale("200", "send-v", "s1", DAY, 4000));
        port().attribute(sale("201", "send-v", "s1", DAY, 600));
        port().voided(brand, "200", ContractData.T0.plus(Duration.ofHours(1)));
        port().voided(brand, "200", ContractData.T0.plus(Duration.ofHours(2)));
        assertEquals(new Revenue(600, 1), port().ofMailing(brand, "send-v"));

        port().voided(brand, "202", ContractData.T0);
        assertFalse(port().attribute(sale("202", "send-v", "s1", DAY, 700)));
        assertEquals(new Revenue(600, 1), port().ofMailing(brand, "send-v"));
        assertEquals(List.of(new DailyRevenue(DAY, "send-v", CardMailing.Channel.EMAIL, "s1", new Revenue(600, 1))),
                port().daily(brand, DAY, DAY));
    }

    @Test
    void a_sku_tags_revenue_is_its_amounts_summed_once_and_a_void_takes_it_out() {
        CardNumber card = ContractData.freshCard();
        assertTrue(port().attribute(tagged("400", card, "s1", DAY, 2000, Map.of("coffee", 1200L, "food", 300L))));
        assertFalse(port().attribute(tagged("400", card, "s1", DAY, 9000, Map.of("coffee", 9000L))), "a redelivery");
        port().attribute(tagged("401", card, "s1", DAY, 500, Map.of("coffee", 450L)));
        port().attribute(tagged("402", card, null, DAY.plusDays(1), 800, Map.of("food", 800L, "hot drinks", 100L)));
        port().attribute(tagged("403", card, "s1", DAY, 700, Map.of()));

        assertEquals(List.of(new DailyRevenue(DAY, "send-t", CardMailing.Channel.EMAIL, "s1", new Revenue(1650, 2))),
                port().daily(brand, DAY, DAY.plusDays(1), Optional.of("coffee")));
        assertEquals(List.of(new DailyRevenue(DAY, "send-t", CardMailing.Channel.EMAIL, "s1", new Revenue(300, 1)),
                new DailyRevenue(DAY.plusDays(1), "send-t", CardMailing.Channel.EMAIL, "", new Revenue(800, 1))),
                port().daily(brand, DAY, DAY.plusDays(1), Optional.of("food")));
        assertEquals(List.of(new DailyRevenue(DAY.plusDays(1), "send-t", CardMailing.Channel.EMAIL, "", new Revenue(100, 1))),
                port().daily(brand, DAY, DAY.plusDays(1), Optional.of("hot drinks")), "a tag with a space");
        assertTrue(port().daily(brand, DAY, DAY.plusDays(1), Optional.of("tea")).isEmpty());
        assertEquals(new Revenue(3200, 3), port().daily(brand, DAY, DAY).get(0).revenue(), "all SKU tags: the totals");

        port().voided(brand, "400", ContractData.T0.plus(Duration.ofHours(1)));
        assertEquals(List.of(new DailyRevenue(DAY, "send-t", CardMailing.Channel.EMAIL, "s1", new Revenue(450, 1))),
                port().daily(brand, DAY, DAY, Optional.of("coffee")));
        assertTrue(port().daily(brand, DAY, DAY, Optional.of("food")).isEmpty(), "the void took its food out");
    }

    private Attribution tagged(String checkout, CardNumber card, String location, LocalDate day, long amount,
                               Map<String, Long> tags) {
        return new Attribution(brand, checkout, card, "send-t", "send-t-" + card.value(), CardMailing.Channel.EMAIL,
                Optional.ofNullable(location), ContractData.T0, day, amount, tags);
    }

    @Test
    void daily_revenue_sums_per_day_mailing_and_location_within_the_days_asked() {
        port().attribute(sale("300", "send-a", "s1", DAY, 100));
        port().attribute(sale("301", "send-a", "s1", DAY, 200));
        port().attribute(sale("302", "send-a", null, DAY, 50));
        port().attribute(sale("303", "rule-b", "s2", DAY, 70));
        port().attribute(sale("304", "send-a", "s1", DAY.plusDays(1), 1));
        port().attribute(sale("305", "send-a", "s1", DAY.minusDays(1), 2));
        port().attribute(sale("306", "send-a", "s1", DAY.plusMonths(1), 3));

        assertEquals(List.of(
                new DailyRevenue(DAY, "rule-b", CardMailing.Channel.EMAIL, "s2", new Revenue(70, 1)),
                new DailyRevenue(DAY, "send-a", CardMailing.Channel.EMAIL, "", new Revenue(50, 1)),
                new DailyRevenue(DAY, "send-a", CardMailing.Channel.EMAIL, "s1", new Revenue(300, 2)),
                new DailyRevenue(DAY.plusDays(1), "send-a", CardMailing.Channel.EMAIL, "s1", new Revenue(1, 1))),
                port().daily(brand, DAY, DAY.plusDays(1)));
        assertEquals(6, port().daily(brand, DAY.minusDays(1), DAY.plusMonths(1)).size());
        assertTrue(port().daily(ContractData.freshBrand(), DAY, DAY).isEmpty());
    }
}
