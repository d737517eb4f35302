package io.tally.domain.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.fakes.MemberWorld;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.PreferencesPort.Choice;
import io.tally.domain.member.PreferencesPort.Source;
import io.tally.domain.portal.SubscriptionList;
import io.tally.domain.sms.DeliverSmsUseCase.Delivery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Delivering queued text messages: each once, never to a phone that left the list, nothing on an archived list. */
class DeliverSmsUseCaseTest {
    private final MemberWorld m = new MemberWorld();
    private final List<SmsMessage> sent = new ArrayList<>();
    private final DeliverSmsUseCase deliver = new DeliverSmsUseCase(m.stores, m.stores, m.stores, (sms, transactional) -> sent.add(sms),
            m.world.clock);

    {
        m.stores.save(m.config);
    }

    private SmsMessage sms(String id, String list) {
        return new SmsMessage(id, TestWorld.BRAND, "+442079460018", list,
                "Hi Ada, 20% off today at Downtown.\nReply STOP to opt out");
    }

    @Test
    void a_message_is_sent_once_however_often_it_is_queued() {
        assertEquals(Delivery.SENT, deliver.deliver(sms("sms-send-1-42", "account")));
        assertEquals(Delivery.ALREADY_SENT, deliver.deliver(sms("sms-send-1-42", "account")));
        assertEquals(1, sent.size());
    }

    @Test
    void a_phone_that_left_the_list_gets_nothing_and_a_default_on_list_needs_no_choice() {
        assertEquals(Delivery.UNSUBSCRIBED, deliver.deliver(sms("sms-a", "news")), "news is opt-in");
        assertEquals(Delivery.SENT, deliver.deliver(sms("sms-b", "invitations")), "invitations default on");
        ContactKey phone = ContactKey.phone("+44 20 7946 0018");
        m.stores.choose(TestWorld.BRAND, phone, new Choice("news", true, m.world.clock.instant(), Source.PAGE));
        m.world.clock.advance(Duration.ofSeconds(1));
        m.stores.choose(TestWorld.BRAND, phone, new Choice("invitations", false, m.world.clock.instant(), Source.PAGE));
        assertEquals(Delivery.SENT, deliver.deliver(sms("sms-c", "news")));
        assertEquals(Delivery.UNSUBSCRIBED, deliver.deliver(sms("sms-d", "invitations")));
        assertEquals(List.of("sms-b", "sms-c"), sent.stream().map(SmsMessage::id).toList());
    }

    @Test
    void a_promotional_text_without_its_opt_out_hint_is_refused_a_transactional_one_needs_none() {
        m.stores.choose(TestWorld.BRAND, ContactKey.phone("+442079460018"), new Choice("news", true,
                m.world.clock.instant(), Source.PAGE));
        assertEquals(Delivery.NO_OPT_OUT_HINT, deliver.deliver(new SmsMessage("sms-i", TestWorld.BRAND,
                "+442079460018", "news", "Hi Ada, 20% off today. Stop by!")));
        assertEquals(Delivery.NO_OPT_OUT_HINT, deliver.deliver(new SmsMessage("sms-test-j", TestWorld.BRAND,
                "+442079460018", "news", "Hi Ada")), "a test of a promotional text too");
        assertEquals(Delivery.SENT, deliver.deliver(new SmsMessage("sms-k", TestWorld.BRAND, "+442079460018",
                "news", "Hi Ada, 20% off today. Text STOP to end these.")), "the brand's own wording stands");
        assertEquals(Delivery.SENT, deliver.deliver(new SmsMessage("sms-l", TestWorld.BRAND, "+442079460018",
                "account", "Your sign-in code is 123456")));
        assertEquals(List.of("sms-k", "sms-l"), sent.stream().map(SmsMessage::id).toList());
        assertTrue(m.stores.claim(TestWorld.BRAND, "sms-i", m.world.clock.instant()), "a refused text is not claimed");
    }

