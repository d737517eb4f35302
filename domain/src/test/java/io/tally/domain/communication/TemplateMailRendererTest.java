package io.tally.domain.communication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.communication.send.Send;
import io.tally.domain.communication.send.SendChannel;
import io.tally.domain.communication.send.SendMails;
import io.tally.domain.communication.send.SendProgress;
import io.tally.domain.communication.send.SendStatus;
import io.tally.domain.email.DeliverEmailUseCase;
import io.tally.domain.email.DeliverEmailUseCase.Delivery;
import io.tally.domain.email.EmailMessage;
import io.tally.domain.email.MailingHeaders;
import io.tally.domain.email.RenderedEmail;
import io.tally.domain.fakes.InMemoryLocations;
import io.tally.domain.fakes.InMemoryTemplates;
import io.tally.domain.fakes.MemberWorld;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.PreferencesPort.Choice;
import io.tally.domain.member.PreferencesPort.Source;
import io.tally.domain.tenant.Location;
import io.tally.domain.tenant.LocationGroup;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The e-mail sender renders a template message at send time: the card's values, the owning location, the newest entry,
 * the links the enqueuer signed; a test's subject says so; a template deleted or a card gone drops the message for good.
 */
class TemplateMailRendererTest {
    private static final String PORTAL = "https://acme.example/portal/ACME";
    private final MemberWorld m = new MemberWorld();
    private final TestWorld w = m.world;
    private final InMemoryTemplates templates = new InMemoryTemplates();
    private final InMemoryLocations locations = new InMemoryLocations()
            .add(new LocationGroup(TestWorld.BRAND, new LocationGroupId("g1"), "All"))
            .add(new Location(TestWorld.BRAND, new LocationId("store-1"), new LocationGroupId("g1"), "Downtown",
                    Optional.empty()));
    private final List<RenderedEmail> wire = new ArrayList<>();
    private final DeliverEmailUseCase deliver = new DeliverEmailUseCase(m.stores, m.stores, m.stores, m.mail, wire::add,
            new TemplateMailRenderer(templates, w.programs, w.queries, w.ledger, locations, html -> html), w.clock);
    private final SendMails mails = new SendMails(m.links);

    private Send send(String list) {
        return new Send(TestWorld.BRAND, "s1", "Dec", "tpl1", 1, list, Optional.empty(), SendChannel.EMAIL,
                Optional.of(w.clock.instant()), Optional.of(PORTAL), SendStatus.SENDING, Optional.empty(), 14,
                SendProgress.NONE, Optional.empty(), w.clock.instant(), "s", 3);
    }

    private Card member() {
        CardNumber number = w.activeCard();
        Card card = w.cards.load(TestWorld.BRAND, number).orElseThrow();
        w.cards.update(card.withProfile(Optional.empty(), Optional.of(new Customer("<Ada>", "L", "ada@example.com",
                null, null, null, null, null, null, null, null, null)), Optional.empty(), Map.of(), Map.of(), Map.of(),
                card.enrolledAt()));
        w.cards.update(w.cards.load(TestWorld.BRAND, number).orElseThrow()
                .withOwningLocation(Optional.of(new LocationId("store-1"))));
        w.issue(number, 1250);
        return w.cards.load(TestWorld.BRAND, number).orElseThrow();
    }

    {
        templates.create(new EmailTemplate(TestWorld.BRAND, "tpl1", "News", "Hi {{customer.firstName}}",
                "<p>{{customer.firstName}} at {{location.name}}: {{balance Currency:USD}}, {{transaction.type}}"
                        + " <a href=\"{{link.unsubscribe}}\">Leave</a> <a href=\"{{link.preferences}}\">Prefs</a></p>",
                "{{card.lastFour}} {{link.unsubscribe}}", Instant.EPOCH, "s", 1));
    }

    @Test
    void a_send_message_is_rendered_with_the_cards_data_and_the_signed_links_from_the_message() {
        Card card = member();
        EmailMessage message = mails.recipient(send("news"), m.config, card, "ada@example.com", w.clock.instant());
        // news is opt-in: the member chose it
        m.stores.choose(TestWorld.BRAND, ContactKey.email("ada@example.com"), new Choice("news", true,
                w.clock.instant(), Source.PAGE));
        assertEquals(Delivery.SENT, deliver.deliver(message));
        RenderedEmail sent = wire.get(0);
        String unsubscribe = TemplateMailRenderer.unsubscribeUrl(message);
        assertTrue(unsubscribe.startsWith(PORTAL + "/unsubscribe?t="), unsubscribe);
        assertEquals("Hi <Ada>", sent.subject());
        assertEquals(card.number().lastFour() + " " + unsubscribe, sent.text());
        assertEquals("<p>&lt;Ada&gt; at Downtown: 12.50, issue <a href=\"" + unsubscribe + "\">Leave</a> <a href=\""
                + message.value(TemplateMailRenderer.PREFERENCES_URL) + "\">Prefs</a></p>", sent.html());
        assertEquals(MailingHeaders.with(message), sent.headers());
        assertEquals(Delivery.ALREADY_SENT, deliver.deliver(message));
    }

    @Test
    void a_tests_subject_is_marked_and_a_deleted_template_or_a_gone_card_drops_the_message() {
        Card card = member();
        EmailMessage test = mails.test(send("account"), 1, m.config, card.number(), "ada@example.com", PORTAL,
                w.clock.instant());
        assertEquals(Delivery.SENT, deliver.deliver(test));
        assertEquals("[TEST] Hi <Ada>", wire.get(0).subject());

        EmailMessage other = new TemplateMail("send-s2-" + card.number().value(), TestWorld.BRAND, "send-s2", "gone", 1,
                card.number(), "ada@example.com", "account", Optional.empty(), Optional.empty()).message(Map.of());
        assertEquals(Delivery.TEMPLATE_GONE, deliver.deliver(other));
        String payload = "400000000000009";
        EmailMessage noCard = new TemplateMail("send-s2-x", TestWorld.BRAND, "send-s2", "tpl1", 1,
                new CardNumber(payload + CardNumber.luhnCheckDigit(payload)), "ada@example.com", "account",
                Optional.empty(), Optional.empty()).message(Map.of());
        assertEquals(Delivery.CARD_GONE, deliver.deliver(noCard));
        assertEquals(1, wire.size());
    }
}
