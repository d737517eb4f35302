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
import io.tally.domain.email.SentEmailsPort;
import io.tally.domain.fakes.Crash;
import io.tally.domain.fakes.InMemoryCardMailings;
import io.tally.domain.fakes.MemberWorld;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The e-mail sender keeps each template e-mail the provider took under its card (A132): once, not a test, at the instant
 * it was taken, mended by a redelivery; one the provider refused, or whose sender died before the claim's mark, never.
 */
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
    void an_email_the_provider_refused_is_never_kept_however_often_it_comes_back() {
        DeliverEmailUseCase refusing = new DeliverEmailUseCase(m.stores, m.stores, m.stores, m.mail, email -> {
            throw new IllegalStateException("SendEmail answered 400 MessageRejected");
        }, (msg, b) -> new TemplateEmailsPort.Result.Rendered(m.mail.render(msg, b)), m.world.clock,
                new RecordCardMailings(mailings), BouncesPort.NONE);
        assertThrows(IllegalStateException.class, () -> refusing.deliver(template("rule-r1")));

        m.world.clock.advance(Duration.ofMinutes(30));
        assertEquals(Delivery.NOT_HANDED, refusing.deliver(template("rule-r1")), "never sent twice: the claim stands");
        assertEquals(Delivery.NOT_HANDED, deliver.deliver(template("rule-r1")), "nor by a healthy sender");
        assertTrue(m.mail.sent().isEmpty());
        assertEquals(0, mailings.size(), "no mailing to attribute revenue to");
    }

    @Test
    void a_sender_that_died_in_the_provider_call_keeps_nothing_and_its_redelivery_sends_nothing() {
        providerDown = true;
        assertThrows(Crash.class, () -> deliver.deliver(template("rule-r1")));

        providerDown = false;
        assertEquals(Delivery.NOT_HANDED, deliver.deliver(template("rule-r1")));
        assertTrue(m.mail.sent().isEmpty(), "never sent twice: the claim stands");
        assertEquals(0, mailings.size());
    }

    @Test
    void a_crash_after_the_mark_before_the_recording_is_mended_with_the_instant_the_provider_took_it() {
        AtomicInteger calls = new AtomicInteger();
        RecordCardMailings record = new RecordCardMailings(mailings);
        DeliverEmailUseCase crashesOnce = new DeliverEmailUseCase(m.stores, m.stores, m.stores, m.mail, sender,
                (msg, b) -> new TemplateEmailsPort.Result.Rendered(m.mail.render(msg, b)), m.world.clock,
                (message, at) -> {
                    if (calls.getAndIncrement() == 0) {
                        throw new Crash("after the mark, before the recording");
                    }
                    record.claimed(message, at);
                }, BouncesPort.NONE);
        Instant takenAt = m.world.clock.instant();
        assertThrows(Crash.class, () -> crashesOnce.deliver(template("rule-r1")));
        assertEquals(0, mailings.size());

        m.world.clock.advance(Duration.ofMinutes(30));
        assertEquals(Delivery.ALREADY_SENT, crashesOnce.deliver(template("rule-r1")));
        assertEquals(1, m.mail.sent().size(), "sent once");
        assertEquals(List.of(takenAt), mailings.newest(TestWorld.BRAND, CARD, 10).stream().map(CardMailing::sentAt)
                .toList(), "the instant the provider took it, not the redelivery's");
    }

    @Test
    void a_crash_between_the_send_and_the_mark_keeps_nothing_the_safe_side_for_revenue() {
        AtomicBoolean dies = new AtomicBoolean(true);
        SentEmailsPort marksAfterACrash = new SentEmailsPort() {
            @Override
            public boolean claim(BrandId brand, String messageId, Instant now) {
                return m.stores.claim(brand, messageId, now);
            }

            @Override
            public void markHanded(BrandId brand, String messageId, Instant at) {
                if (dies.getAndSet(false)) {
                    throw new Crash("after the send, before the mark");
                }
                m.stores.markHanded(brand, messageId, at);
            }

            @Override
            public Optional<Instant> handedAt(BrandId brand, String messageId) {
                return m.stores.handedAt(brand, messageId);
            }
        };
        DeliverEmailUseCase deliver = new DeliverEmailUseCase(m.stores, m.stores, marksAfterACrash, m.mail, sender,
                (msg, b) -> new TemplateEmailsPort.Result.Rendered(m.mail.render(msg, b)), m.world.clock,
                new RecordCardMailings(mailings), BouncesPort.NONE);
        assertThrows(Crash.class, () -> deliver.deliver(template("rule-r1")));

        assertEquals(Delivery.NOT_HANDED, deliver.deliver(template("rule-r1")));
        assertEquals(1, m.mail.sent().size(), "sent once, never twice");
        assertEquals(0, mailings.size(), "not kept: the claim cannot tell it from a refusal");
    }
}
