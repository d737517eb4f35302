package io.tally.domain.communication.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tally.domain.backoffice.SetupAudit;
import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.communication.EmailTemplate;
import io.tally.domain.communication.TemplateSmsTexts;
import io.tally.domain.communication.TestList;
import io.tally.domain.communication.send.SendsUseCase.Changed;
import io.tally.domain.communication.send.SendsUseCase.SaveCommand;
import io.tally.domain.contract.PortalTestData;
import io.tally.domain.email.EmailMessage;
import io.tally.domain.fakes.InMemoryAuditLog;
import io.tally.domain.fakes.InMemoryMemberStores;
import io.tally.domain.fakes.InMemorySegmentSnapshots;
import io.tally.domain.fakes.InMemorySegments;
import io.tally.domain.fakes.InMemorySends;
import io.tally.domain.fakes.InMemoryTemplates;
import io.tally.domain.fakes.InMemoryTestLists;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.LinkTokens;
import io.tally.domain.member.PreferencesUseCase;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.segment.BrandCardsPort;
import io.tally.domain.shared.SignedTokens;
import io.tally.domain.sms.DeliverSmsUseCase;
import io.tally.domain.sms.DeliverSmsUseCase.Delivery;
import io.tally.domain.sms.SmsMessage;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.Location;
import io.tally.domain.tenant.LocationGroup;
import io.tally.domain.tenant.LocationsPort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The send form on the SMS channel: a send chosen to go by SMS (offered only where the graph has the SMS queue), its
 * test texted to the test cards' phones, its pages texting each member with a usable phone once (the texts built by
 * {@link TemplateSmsTexts}, merged from the card) and counting the others as skipped.
 */
class SmsSendsUseCaseTest {
    private static final BrandId BRAND = TestWorld.BRAND;
    private static final String PORTAL = "https://acme.example/portal/ACME";
    private final TestWorld w = new TestWorld();
    private final InMemorySends sends = new InMemorySends();
    private final InMemoryTemplates templates = new InMemoryTemplates();
    private final InMemoryMemberStores portals = new InMemoryMemberStores();
    private final InMemoryTestLists testLists = new InMemoryTestLists();
    private final List<EmailMessage> mails = new ArrayList<>();
    private final List<SmsMessage> texts = new ArrayList<>();
    private final List<SendPage> pages = new ArrayList<>();
    private final List<Card> brandCards = new ArrayList<>();
    private final SendMails signer = new SendMails(new LinkTokens(new SignedTokens(new byte[32])));
    private final LocationsPort locations = new LocationsPort() {
        @Override
        public List<Location> locations(BrandId brand) {
            return List.of();
        }

        @Override
        public List<LocationGroup> groups(BrandId brand) {
            return List.of();
        }
    };
    private final Optional<SmsChannel> sms = Optional.of(new SmsChannel(texts::add,
            new TemplateSmsTexts(templates, w.programs, w.queries, w.ledger, locations)));
    private final SendFanoutUseCase fanout = new SendFanoutUseCase(sends,
            (brand, cursor, limit) -> new BrandCardsPort.CardsPage(List.copyOf(brandCards), Optional.empty()), w.cards,
            new InMemorySegmentSnapshots(), portals, (page, delay) -> pages.add(page), mails::add, signer, sms, w.clock);
    private final SendsUseCase use = new SendsUseCase(sends, templates, portals, new InMemorySegments(), testLists,
            w.cards, mails::add, signer, sms, fanout::start, new SetupAudit(new InMemoryAuditLog(), new SeededRandom(1),
            w.clock), new SeededRandom(1), w.clock);
    private final StaffScope admin = StaffScope.brandWide(BRAND, new StaffId("s-1"), "a@x.example", Role.ADMIN);

    {
        portals.save(PortalTestData.config(BRAND, TestWorld.SET, TestWorld.POINTS));
        templates.create(new EmailTemplate(BRAND, "tpl1", "News", "Subject", "<p>Hi</p>",
                "Hi {{customer.firstName | friend}}, card {{card.lastFour}}", TestWorld.START, "s-1", 1));
    }

    private Send smsDraft() {
        return assertInstanceOf(Changed.Done.class, use.save(admin, new SaveCommand(Optional.empty(), "December",
                "tpl1", "news", "", 0, "SMS"))).send();
    }