    @Test
    void a_phones_choice_counts_however_its_card_writes_the_number() {
        assertEquals(SmsMessage.choicesKey("+44 (20) 7946-0018"), SmsMessage.choicesKey("0044 20 7946 0018"));
        assertEquals(Optional.of(ContactKey.phone("442079460018")), SmsMessage.choicesKey("+44 20 7946 0018"));
        assertEquals(Optional.empty(), SmsMessage.choicesKey("020 7946 0018"), "never texted, so no choices");
        m.stores.choose(TestWorld.BRAND, SmsMessage.choicesKey("0044 20 7946 0018").orElseThrow(),
                new Choice("invitations", false, m.world.clock.instant(), Source.PAGE));
        assertEquals(Delivery.UNSUBSCRIBED, deliver.deliver(sms("sms-m", "invitations")));
        assertTrue(sent.isEmpty());
    }

    @Test
    void a_sends_test_reaches_the_test_user_whatever_their_list_choice() {
        assertEquals(Delivery.UNSUBSCRIBED, deliver.deliver(sms("sms-send-s1-42", "news")), "news is opt-in");
        assertEquals(Delivery.SENT, deliver.deliver(sms("sms-test-s1-42-3", "news")));
        assertEquals(Delivery.ALREADY_SENT, deliver.deliver(sms("sms-test-s1-42-3", "news")));
    }

    @Test
    void an_archived_list_or_a_brand_without_portal_sends_nothing_and_claims_nothing() {
        m.stores.save(m.config.withLists(List.of(new SubscriptionList("account", "Account messages", true, true),
                new SubscriptionList("news", "News", false, true, true),
                new SubscriptionList("invitations", "Invitations from friends", false, true))));
        assertEquals(Delivery.LIST_ARCHIVED, deliver.deliver(sms("sms-e", "news")));
        assertEquals(Delivery.NO_PORTAL, deliver.deliver(new SmsMessage("sms-f", TestWorld.OTHER_BRAND,
                "+15550100123", "account", "Hi")));
        assertTrue(sent.isEmpty());
        assertTrue(m.stores.claim(TestWorld.BRAND, "sms-e", m.world.clock.instant()), "not claimed");
    }

    @Test
    void numbers_must_name_their_country_and_texts_their_length() {
        assertEquals(Optional.of("+442079460018"), SmsMessage.e164("+44 (20) 7946-0018"));
        assertEquals(Optional.of("+442079460018"), SmsMessage.e164("0044 20 7946 0018"));
        assertEquals(Optional.empty(), SmsMessage.e164("020 7946 0018"), "national: no country, no text");
        assertEquals(Optional.empty(), SmsMessage.e164("+0123456789"));
        assertThrows(IllegalArgumentException.class, () -> new SmsMessage("sms-g", TestWorld.BRAND, "02079460018",
                "account", "Hi"));
        assertThrows(IllegalArgumentException.class, () -> new SmsMessage("sms-g", TestWorld.BRAND, "+442079460018",
                "account", "x".repeat(613)));
        assertEquals("SmsMessage[sms-h]", new SmsMessage("sms-h", TestWorld.BRAND, "+442079460018", "account", "Hi")
                .toString(), "no number or text in logs");
    }

    @Test
    void segments_count_gsm_and_ucs2_texts_as_the_networks_do() {
        assertEquals(1, SmsText.segments("a".repeat(160)));
        assertEquals(2, SmsText.segments("a".repeat(161)));
        assertEquals(4, SmsText.segments("a".repeat(612)));
        assertEquals(5, SmsText.segments("a".repeat(613)));
        assertEquals(2, SmsText.segments("€".repeat(80) + "a"), "extension characters count twice");
        assertEquals(1, SmsText.segments("ü".repeat(160)), "in the GSM alphabet");
        assertEquals(1, SmsText.segments("ç".repeat(70)), "lower-case c cedilla is not: UCS-2");
        assertEquals(2, SmsText.segments("ç".repeat(71)));
        assertEquals(2, SmsText.segments("😀".repeat(36)), "a surrogate pair counts twice");
    }
}
