package io.tally.domain.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.communication.TemplateMail;
import io.tally.domain.delivery.DeliveryEvent.Kind;
import io.tally.domain.email.ClaimedEmailListener;
import io.tally.domain.email.DeliverEmailUseCase;
import io.tally.domain.email.TemplateEmailsPort;
import io.tally.domain.email.DeliverEmailUseCase.Delivery;
import io.tally.domain.fakes.InMemoryDeliveryStats;
import io.tally.domain.fakes.MemberWorld;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.PreferencesUseCase;
import io.tally.domain.shared.SignedTokens;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What a complaint, a hard bounce and our own tracking links do, and the report's figures and rates. */
class ComplaintsBouncesAndTrackingTest {
    private static final String PORTAL = "https://rewards.example.com/portal/" + TestWorld.BRAND.value();
    private static final String BOB = "bob@example.com";
    private final MemberWorld m = new MemberWorld();
    private final InMemoryDeliveryStats store = new InMemoryDeliveryStats();
    private final PreferencesUseCase prefs = new PreferencesUseCase(m.stores, m.world.events, m.world.clock);
    private final RecordDeliveryUseCase record = new RecordDeliveryUseCase(store, store, prefs, m.stores,
            b -> ZoneOffset.UTC, m.world.clock);
    private final DeliverEmailUseCase deliver = new DeliverEmailUseCase(m.stores, m.stores, m.stores, m.mail, m.mail,
            (msg, b) -> new TemplateEmailsPort.Result.Rendered(m.mail.render(msg, b)), m.world.clock, ClaimedEmailListener.NONE, new BounceDrops(store, record, m.world.clock));
    private final TrackingLinks links = new TrackingLinks(new SignedTokens("tracking-secret-of-the-tests-32-chars+".getBytes()));
    private final TrackingUseCase tracking = new TrackingUseCase(links, record, m.world.clock);
    private final StatisticsUseCase statistics = new StatisticsUseCase(store, RevenuePort.NONE);
    private final LocalDate today = LocalDate.ofInstant(TestWorld.START, ZoneOffset.UTC);

    {
        m.stores.save(m.config);
        prefs.update(m.config, ContactKey.email(BOB), Set.of("news"), Map.of());
    }

    private TemplateMail mail(String mailing) {
        return new TemplateMail(mailing + "-4000000000000002", TestWorld.BRAND, mailing, "tpl-1", 1,
                new CardNumber("4000000000000002"), BOB, "news", Optional.of("L1"), Optional.empty());
    }

    private DeliveryEvent providerEvent(String id, Kind kind, String list) {
        return new DeliveryEvent(id, TestWorld.BRAND, kind, "send-s1", Optional.of(list), Optional.of("L1"),
                DeliveryEvent.recipientOf(BOB), Optional.of(BOB), m.world.clock.instant());
    }

    private Figures total() {
        return statistics.report(TestWorld.BRAND, new StatisticsUseCase.Filter(today, today.plusDays(1), Set.of(), Set.of()))
                .total();
    }

    private boolean onNews() {
        return m.stores.load(TestWorld.BRAND, ContactKey.email(BOB)).flatMap(p -> p.choice("news")).orElse(false);
    }

    @Test
    void a_complaint_unsubscribes_from_the_messages_list_at_once_and_counts_one_spam_report() {
        m.world.clock.advance(Duration.ofSeconds(5));
        record.record(providerEvent("sns-1", Kind.COMPLAINT, "news"));
        record.record(providerEvent("sns-2", Kind.COMPLAINT, "news")); // the same user reporting again
        assertFalse(onNews());
        assertEquals(1, total().spamReports(), "spam reports count users");
        var message = mail("send-s2").message(m.links.unsubscribe().headers(PORTAL, TestWorld.BRAND, "news", BOB,
                m.world.clock.instant()));
        assertEquals(Delivery.UNSUBSCRIBED, deliver.deliver(message));

        m.world.clock.advance(Duration.ofSeconds(5));
        prefs.update(m.config, ContactKey.email(BOB), Set.of("news"), Map.of("news", false));
        assertTrue(onNews(), "the member's later choice wins over the complaint");
    }

    @Test
    void a_complaint_about_a_transactional_message_changes_no_list() {
        record.record(providerEvent("sns-1", Kind.COMPLAINT, "account"));
        assertTrue(onNews());
        assertTrue(m.stores.load(TestWorld.BRAND, ContactKey.email(BOB)).flatMap(p -> p.choice("account")).isEmpty());
    }

