package io.tally.domain.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tally.domain.campaign.CheckoutConfig;
import io.tally.domain.card.Card;
import io.tally.domain.engagement.CardEventStats;
import io.tally.domain.engagement.CardLedgerStats;
import io.tally.domain.fakes.InMemoryCardStats;
import io.tally.domain.fakes.MutableClock;
import io.tally.domain.program.ValueTypeKey;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EngagementStatisticsTest {
    private final InMemoryCardStats stats = new InMemoryCardStats();
    private final Card card = Members.ANN.card();

    @Test
    void a_card_without_statistics_has_none() {
        var of = new EngagementStatistics(stats, CheckoutConfig::empty);
        assertEquals(new MemberStatistics(0, 0, 0, 0, Optional.empty(), Set.of(), Map.of(), Map.of(), Map.of()),
                of.apply(card));
    }

    @Test
    void spend_is_in_the_checkout_currencys_minor_units_items_whole_and_the_newest_activity_wins() {
        Instant bought = Instant.parse("2026-11-02T10:00:00Z");
        Instant reviewed = Instant.parse("2026-11-03T10:00:00Z");
        // 123.4567 USD spent over 3 orders, 7.5 items, 2 visits
        stats.putLedgerStats(new CardLedgerStats(card.brand(), card.number(), 9, 1_234_567, 3, 7_500, 2,
                Optional.empty(), Optional.of(bought)), 0);
        stats.putEventStats(new CardEventStats(card.brand(), card.number(), 3, Map.of("review", 2L, "survey", 1L),
                Map.of("positive", 3L), Optional.of(reviewed)));

        var usd = new EngagementStatistics(stats, CheckoutConfig::empty).apply(card);
        assertEquals(new MemberStatistics(12_345, 3, 7, 2, Optional.of(reviewed), Set.of(), Map.of(), Map.of(),
                Map.of("review", 2L, "survey", 1L)), usd);
        assertEquals(4_115, usd.averageOrderValue());

        var yen = new EngagementStatistics(stats, b -> new CheckoutConfig(b, ValueTypeKey.currency("JPY"),
                ZoneId.of("UTC"), List.of(), Map.of(), List.of())).apply(card);
        assertEquals(123, yen.spend());
    }

    @Test
    void the_brands_currency_is_read_once_a_minute_not_once_a_card() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-02T10:00:00Z"));
        AtomicInteger loads = new AtomicInteger();
        var of = new EngagementStatistics(stats, b -> {
            loads.incrementAndGet();
            return CheckoutConfig.empty(b);
        }, clock);
        for (MemberFacts m : Members.ALL) {
            of.apply(m.card());
        }
        assertEquals(1, loads.get(), "a page of the brand's cards reads its checkout configuration once");

        clock.advance(EngagementStatistics.CURRENCY_TTL.plusSeconds(1));
        of.apply(card);
        assertEquals(2, loads.get(), "a changed checkout currency is seen within a minute");
    }
}
