package io.tally.domain.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.communication.CardMailing;
import io.tally.domain.delivery.DeliveryEvent.Kind;
import io.tally.domain.fakes.InMemoryCardMailings;
import io.tally.domain.fakes.InMemoryDeliveryStats;
import io.tally.domain.fakes.MemberWorld;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.sms.ClaimedSmsListener;
import io.tally.domain.sms.DeliverSmsUseCase;
import io.tally.domain.sms.DeliverSmsUseCase.Delivery;
import io.tally.domain.sms.SmsMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A send's texts in the delivery statistics and the card's mailings: the send request counted once per text by the SMS
 * sender (the provider publishes no sending event), however often the text is redelivered and wherever a crash cut
 * the recording short; the provider's events counted on the SMS channel; a test counts nothing.
 */
class TextSendsTest {
    private static final CardNumber CARD = new CardNumber("4000000000000002");
    private static final String PHONE = "+442079460018";
    private final MemberWorld m = new MemberWorld();
    private final InMemoryDeliveryStats stats = new InMemoryDeliveryStats();
    private final InMemoryCardMailings mailings = new InMemoryCardMailings();
    private final RecordDeliveryUseCase record = new RecordDeliveryUseCase(stats, RecordDeliveryUseCase.Actions.NONE,
            b -> ZoneOffset.UTC, m.world.clock);
    private final RecordTextSends texts = new RecordTextSends(mailings, record);
    private final List<SmsMessage> sent = new ArrayList<>();
    private final LocalDate today = LocalDate.ofInstant(TestWorld.START, ZoneOffset.UTC);

    {
        m.stores.save(m.config);
    }

    private DeliverSmsUseCase deliver(ClaimedSmsListener listener) {
        return new DeliverSmsUseCase(m.stores, m.stores, m.stores, (sms, transactional) -> sent.add(sms),
                m.world.clock, listener);
    }

    private static SmsMessage text(String mailing) {
        return new SmsMessage("sms-" + mailing + "-" + CARD.value(), TestWorld.BRAND, PHONE, "account",
                "Hi Ada, 20% off today.", Optional.of(new SmsMessage.Origin(mailing, CARD, "tpl-1", Optional.of("L1"))));
    }

    private Map<String, Figures> byCounter() {
        Map<String, Figures> out = new TreeMap<>();
        for (DeliveryStatsPort.Row row : stats.load(TestWorld.BRAND, today, today.plusDays(1))) {
            assertEquals(CardMailing.Channel.SMS, row.counter().channel());
            out.put(row.counter().mailing() + row.counter().location().map(l -> "@" + l).orElse(""), row.figures());
        }
        return out;
    }

