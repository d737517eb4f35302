package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.communication.CardMailing;
import io.tally.domain.communication.CardMailingsPort;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link CardMailingsPort} must do. Subclass it per implementation (in-memory fake, DynamoDB adapter). */
public abstract class CardMailingsContract {
    protected abstract CardMailingsPort port();

    private final BrandId brand = ContractData.freshBrand();

    public static CardMailing mailing(BrandId brand, CardNumber card, String send, Instant at) {
        return new CardMailing(brand, card, send + "-" + card.value(), send, "news", "tpl-1", at, CardMailing.Channel.EMAIL);
    }

    @Test
    void a_mailing_is_recorded_once_and_the_first_instant_stands() {
        CardNumber card = ContractData.freshCard();
        CardMailing first = mailing(brand, card, "send-a", ContractData.T0);
        assertTrue(port().record(first));
        assertFalse(port().record(mailing(brand, card, "send-a", ContractData.T0.plus(Duration.ofMinutes(5)))));

        assertEquals(List.of(first), port().newest(brand, card, 10));
        assertTrue(port().newest(ContractData.freshBrand(), card, 10).isEmpty());
    }

    @Test
    void a_cards_mailings_come_newest_first_limited_with_every_field() {
        CardNumber card = ContractData.freshCard();
        List<CardMailing> recorded = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CardMailing m = new CardMailing(brand, card, "rule-r" + i + "-evt" + i, "rule-r" + i, "list" + i, "tpl" + i,
                    ContractData.T0.plus(Duration.ofHours(i)), CardMailing.Channel.EMAIL);
            recorded.add(m);
        }
        CardMailing sameMilli = new CardMailing(brand, card, "send-z-" + card.value(), "send-z", "news", "tpl-9",
                ContractData.T0.plus(Duration.ofHours(4)), CardMailing.Channel.EMAIL);
        recorded.add(sameMilli);
        List.of(3, 0, 5, 1, 4, 2).forEach(i -> port().record(recorded.get(i)));
        port().record(mailing(brand, ContractData.freshCard(), "send-other", ContractData.T0));

        assertEquals(List.of(sameMilli, recorded.get(4), recorded.get(3)), port().newest(brand, card, 3));
        assertEquals(6, port().newest(brand, card, CardMailingsPort.MAX_PAGE).size());
    }

    @Test
    void the_newest_within_a_period_includes_both_ends_to_the_millisecond() {
        CardNumber card = ContractData.freshCard();
        Instant checkout = ContractData.T0.plus(Duration.ofDays(10));
        Instant from = checkout.minus(Duration.ofDays(7));
        CardMailing early = mailing(brand, card, "send-early", from.minusMillis(1));
        CardMailing edge = mailing(brand, card, "send-edge", from);
        port().record(early);
        port().record(edge);

        assertEquals(Optional.of(edge), port().newestWithin(brand, card, from, checkout));
        assertEquals(Optional.empty(), port().newestWithin(brand, card, from.plusMillis(1), checkout));

        CardMailing atCheckout = mailing(brand, card, "send-at", checkout);
        CardMailing after = mailing(brand, card, "send-after", checkout.plusMillis(1));
        port().record(after);
        port().record(atCheckout);
        assertEquals(Optional.of(atCheckout), port().newestWithin(brand, card, from, checkout));
        assertEquals(Optional.of(edge), port().newestWithin(brand, card, from, checkout.minusMillis(1)));
        assertEquals(Optional.empty(), port().newestWithin(ContractData.freshBrand(), card, from, checkout));
    }
}
