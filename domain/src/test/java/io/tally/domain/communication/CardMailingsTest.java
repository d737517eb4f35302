package io.tally.domain.communication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.email.DeliverEmailUseCase;
import io.tally.domain.email.TemplateEmailsPort;
import io.tally.domain.email.BouncesPort;
import io.tally.domain.email.DeliverEmailUseCase.Delivery;
import io.tally.domain.email.EmailKind;
import io.tally.domain.email.EmailMessage;
import io.tally.domain.email.EmailSenderPort;
import io.tally.domain.fakes.Crash;
import io.tally.domain.fakes.InMemoryCardMailings;
import io.tally.domain.fakes.MemberWorld;
import io.tally.domain.fakes.TestWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The e-mail sender keeps each template e-mail it claimed under its card (A132): once, not a test, mended by a redelivery. */
class CardMailingsTest {
    private static final CardNumber CARD = new CardNumber("6000000000000007");
    private final MemberWorld m = new MemberWorld();
    private final InMemoryCardMailings mailings = new InMemoryCardMailings();
    private boolean providerDown;
    private final EmailSenderPort sender = email -> {
        if (providerDown) {
            throw new Crash("in the provider call, after the claim");
        }
        m.mail.send(email);
    };
    private final DeliverEmailUseCase deliver = new DeliverEmailUseCase(m.stores, m.stores, m.stores, m.mail, sender,
            (msg, b) -> new TemplateEmailsPort.Result.Rendered(m.mail.render(msg, b)), m.world.clock, new RecordCardMailings(mailings), BouncesPort.NONE);

    {
        m.stores.save(m.config);
    }

    private static EmailMessage template(String mailing) {
        return new TemplateMail(mailing + "-" + CARD.value(), TestWorld.BRAND, mailing, "tpl-1", 3, CARD,
                "bob@example.com", "account", Optional.of("store-1"), Optional.empty()).message(Map.of());
    }

    @Test
    void a_sent_template_email_is_kept_under_its_card_once_with_the_first_instant() {
        Instant sentAt = m.world.clock.instant();
        assertEquals(Delivery.SENT, deliver.deliver(template("send-s1")));
        m.world.clock.advance(Duration.ofMinutes(3));
        assertEquals(Delivery.ALREADY_SENT, deliver.deliver(template("send-s1")), "a redelivery");

        assertEquals(List.of(new CardMailing(TestWorld.BRAND, CARD, "send-s1-" + CARD.value(), "send-s1", "account",
                "tpl-1", sentAt, CardMailing.Channel.EMAIL)), mailings.newest(TestWorld.BRAND, CARD, 10));
        assertEquals(1, m.mail.sent().size());
    }

    @Test
    void tests_and_other_kinds_of_email_are_not_a_cards_mailings() {
        assertEquals(Delivery.SENT, deliver.deliver(template("test-s1")));
        assertEquals(Delivery.SENT, deliver.deliver(new EmailMessage("w-1", TestWorld.BRAND, EmailKind.WELCOME,
                "bob@example.com", "account", Map.of())));
        assertEquals(0, mailings.size());
    }

    @Test
    void a_sender_that_died_after_its_claim_is_mended_by_the_redelivery_which_sends_nothing() {
        providerDown = true;
        assertThrows(Crash.class, () -> deliver.deliver(template("rule-r1")));
        assertEquals(0, mailings.size());

        providerDown = false;
        assertEquals(Delivery.ALREADY_SENT, deliver.deliver(template("rule-r1")));
        assertTrue(m.mail.sent().isEmpty(), "never sent twice: the claim stands");
        assertEquals("rule-r1", mailings.newest(TestWorld.BRAND, CARD, 1).get(0).mailing());
    }
}