    @Test
    void a_sends_text_counts_one_send_request_and_keeps_the_cards_mailing_however_often_it_arrives() {
        DeliverSmsUseCase deliver = deliver(texts);
        assertEquals(Delivery.SENT, deliver.deliver(text("send-s2")));
        m.world.clock.advance(Duration.ofMinutes(1));
        assertEquals(Delivery.ALREADY_SENT, deliver.deliver(text("send-s2")));
        assertEquals(1, sent.size());
        Figures one = new Figures(1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertEquals(Map.of("send-s2", one, "send-s2@L1", one), byCounter());
        List<CardMailing> kept = mailings.newest(TestWorld.BRAND, CARD, 10);
        assertEquals(1, kept.size());
        assertEquals(CardMailing.Channel.SMS, kept.get(0).channel());
        assertEquals("send-s2", kept.get(0).mailing());
        assertEquals(TestWorld.START, kept.get(0).sentAt(), "the first recording stands");
        assertEquals(0, stats.pendingMarkers());
    }

    @Test
    void a_crash_after_the_send_before_the_recording_is_mended_by_the_redelivery_which_sends_nothing() {
        AtomicInteger calls = new AtomicInteger();
        ClaimedSmsListener crashesOnce = (message, at) -> {
            if (calls.getAndIncrement() == 0) {
                throw new IllegalStateException("the process died");
            }
            texts.claimed(message, at);
        };
        DeliverSmsUseCase deliver = deliver(crashesOnce);
        assertThrows(IllegalStateException.class, () -> deliver.deliver(text("send-s2")));
        assertTrue(byCounter().isEmpty());
        assertEquals(Delivery.ALREADY_SENT, deliver.deliver(text("send-s2")));
        assertEquals(Delivery.ALREADY_SENT, deliver.deliver(text("send-s2")));
        assertEquals(1, sent.size());
        assertEquals(1, byCounter().get("send-s2").sendRequests());
        assertEquals(1, mailings.newest(TestWorld.BRAND, CARD, 10).size());
    }

    @Test
    void a_text_the_provider_refused_is_never_counted_nor_kept_however_often_it_comes_back() {
        DeliverSmsUseCase refusing = new DeliverSmsUseCase(m.stores, m.stores, m.stores, (sms, transactional) -> {
            throw new IllegalStateException("SendTextMessage answered 400 ConflictException (opted out)");
        }, m.world.clock, texts);
        assertThrows(IllegalStateException.class, () -> refusing.deliver(text("send-s2")));
        assertEquals(Delivery.NOT_HANDED, refusing.deliver(text("send-s2")), "never sent twice");
        assertEquals(Delivery.NOT_HANDED, deliver(texts).deliver(text("send-s2")), "nor sent by a sender that would");
        assertEquals(0, sent.size());
        assertTrue(byCounter().isEmpty(), "no send request for a text nobody took");
        assertTrue(mailings.newest(TestWorld.BRAND, CARD, 10).isEmpty(), "no mailing to attribute revenue to");
    }

    @Test
    void a_redelivery_a_day_later_counts_on_the_day_the_text_was_taken() {
        AtomicInteger calls = new AtomicInteger();
        DeliverSmsUseCase deliver = deliver((message, at) -> {
            if (calls.getAndIncrement() == 0) {
                throw new IllegalStateException("the process died before recording");
            }
            texts.claimed(message, at);
        });
        assertThrows(IllegalStateException.class, () -> deliver.deliver(text("send-s2")));
        m.world.clock.advance(Duration.ofDays(1));
        assertEquals(Delivery.ALREADY_SENT, deliver.deliver(text("send-s2")));
        assertEquals(1, byCounter().get("send-s2").sendRequests());
        assertEquals(List.of(today), stats.load(TestWorld.BRAND, today, today.plusDays(1)).stream()
                .map(r -> r.counter().day()).distinct().toList(), "the day it was taken, not the redelivery's");
        assertEquals(TestWorld.START, mailings.newest(TestWorld.BRAND, CARD, 10).get(0).sentAt());
    }

    @Test
    void a_tests_text_and_a_text_of_no_mailing_count_nothing_and_keep_no_mailing() {
        DeliverSmsUseCase deliver = deliver(texts);
        assertEquals(Delivery.SENT, deliver.deliver(text("test-s2-1")));
        assertEquals(Delivery.SENT, deliver.deliver(new SmsMessage("sms-code-1", TestWorld.BRAND, PHONE, "account",
                "Your code is 123456")));
        assertEquals(2, sent.size());
        assertTrue(byCounter().isEmpty());
        assertTrue(mailings.newest(TestWorld.BRAND, CARD, 10).isEmpty());
    }

    @Test
    void the_providers_events_count_deliveries_and_bounces_on_the_sms_channel_once_each() {
        deliver(texts).deliver(text("send-s2"));
        DeliveryEvent delivered = DeliveryEvent.ofText("sms-d1", TestWorld.BRAND, Kind.DELIVERY, "send-s2",
                Optional.of("account"), Optional.of("L1"), PHONE, m.world.clock.instant());
        assertEquals(RecordDeliveryUseCase.Outcome.COUNTED, record.record(delivered));
        assertEquals(RecordDeliveryUseCase.Outcome.ALREADY_COUNTED, record.record(delivered));
        record.record(DeliveryEvent.ofText("sms-b1", TestWorld.BRAND, Kind.HARD_BOUNCE, "send-s2",
                Optional.of("account"), Optional.empty(), PHONE, m.world.clock.instant()));
        Figures all = byCounter().get("send-s2");
        assertEquals(new Figures(1, 1, 0, 0, 0, 0, 0, 0, 1, 0), all);
        assertEquals(Optional.of(new Figures.Rate(1, 1)), all.deliveredRate());
    }
}
