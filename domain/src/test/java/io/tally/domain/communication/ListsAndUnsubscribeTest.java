package io.tally.domain.communication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.communication.UnsubscribeUseCase.Answer;
import io.tally.domain.email.DeliverEmailUseCase;
import io.tally.domain.email.DeliverEmailUseCase.Delivery;
import io.tally.domain.email.EmailKind;
import io.tally.domain.email.EmailMessage;
import io.tally.domain.fakes.MemberWorld;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.PreferencesUseCase;
import io.tally.domain.member.PreferencesUseCase.ListChoice;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.portal.SubscriptionList;
import io.tally.domain.shared.SignedTokens;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Subscription lists, the preferences page's writes, the one-click unsubscribe link and what delivery makes of them. */
class ListsAndUnsubscribeTest {
    private static final String PORTAL = "https://rewards.example.com/portal/" + TestWorld.BRAND.value();
    private final MemberWorld m = new MemberWorld();
    private final PreferencesUseCase prefs = new PreferencesUseCase(m.stores, m.world.events, m.world.clock);
    private final UnsubscribeLinks links = m.links.unsubscribe();
    private final UnsubscribeUseCase unsubscribe = new UnsubscribeUseCase(links, prefs, m.world.clock);
    private final DeliverEmailUseCase deliver = new DeliverEmailUseCase(m.stores, m.stores, m.stores, m.mail, m.mail,
            m.world.clock);
    private final ContactKey bob = ContactKey.email("bob@example.com");

    {
        m.stores.save(m.config);
    }

    private Map<String, Boolean> shown(PortalConfig config) {
        return prefs.view(config, bob).stream().collect(Collectors.toMap(c -> c.list().id(), ListChoice::on));
    }

    private EmailMessage news(String id, Map<String, String> headers) {
        return new EmailMessage(id, TestWorld.BRAND, EmailKind.INVITATION, "bob@example.com", "news", Map.of(), headers);
    }

    private Map<String, String> headers(String list) {
        return links.headers(PORTAL, TestWorld.BRAND, list, "bob@example.com", m.world.clock.instant());
    }

    @Test
    void the_page_writes_only_the_boxes_changed_so_a_stale_page_keeps_a_later_unsubscribe() {
        Map<String, Boolean> stalePage = shown(m.config);
        prefs.update(m.config, bob, Set.of("news", "invitations"), stalePage);
        Map<String, Boolean> page = shown(m.config);
        assertEquals(Map.of("account", true, "news", true, "invitations", true), page);

        m.world.clock.advance(Duration.ofSeconds(1));
        unsubscribe.unsubscribe(m.config, links.token(TestWorld.BRAND, "news", "bob@example.com", m.world.clock.instant()));
        m.world.clock.advance(Duration.ofSeconds(1));
        prefs.update(m.config, bob, Set.of("news"), page); // the member only unticked invitations on the old page
        assertEquals(Map.of("account", true, "news", false, "invitations", false), shown(m.config),
                "news stays left: the old page never changed its box");
    }

    @Test
    void archived_lists_are_not_shown_and_send_nothing_but_keep_their_choices() {
        prefs.update(m.config, bob, Set.of("news"), shown(m.config));
        PortalConfig archived = m.config.withLists(m.config.subscriptionLists().stream()
                .map(l -> l.id().equals("news") ? l.withArchived(true) : l).toList());
        m.stores.save(archived);
        assertEquals(Set.of("account", "invitations"), shown(archived).keySet());
        assertEquals(Delivery.LIST_ARCHIVED, deliver.deliver(news("n-1", headers("news"))));

        m.stores.save(m.config);
        assertEquals(Delivery.SENT, deliver.deliver(news("n-2", headers("news"))), "restored: bob is on it again");
        assertThrows(IllegalArgumentException.class, () -> m.config.transactionalList().withArchived(true));
        assertThrows(IllegalArgumentException.class, () -> m.config.withLists(m.config.subscriptionLists().stream()
                .map(l -> l.id().equals("invitations") ? l.withArchived(true) : l).toList()), "referral invitations use it");
    }

    @Test
    void a_promotional_email_goes_out_only_with_its_unsubscribe_headers_and_they_reach_the_sender() {
        prefs.update(m.config, bob, Set.of("news"), shown(m.config));
        assertEquals(Delivery.NO_UNSUBSCRIBE_LINK, deliver.deliver(news("n-1", Map.of())));
        assertEquals(Delivery.SENT, deliver.deliver(news("n-2", headers("news"))));
        var sent = m.mail.sent().get(0);
        assertTrue(sent.headers().get("List-Unsubscribe").startsWith("<" + PORTAL + "/unsubscribe?t="));
        assertEquals("List-Unsubscribe=One-Click", sent.headers().get("List-Unsubscribe-Post"));

        var welcome = new EmailMessage("w-1", TestWorld.BRAND, EmailKind.WELCOME, "bob@example.com", "account", Map.of());
        assertEquals(Delivery.SENT, deliver.deliver(welcome), "the transactional list needs no link");
        assertTrue(m.mail.sent().get(1).headers().keySet().stream().noneMatch(h -> h.startsWith("List-")));
    }

