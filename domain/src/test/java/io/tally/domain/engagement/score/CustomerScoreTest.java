package io.tally.domain.engagement.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tally.domain.card.CardNumber;
import io.tally.domain.engagement.CardEventStats;
import io.tally.domain.engagement.CardLedgerStats;
import io.tally.domain.engagement.CardStats;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CustomerScoreTest {
    static final BrandId BRAND = new BrandId("brand-a");
    static final CardNumber CARD = new CardNumber("4111111111111111");
    static final Instant AS_OF = Instant.parse("2026-12-02T00:00:00Z");

    /** The stats of a card: its last transaction {@code txDaysAgo} days before AS_OF (-1: none), and its counts. */
    static CardStats stats(long txDaysAgo, long eventDaysAgo, long visits, long orders, long spend, long positive,
                           long neutral, long negative) {
        Optional<Instant> tx = txDaysAgo < 0 ? Optional.empty() : Optional.of(AS_OF.minus(Duration.ofDays(txDaysAgo)));
        Optional<Instant> ev = eventDaysAgo < 0 ? Optional.empty() : Optional.of(AS_OF.minus(Duration.ofDays(eventDaysAgo)));
        Map<String, Long> sentiments = new LinkedHashMap<>();
        if (positive > 0) sentiments.put("positive", positive);
        if (neutral > 0) sentiments.put("neutral", neutral);
        if (negative > 0) sentiments.put("negative", negative);
        return new CardStats(new CardLedgerStats(BRAND, CARD, 1, spend, orders, 0, visits, Optional.empty(), tx),
                new CardEventStats(BRAND, CARD, positive + neutral + negative, Map.of(), sentiments, ev));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // case,                          tx, ev, visits, orders, spend,                positive, neutral, negative, R, F, S, E, total
            "no activity at all,              -1, -1, 0, 0, 0,                                 0, 0, 0,               0, 0, 0, 0, 0",
            "a visit today,                    0, -1, 1, 0, 0,                                 0, 0, 0,              25, 5, 0, 0, 30",
            "13 days ago still full recency,  13, -1, 1, 0, 0,                                 0, 0, 0,              25, 5, 0, 0, 30",
            "14 days ago one point less,      14, -1, 1, 0, 0,                                 0, 0, 0,              24, 5, 0, 0, 29",
            "349 days ago one point left,    349, -1, 1, 0, 0,                                 0, 0, 0,               1, 5, 0, 0, 6",
            "350 days ago no recency,        350, -1, 1, 0, 0,                                 0, 0, 0,               0, 5, 0, 0, 5",
            "ten years ago,                 3650, -1, 1, 0, 0,                                 0, 0, 0,               0, 5, 0, 0, 5",
            "an event newer than the tx,     400, 20, 1, 0, 0,                                 1, 0, 0,              24, 5, 0, 5, 34",
            "orders more than visits,          0, -1, 2, 3, 0,                                 0, 0, 0,              25, 10, 0, 0, 35",
            "seven visits,                     0, -1, 7, 0, 0,                                 0, 0, 0,              25, 15, 0, 0, 40",
            "eight visits,                     0, -1, 8, 0, 0,                                 0, 0, 0,              25, 20, 0, 0, 45",
            "sixteen visits,                   0, -1, 16, 0, 0,                                0, 0, 0,              25, 25, 0, 0, 50",
            "huge visits,                      0, -1, 9223372036854775807, 0, 0,               0, 0, 0,              25, 25, 0, 0, 50",
            "half the reference spent,         0, -1, 1, 1, 2500000,                           0, 0, 0,              25, 5, 12, 0, 42",
            "just under the reference,         0, -1, 1, 1, 4999999,                           0, 0, 0,              25, 5, 24, 0, 54",
            "the reference spent,              0, -1, 1, 1, 5000000,                           0, 0, 0,              25, 5, 25, 0, 55",
            "huge spend,                       0, -1, 1, 1, 9223372036854775807,               0, 0, 0,              25, 5, 25, 0, 55",
            "negative events only,            -1,  0, 0, 0, 0,                                 0, 0, 7,              25, 0, 0, 0, 25",
            "positive outweighed by negative, -1,  0, 0, 0, 0,                                 2, 0, 3,              25, 0, 0, 0, 25",
            "neutral events count one each,   -1,  0, 0, 0, 0,                                 0, 3, 0,              25, 0, 0, 3, 28",
            "net positive plus neutral,       -1,  0, 0, 0, 0,                                 3, 4, 1,              25, 0, 0, 14, 39",
            "huge positive,                   -1,  0, 0, 0, 0,                   9223372036854775807, 0, 0,           25, 0, 0, 25, 50",
            "huge both cancel to neutral,     -1,  0, 0, 0, 0,  9223372036854775807, 2, 9223372036854775807,          25, 0, 0, 2, 27",
            "top customer,                     1,  1, 40, 30, 90000000,                        9, 0, 0,              25, 25, 25, 25, 100",
    })
    void the_score_follows_the_documented_formula(String name, long tx, long ev, long visits, long orders, long spend,
                                                  long positive, long neutral, long negative, int r, int f, int s,
                                                  int e, int total) {
        CustomerScore score = CustomerScore.of(stats(tx, ev, visits, orders, spend, positive, neutral, negative), AS_OF,
                CustomerScore.DEFAULT_SPEND_REFERENCE);
        assertEquals(new CustomerScore(r, f, s, e), score, name);
        assertEquals(total, score.total(), name);
    }

    @Test
    void activity_after_the_moment_scored_counts_as_today() {
        CardStats later = stats(-1, -1, 1, 0, 0, 0, 0, 0);
        CardStats withFuture = new CardStats(new CardLedgerStats(BRAND, CARD, 1, 0, 0, 0, 1, Optional.empty(),
                Optional.of(AS_OF.plusSeconds(3600))), later.events());
        assertEquals(25, CustomerScore.of(withFuture, AS_OF, CustomerScore.DEFAULT_SPEND_REFERENCE).recency());
    }

    @Test
    void the_score_depends_on_the_moment_scored_not_on_when_it_is_computed() {
        CardStats s = stats(30, -1, 3, 3, 1000000, 1, 0, 0);
        CustomerScore first = CustomerScore.of(s, AS_OF, CustomerScore.DEFAULT_SPEND_REFERENCE);
        assertEquals(first, CustomerScore.of(s, AS_OF, CustomerScore.DEFAULT_SPEND_REFERENCE));
        assertEquals(23, first.recency());
        assertEquals(22, CustomerScore.of(s, AS_OF.plus(Duration.ofDays(14)), CustomerScore.DEFAULT_SPEND_REFERENCE).recency());
    }

    @Test
    void a_brand_reference_scales_the_spend_component() {
        CardStats s = stats(0, -1, 1, 1, 1000000, 0, 0, 0);
        assertEquals(25, CustomerScore.of(s, AS_OF, 1000000).spend());
        assertEquals(12, CustomerScore.of(s, AS_OF, 2000000).spend());
        assertEquals(0, CustomerScore.of(s, AS_OF, Long.MAX_VALUE).spend());
        assertEquals(12, CustomerScore.spend(Long.MAX_VALUE / 2, Long.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> CustomerScore.of(s, AS_OF, 0));
    }
}