    private Card member(String phone, String name) {
        CardNumber number = w.activeCard();
        Card card = w.cards.load(BRAND, number).orElseThrow();
        w.cards.update(card.withProfile(Optional.empty(), Optional.of(new Customer(name, null, null, phone, null, null,
                null, null, null, null, null, null)), Optional.empty(), Map.of(), Map.of(), Map.of(), card.enrolledAt()));
        Card updated = w.cards.load(BRAND, number).orElseThrow();
        brandCards.add(updated);
        return updated;
    }

    @Test
    void the_form_chooses_the_channel_and_only_offered_channels_are_accepted() {
        assertEquals(List.of(SendChannel.EMAIL, SendChannel.SMS), use.channels());
        Send d = smsDraft();
        assertEquals(SendChannel.SMS, d.channel());
        assertEquals(SendChannel.SMS, sends.find(BRAND, d.id()).orElseThrow().channel());
        assertEquals(Map.of("channel", "Choose e-mail or SMS."), assertInstanceOf(Changed.Invalid.class,
                use.save(admin, new SaveCommand(Optional.empty(), "Fax", "tpl1", "news", "", 0, "FAX"))).problems());
        // the form before the channel: e-mail
        assertEquals(SendChannel.EMAIL, assertInstanceOf(Changed.Done.class, use.save(admin, new SaveCommand(
                Optional.empty(), "Mail", "tpl1", "news", "", 0))).send().channel());
        // edited to e-mail and back
        Send mail = assertInstanceOf(Changed.Done.class, use.save(admin, new SaveCommand(Optional.of(d.id()),
                "December", "tpl1", "news", "", d.version(), "EMAIL"))).send();
        assertEquals(SendChannel.EMAIL, mail.channel());

        SendsUseCase emailOnly = new SendsUseCase(sends, templates, portals, new InMemorySegments(), testLists, w.cards,
                mails::add, signer, fanout::start, new SetupAudit(new InMemoryAuditLog(), new SeededRandom(2), w.clock),
                new SeededRandom(2), w.clock);
        assertEquals(List.of(SendChannel.EMAIL), emailOnly.channels());
        assertEquals(Map.of("channel", "Only e-mail is configured here."), assertInstanceOf(Changed.Invalid.class,
                emailOnly.save(admin, new SaveCommand(Optional.empty(), "Text", "tpl1", "news", "", 0, "SMS")))
                .problems());
        Send text = smsDraft();
        assertEquals(Map.of("channel", "Only e-mail is configured here."), assertInstanceOf(Changed.Invalid.class,
                emailOnly.schedule(admin, text.id(), text.version(), Optional.of(w.clock.instant().plusSeconds(600)),
                        PORTAL)).problems());
    }

    @Test
    void a_test_texts_the_test_cards_phones_once_per_send_version_and_mails_nothing() {
        Card ada = member("+44 20 7946 0018", "Ada");
        Card national = member("020 7946 0019", "Bob");
        Card none = member(null, "Cy");
        testLists.create(new TestList(BRAND, "qa", "QA", List.of(ada.number(), national.number(), none.number()),
                TestWorld.START, 1));
        Send d = smsDraft();
        Changed.Done done = assertInstanceOf(Changed.Done.class, use.test(admin, d.id(), "qa", PORTAL));
        assertEquals("Test sent to 1 of 3 test cards (those with a phone written with its country).", done.note());
        assertEquals(SendStatus.TESTS, done.send().status());
        assertEquals(List.of(), mails);
        SmsMessage t = texts.get(0);
        assertEquals(List.of("sms-test-" + d.id() + "-" + ada.number().value() + "-" + d.version()),
                texts.stream().map(SmsMessage::id).toList());
        assertEquals("+442079460018", t.to());
        assertEquals("Hi Ada, card " + ada.number().lastFour() + "\nReply STOP to opt out", t.text(),
                "a promotional list's text ends with its opt-out hint");
        assertEquals("news", t.list());
    }

