package io.tally.lambda.merchant;

import static io.tally.lambda.merchant.MerchantHarness.j;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.domain.card.CardNumber;
import io.tally.domain.communication.CardMailing;
import io.tally.domain.communication.CardMailingsPort;
import io.tally.domain.fakes.TestWorld;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code search} with {@code returnFields.mailings}: the card's mailings, newest first, at most 100. */
class SearchMailingsTest {
    private final MerchantHarness h = new MerchantHarness();

    private JsonNode mailingsOf(CardNumber card) {
        var r = h.call("search", j("{'filters':{'cardNumber':'" + card.value() + "'},'returnFields':{'mailings':true}}"));
        assertTrue(r.ok(), r.raw());
        return r.get("cards").get(0).get("mailings");
    }

    @Test
    void a_cards_mailings_come_newest_first_in_the_wire_shape() {
        CardNumber card = h.world.activeCard();
        assertEquals(0, mailingsOf(card).size(), "none yet: an empty list");

        Instant t = Instant.parse("2026-03-01T14:30:05.250Z");
        h.mailings.record(new CardMailing(TestWorld.BRAND, card, "send-s1-" + card.value(), "send-s1", "news", "tpl-a", t,
                CardMailing.Channel.EMAIL));
        h.mailings.record(new CardMailing(TestWorld.BRAND, card, "rule-r1-evt9", "rule-r1", "account", "tpl-b",
                t.plus(Duration.ofDays(2)), CardMailing.Channel.EMAIL));

        JsonNode mailings = mailingsOf(card);
        assertEquals(2, mailings.size(), mailings.toString());
        JsonNode newest = mailings.get(0);
        assertEquals("rule-r1", newest.get("mailingId").asText());
        assertEquals("EMAIL", newest.get("channel").asText());
        assertEquals("account", newest.get("listId").asText());
        assertEquals("tpl-b", newest.get("templateId").asText());
        assertEquals("2026-03-03 14:30:05", newest.get("sentDate").asText());
        assertEquals("send-s1", mailings.get(1).get("mailingId").asText());
        assertEquals(5, newest.size(), "exactly the documented fields: " + newest);

        var bare = h.call("search", j("{'filters':{'cardNumber':'" + card.value() + "'}}")).get("cards").get(0);
        assertFalse(bare.has("mailings"), "only when asked: " + bare);
    }

    @Test
    void at_most_the_newest_hundred_mailings_are_answered() {
        CardNumber card = h.world.activeCard();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < CardMailingsPort.MAX_PAGE + 5; i++) {
            h.mailings.record(new CardMailing(TestWorld.BRAND, card, "send-m" + i + "-" + card.value(), "send-m" + i,
                    "news", "tpl-a", t.plus(Duration.ofHours(i)), CardMailing.Channel.EMAIL));
        }
        JsonNode mailings = mailingsOf(card);
        assertEquals(CardMailingsPort.MAX_PAGE, mailings.size());
        assertEquals("send-m104", mailings.get(0).get("mailingId").asText());
        assertEquals("send-m5", mailings.get(CardMailingsPort.MAX_PAGE - 1).get("mailingId").asText());
    }
}