    @Test
    void messages_carry_only_known_headers_without_line_breaks() {
        assertThrows(IllegalArgumentException.class, () -> news("x", Map.of("Bcc", "eve@example.com")));
        assertThrows(IllegalArgumentException.class, () -> news("x", Map.of("List-Unsubscribe",
                "<https://a.example/u>\r\nBcc: eve@example.com")));
    }

    @Test
    void the_link_unsubscribes_from_its_list_at_once_and_twice_is_fine() {
        prefs.update(m.config, bob, Set.of("news", "invitations"), shown(m.config));
        String token = links.token(TestWorld.BRAND, "news", "bob@example.com", m.world.clock.instant());

        Answer looked = unsubscribe.look(m.config, token);
        assertEquals(new Answer.ForList(m.config.list("news").orElseThrow(), bob), looked);
        assertTrue(shown(m.config).get("news"), "looking changes nothing (mail scanners open links)");

        m.world.clock.advance(Duration.ofSeconds(1));
        assertEquals(looked, unsubscribe.unsubscribe(m.config, token));
        assertFalse(shown(m.config).get("news"));
        assertTrue(shown(m.config).get("invitations"), "only the link's list");
        assertEquals(Delivery.UNSUBSCRIBED, deliver.deliver(news("n-1", headers("news"))));
        m.world.clock.advance(Duration.ofSeconds(1));
        assertEquals(looked, unsubscribe.unsubscribe(m.config, token));
        assertTrue(m.world.events.published().stream().anyMatch(e -> e.type().equals("member.preferences")
                && "UNSUBSCRIBE_LINK".equals(e.data().get("source")) && "false".equals(e.data().get("list.news"))));
    }

    @Test
    void tampered_expired_foreign_and_transactional_links_are_told_apart_and_change_nothing() {
        String token = links.token(TestWorld.BRAND, "news", "bob@example.com", m.world.clock.instant());
        String tampered = token.replace(token.substring(0, 4), "AAAA");
        assertInstanceOf(Answer.Invalid.class, unsubscribe.unsubscribe(m.config, tampered));
        assertInstanceOf(Answer.Invalid.class, unsubscribe.unsubscribe(m.config, token.substring(0, token.length() - 3)));
        assertInstanceOf(Answer.Invalid.class, unsubscribe.unsubscribe(m.config, ""));
        assertInstanceOf(Answer.Invalid.class, unsubscribe.unsubscribe(m.config,
                links.token(new BrandId("other"), "news", "bob@example.com", m.world.clock.instant())));
        assertInstanceOf(Answer.Invalid.class, unsubscribe.unsubscribe(m.config,
                links.token(TestWorld.BRAND, "account", "bob@example.com", m.world.clock.instant())));
        assertInstanceOf(Answer.Invalid.class, unsubscribe.unsubscribe(m.config,
                m.links.preferences(TestWorld.BRAND, "bob@example.com", m.world.clock.instant())), "another link's token");
        assertInstanceOf(Answer.Invalid.class, new UnsubscribeUseCase(new UnsubscribeLinks(new SignedTokens(new byte[]{
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
                31, 32})), prefs, m.world.clock).unsubscribe(m.config, token), "another secret's");

        m.world.clock.advance(UnsubscribeLinks.VALIDITY.plusSeconds(1));
        assertInstanceOf(Answer.Expired.class, unsubscribe.unsubscribe(m.config, token));
        assertTrue(m.stores.load(TestWorld.BRAND, bob).isEmpty(), "nothing was written");
    }

    @Test
    void an_invitation_carries_its_unsubscribe_link() {
        List<SubscriptionList> lists = m.config.subscriptionLists();
        assertTrue(lists.stream().anyMatch(SubscriptionList::transactional));
        var message = new EmailMessage("i", TestWorld.BRAND, EmailKind.INVITATION, "bob@example.com", "invitations",
                Map.of(), m.links.unsubscribe().headers(PORTAL, TestWorld.BRAND, "invitations", "bob@example.com",
                m.world.clock.instant()));
        assertTrue(message.unsubscribable());
        assertEquals(Delivery.SENT, deliver.deliver(message), "invitations are on by default");
    }
}
