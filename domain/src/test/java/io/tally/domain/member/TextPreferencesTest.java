package io.tally.domain.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.account.MemberAccountUseCase;
import io.tally.domain.account.ProfileEventsSource;
import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.fakes.InMemoryCouponPort;
import io.tally.domain.fakes.MemberWorld;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.member.PreferencesUseCase.ListChoice;
import io.tally.domain.shared.Fingerprint;
import io.tally.domain.sms.SmsMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A member's text message list choices: kept per phone under its E.164 digits (the same items and rule as an e-mail's:
 * the later choice wins), shown for the subscription lists only, found through the member's cards by e-mail.
 */
class TextPreferencesTest {
    private final MemberWorld m = new MemberWorld();
    private final TestWorld w = m.world;
    private final PreferencesUseCase prefs = new PreferencesUseCase(m.stores, w.events, w.clock);
    private final ContactKey phone = SmsMessage.choicesKey("+44 20 7946 0018").orElseThrow();
    private final ContactKey email = ContactKey.email("ada@example.com");

    private Map<String, Boolean> shown(ContactKey who) {
        return prefs.view(m.config, who).stream().collect(Collectors.toMap(c -> c.list().id(), ListChoice::on));
    }

    private List<DomainEvent> changes() {
        return w.events.published().stream().filter(e -> e.type().equals("member.preferences")).toList();
    }

    @Test
    void a_phones_boxes_are_the_subscription_lists_and_its_choices_are_its_own() {
        assertEquals(Map.of("news", false, "invitations", true), shown(phone), "no transactional box, the defaults");
        prefs.update(m.config, phone, Set.of("news", "invitations"), shown(phone));
        assertEquals(Map.of("news", true, "invitations", true), shown(phone));
        assertEquals(Map.of("news", true), m.stores.load(TestWorld.BRAND, ContactKey.phone("442079460018"))
                .orElseThrow().lists(), "only the box changed is written, keyed by the E.164 digits");
        assertTrue(m.stores.load(TestWorld.BRAND, email).isEmpty(), "the e-mail's choices are apart");
        assertEquals(Map.of("account", true, "news", false, "invitations", true), shown(email));

        DomainEvent event = changes().get(0);
        assertEquals(Map.of("recipient", Fingerprint.of("phone:442079460018"), "source", "PAGE", "channel", "sms",
                "list.news", "true"), event.data());
        prefs.update(m.config, email, Set.of(), shown(email));
        assertEquals(2, changes().size());
        assertEquals("email", changes().get(1).data().get("channel"));
    }

    @Test
    void however_the_card_writes_the_number_it_is_one_phone() {
        prefs.update(m.config, SmsMessage.choicesKey("0044 (20) 7946-0018").orElseThrow(),
                Set.of("news", "invitations"), Map.of("news", false, "invitations", true));
        assertEquals(Map.of("news", true, "invitations", true), shown(phone));
        assertEquals(Optional.empty(), SmsMessage.choicesKey("020 7946 0018"), "a national number: never texted");
    }

    @Test
    void the_later_choice_wins_so_a_stale_page_does_not_undo_a_later_leave() {
        Map<String, Boolean> first = shown(phone);
        prefs.update(m.config, phone, Set.of("news", "invitations"), first); // joins news
        Map<String, Boolean> stale = shown(phone);
        w.clock.advance(Duration.ofSeconds(1));
        prefs.update(m.config, phone, Set.of("invitations"), shown(phone)); // another page: leaves news
        w.clock.advance(Duration.ofSeconds(1));
        prefs.update(m.config, phone, Set.of("news"), stale); // the stale page unticks invitations only
        assertEquals(Map.of("news", false, "invitations", false), shown(phone));
        assertFalse(m.stores.choose(TestWorld.BRAND, phone, new PreferencesPort.Choice("news", true,
                w.clock.instant().minusSeconds(5), PreferencesPort.Source.PAGE)), "an older choice arriving late");
        assertEquals(Map.of("news", false, "invitations", false), shown(phone));
    }

    @Test
    void the_members_phones_are_those_of_their_cards_that_texts_reach_each_once() {
        var account = new MemberAccountUseCase(w.queries, new InMemoryCouponPort(), w.account, ProfileEventsSource.NONE,
                w.clock);
        member("ada@example.com", "+44 20 7946 0018");
        member("ada@example.com", "0044 20 7946 0018");
        member("ada@example.com", "020 7946 0019");
        member("ada@example.com", "+1 555 010 0123");
        member("bob@example.com", "+1 555 010 0999");
        assertEquals(List.of("+442079460018", "+15550100123"), account.phones(TestWorld.BRAND, email));
        assertEquals(List.of(), account.phones(TestWorld.BRAND, ContactKey.email("cy@example.com")));
    }

    private void member(String address, String number) {
        CardNumber n = w.activeCard();
        Card card = w.cards.load(TestWorld.BRAND, n).orElseThrow();
        w.cards.update(card.withProfile(Optional.empty(), Optional.of(new Customer("Ada", null, address, number, null,
                null, null, null, null, null, null, null)), Optional.empty(), Map.of(), Map.of(), Map.of(),
                card.enrolledAt()));
    }
}