    @Test
    void after_a_hard_bounce_the_next_send_is_a_bounce_drop_counted_once() {
        var headers = m.links.unsubscribe().headers(PORTAL, TestWorld.BRAND, "news", BOB, m.world.clock.instant());
        assertEquals(Delivery.SENT, deliver.deliver(mail("send-s1").message(headers)));
        record.record(providerEvent("sns-1", Kind.HARD_BOUNCE, "news"));
        record.record(providerEvent("sns-1", Kind.HARD_BOUNCE, "news")); // SNS delivered it twice

        var next = mail("send-s2").message(headers);
        assertEquals(Delivery.BOUNCE_DROP, deliver.deliver(next));
        assertEquals(Delivery.BOUNCE_DROP, deliver.deliver(next), "redelivered: dropped again");
        assertEquals(1, m.mail.sent().size());
        Figures total = total();
        assertEquals(1, total.hardBounces());
        assertEquals(1, total.bounceDrops(), "one message dropped, however often it came");
        assertTrue(store.find(TestWorld.BRAND, "Bob@Example.com"), "the mark is the address, whatever its case");
    }

    @Test
    void tracked_html_signs_links_but_not_the_unsubscribe_link_and_appends_the_image() {
        String html = "<html><body><p><a href=\"https://shop.example/a?x=1&amp;y=2\">Shop</a> "
                + "<a href=\"" + PORTAL + "/unsubscribe?t=abc\">Unsubscribe</a> <a href=\"mailto:x@example.com\">m</a></p>"
                + "</body></html>";
        String out = new TrackedHtml(links).apply(html, mail("send-s1"), PORTAL, m.world.clock.instant());
        assertTrue(out.contains("href=\"" + PORTAL + "/unsubscribe?t=abc\""), out);
        assertTrue(out.contains("href=\"mailto:x@example.com\""), out);
        assertFalse(out.contains("shop.example"), "the destination travels inside the signed token only");
        assertTrue(out.matches("(?s).*<img src=\"" + Pattern.quote(PORTAL) + "/o\\?t=[^\"]+\" width=\"1\" height=\"1\""
                + "[^>]*></body></html>"), out);

        String click = token(out, "/c?t=");
        assertEquals(Optional.of("https://shop.example/a?x=1&y=2"), tracking.click(TestWorld.BRAND, click));
        assertEquals(Optional.of("https://shop.example/a?x=1&y=2"), tracking.click(TestWorld.BRAND, click),
                "a repeat within the minute still redirects (and is not counted again)");
        m.world.clock.advance(java.time.Duration.ofMinutes(1));
        assertEquals(Optional.of("https://shop.example/a?x=1&y=2"), tracking.click(TestWorld.BRAND, click));
        assertTrue(tracking.open(TestWorld.BRAND, token(out, "/o?t=")));
        Figures total = total();
        assertEquals(List.of(2L, 1L, 1L, 1L), List.of(total.clicks(), total.uniqueClicks(), total.opens(), total.uniqueOpens()));
    }

    @Test
    void a_tampered_or_other_brands_token_is_refused_and_writes_nothing() {
        String out = new TrackedHtml(links).apply("<p><a href=\"https://shop.example/\">x</a></p>", mail("send-s1"),
                PORTAL, m.world.clock.instant());
        String click = token(out, "/c?t=");
        String open = token(out, "/o?t=");
        String tampered = click.substring(0, 10) + (click.charAt(10) == 'A' ? 'B' : 'A') + click.substring(11);
        assertEquals(Optional.empty(), tracking.click(TestWorld.BRAND, tampered));
        assertEquals(Optional.empty(), tracking.click(TestWorld.OTHER_BRAND, click));
        assertEquals(Optional.empty(), tracking.click(TestWorld.BRAND, open), "an open token is no click token");
        assertFalse(tracking.open(TestWorld.BRAND, open.substring(0, open.length() - 2)));
        assertEquals(Figures.ZERO, total());
    }

    @Test
    void a_test_sends_events_act_but_never_count() {
        String out = new TrackedHtml(links).apply("<p><a href=\"https://shop.example/\">x</a></p>", mail("test-s1"),
                PORTAL, m.world.clock.instant());
        assertTrue(tracking.open(TestWorld.BRAND, token(out, "/o?t=")));
        assertEquals(Figures.ZERO, total());
    }

    @Test
    void rates_are_the_glossarys_quotients() {
        Figures f = new Figures(3, 2, 9, 2, 5, 1, 0, 0, 1, 0);
        assertEquals("66.7%", f.deliveredRate().orElseThrow().percent(), "delivered / send requests");
        assertEquals("100.0%", f.openRate().orElseThrow().percent(), "unique opens / delivered");
        assertEquals("50.0%", f.clickRate().orElseThrow().percent(), "unique clicks / delivered");
        assertEquals("50.0%", f.adjustedClickRate().orElseThrow().percent(), "unique clicks / unique opens");
        assertTrue(Figures.ZERO.openRate().isEmpty(), "nothing delivered: no rate");
    }

    private static String token(String html, String path) {
        Matcher t = Pattern.compile(Pattern.quote(path) + "([A-Za-z0-9_.\\-]+)").matcher(html);
        assertTrue(t.find(), html);
        return t.group(1);
    }
}