    @Test
    void a_started_sms_send_texts_each_member_with_a_usable_phone_once_and_counts_the_others() {
        Card ada = member("+44 20 7946 0018", "Ada");
        member("020 7946 0019", "Bob");
        member(null, "Cy");
        Card longName = member("+15550100123", "x".repeat(700));
        Card noName = member("+15550100124", null);
        Send d = smsDraft();
        Send queued = assertInstanceOf(Changed.Done.class, use.schedule(admin, d.id(), d.version(),
                Optional.of(w.clock.instant()), PORTAL)).send();
        assertEquals(SendStatus.QUEUED, queued.status());
        assertEquals(1, pages.size(), "due at once: started");
        assertEquals(SendFanoutUseCase.Result.SENT_PAGE, fanout.page(pages.get(0)));
        assertEquals(SendFanoutUseCase.Result.SKIPPED, fanout.page(pages.get(0)), "a duplicate page queues nothing");
        assertEquals(List.of("sms-send-" + d.id() + "-" + ada.number().value(),
                "sms-send-" + d.id() + "-" + noName.number().value()), texts.stream().map(SmsMessage::id).toList());
        assertEquals("Hi friend, card " + noName.number().lastFour() + "\nReply STOP to opt out", texts.get(1).text());
        assertEquals(List.of(), mails, "an SMS send mails nothing");
        Send sent = sends.find(BRAND, d.id()).orElseThrow();
        assertEquals(SendStatus.SENT, sent.status());
        assertEquals(2, sent.progress().queued());
        assertEquals(3, sent.progress().skipped(), "no phone, a national number, too long: " + longName.number());
    }

    @Test
    void a_phone_that_left_the_list_is_queued_as_an_unsubscribed_email_is_and_the_sender_skips_it() {
        Card ada = member("+44 20 7946 0018", "Ada");
        Card bob = member("0044 20 7946 0019", "Bob");
        PortalConfig config = portals.load(BRAND).orElseThrow();
        PreferencesUseCase prefs = new PreferencesUseCase(portals, w.events, w.clock);
        ContactKey adaPhone = SmsMessage.choicesKey("+44 20 7946 0018").orElseThrow();
        ContactKey bobPhone = SmsMessage.choicesKey("+44 20 7946 0019").orElseThrow();
        prefs.update(config, adaPhone, Set.of("news"), Map.of("news", false));
        prefs.update(config, bobPhone, Set.of("news"), Map.of("news", false));
        w.clock.advance(Duration.ofSeconds(1));
        prefs.update(config, bobPhone, Set.of(), Map.of("news", true)); // the later choice: Bob left
        Send d = smsDraft();
        use.schedule(admin, d.id(), d.version(), Optional.of(w.clock.instant()), PORTAL);
        assertEquals(SendFanoutUseCase.Result.SENT_PAGE, fanout.page(pages.get(0)));
        Send sent = sends.find(BRAND, d.id()).orElseThrow();
        assertEquals(2, sent.progress().queued(), "both queued, as the e-mail path queues an unsubscribed address");
        assertEquals(0, sent.progress().skipped());

        List<SmsMessage> delivered = new ArrayList<>();
        DeliverSmsUseCase deliver = new DeliverSmsUseCase(portals, portals, portals,
                (text, transactional) -> delivered.add(text), w.clock);
        assertEquals(List.of(Delivery.SENT, Delivery.UNSUBSCRIBED), texts.stream().map(deliver::deliver).toList());
        assertEquals(List.of("sms-send-" + d.id() + "-" + ada.number().value()),
                delivered.stream().map(SmsMessage::id).toList(), "not " + bob.number());
    }

    @Test
    void a_page_of_an_sms_send_in_a_graph_without_the_sms_queue_fails_and_records_nothing() {
        member("+44 20 7946 0018", "Ada");
        Send d = smsDraft();
        use.schedule(admin, d.id(), d.version(), Optional.of(w.clock.instant().plus(Duration.ofMinutes(5))), PORTAL);
        SendFanoutUseCase emailOnly = new SendFanoutUseCase(sends,
                (brand, cursor, limit) -> new BrandCardsPort.CardsPage(List.copyOf(brandCards), Optional.empty()),
                w.cards, new InMemorySegmentSnapshots(), portals, (page, delay) -> pages.add(page), mails::add, signer,
                w.clock);
        w.clock.advance(Duration.ofMinutes(6));
        assertEquals(1, emailOnly.runDue(BRAND).started());
        assertThrows(IllegalStateException.class, () -> emailOnly.page(pages.get(0)));
        assertEquals(List.of(), texts);
        assertEquals(Optional.empty(), sends.find(BRAND, d.id()).orElseThrow().progress().pages());
    }
}
