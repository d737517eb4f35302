package io.tally.domain.communication.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.communication.EmailTemplate;
import io.tally.domain.communication.TemplateMail;
import io.tally.domain.communication.UnsubscribeLinks;
import io.tally.domain.contract.PortalTestData;
import io.tally.domain.email.EmailMessage;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.fakes.InMemoryDueMails;
import io.tally.domain.fakes.InMemoryMemberStores;
import io.tally.domain.fakes.InMemoryRules;
import io.tally.domain.fakes.InMemoryTemplates;
import io.tally.domain.fakes.RecordingMail;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.shared.SignedTokens;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One rule at a time: what a trigger matches, what the queued message holds, delays, pauses, the template's version. */
class RuleFiringTest {
    private final TestWorld w = new TestWorld();
    private final InMemoryRules rules = new InMemoryRules();
    private final InMemoryTemplates templates = new InMemoryTemplates();
    private final InMemoryMemberStores portals = new InMemoryMemberStores();
    private final InMemoryDueMails due = new InMemoryDueMails();
    private final RecordingMail mail = new RecordingMail();
    private Optional<String> origin = Optional.of("https://members.example");
    private final RuleFiring firing = new RuleFiring(rules, templates, w.cards, portals, due, mail,
            new UnsubscribeLinks(new SignedTokens(new byte[32])), b -> origin.map(o -> o + "/portal/" + b.value()), w.clock);
    private final RuleEventsListener listener = new RuleEventsListener(firing);
    private final CardNumber card = w.activeCard();

    {
        portals.save(PortalTestData.config(TestWorld.BRAND, TestWorld.SET, TestWorld.POINTS));
        templates.create(template(1));
        Card c = w.cards.load(TestWorld.BRAND, card).orElseThrow();
        w.cards.update(c.withProfile(Optional.empty(), Optional.of(new Customer("Ann", "Lee", "ann@example.com", "", "",
                        "", "", "", "", "", LocalDate.of(1990, 2, 3), "")), Optional.empty(), Map.of(), Map.of(), Map.of(),
                Optional.of(w.clock.instant())));
    }

    private EmailTemplate template(long version) {
        return new EmailTemplate(TestWorld.BRAND, "tpl", "Hi", "Hello v" + version, "<p>Hi</p>", "Hi", w.clock.instant(),
                "s", version);
    }

    private Rule rule(String id, Trigger trigger, String list, Duration delay) {
        Rule r = new Rule(TestWorld.BRAND, id, "Rule " + id, trigger, "tpl", list, delay, true, w.clock.instant(), "s", 1);
        rules.create(r);
        return r;
    }

    private DomainEvent event(String id, String type, Map<String, String> data) {
        Map<String, String> all = new HashMap<>(data);
        all.put("cardNumber", card.value());
        return new DomainEvent(id, type, TestWorld.BRAND, w.clock.instant(), all);
    }

    @Test
    void an_enrollment_queues_the_template_to_the_cards_member_once_per_event_id() {
        rule("w", new Trigger.Enrollment(), "account", Duration.ZERO);
        DomainEvent enrolled = event("enroll-1", "member.enrolled", Map.of("location", "store-1"));
        listener.accept(enrolled);
        listener.accept(enrolled);
        assertEquals(2, mail.queued().size(), "queued per delivery");
        TemplateMail m = TemplateMail.of(mail.queued().get(0)).orElseThrow();
        assertEquals("rule-w-enroll-1", m.messageId());
        assertEquals(mail.queued().get(0).id(), mail.queued().get(1).id(), "under one id: the sender sends it once");
        assertEquals("rule-w", m.mailing());
        assertEquals("ann@example.com", m.to());
        assertEquals(Optional.of("store-1"), m.location());
        assertTrue(mail.queued().get(0).headers().isEmpty(), "the transactional list has no unsubscribe link");
    }

    @Test
    void a_subscription_lists_message_carries_its_link_and_without_an_origin_nothing_is_queued() {
        rule("n", new Trigger.Enrollment(), "news", Duration.ZERO);
        listener.accept(event("e1", "member.enrolled", Map.of()));
        EmailMessage m = mail.queued().get(0);
        assertTrue(m.unsubscribable());
        assertTrue(m.headers().get(EmailMessage.LIST_UNSUBSCRIBE).startsWith("<https://members.example/portal/ACME/unsubscribe?t="));
        origin = Optional.empty();
        listener.accept(event("e2", "member.enrolled", Map.of()));
        assertEquals(1, mail.queued().size());
    }

    @Test
    void checkouts_events_and_balances_match_as_their_triggers_say() {
        rule("c", new Trigger.Checkout(Optional.of(250_000L)), "account", Duration.ZERO);
        rule("v", new Trigger.Event("review"), "account", Duration.ZERO);
        rule("b", new Trigger.Balance(ValueTypeKey.points(), 100), "account", Duration.ZERO);
        listener.accept(event("k1", "ledger.checkout", Map.of("checkout.stage", "COMMIT", "checkout.total", "25.00",
                "requestRef", "ref-1")));
        listener.accept(event("k2", "ledger.checkout", Map.of("checkout.stage", "COMMIT", "checkout.total", "24.99")));
        listener.accept(event("k3", "ledger.checkout", Map.of("checkout.stage", "SETUP", "checkout.total", "90")));
        listener.accept(event("r1", "engagement.recorded", Map.of("category", "review")));
        listener.accept(event("r2", "engagement.recorded", Map.of("category", "visit")));
        listener.accept(event("p1", "ledger.issue", Map.of("balance.Points", "30", "after.Points", "99")));
        listener.accept(event("p2", "ledger.issue", Map.of("balance.Points", "1", "after.Points", "100")));
        listener.accept(event("p3", "ledger.issue", Map.of("balance.Points", "50", "after.Points", "150")));
        listener.accept(event("p4", "ledger.redeem", Map.of("balance.Points", "-60", "after.Points", "90")));
        listener.accept(event("p5", "ledger.issue", Map.of("balance.Points", "10", "after.Points", "100")));
        assertEquals(List.of("rule-c-k1", "rule-v-r1", "rule-b-p2", "rule-b-p5"),
                mail.queued().stream().map(EmailMessage::id).toList());
        assertEquals(Optional.of("ref-1"), TemplateMail.of(mail.queued().get(0)).orElseThrow().transaction());
    }

    @Test
    void a_delayed_send_waits_keeps_the_version_it_fired_with_and_a_pause_stops_it() {
        Rule later = rule("d", new Trigger.Enrollment(), "account", Duration.ofDays(2));
        rule("p", new Trigger.Enrollment(), "account", Duration.ofDays(2));
        listener.accept(event("e1", "member.enrolled", Map.of()));
        templates.update(template(2));
        assertEquals(2, due.all().size());
        assertTrue(mail.queued().isEmpty());
        rules.update(rules.find(TestWorld.BRAND, "p").orElseThrow().paused(true, w.clock.instant(), "s"));
        w.clock.advance(Duration.ofDays(2).minusSeconds(1));
        assertEquals(0, firing.sweep(w.clock.instant(), 10), "not yet due");
        w.clock.advance(Duration.ofSeconds(1));
        assertEquals(1, firing.sweep(w.clock.instant(), 10));
        assertEquals("rule-d-e1", mail.queued().get(0).id());
        assertEquals(1, TemplateMail.of(mail.queued().get(0)).orElseThrow().version(), "the version current when it fired");
        assertTrue(due.all().isEmpty(), "the paused rule's send is forgotten unsent");
        rules.update(later.paused(true, w.clock.instant(), "s"));
        listener.accept(event("e2", "member.enrolled", Map.of()));
        assertTrue(due.all().isEmpty(), "a paused rule fires nothing");
        assertFalse(mail.queued().size() > 1);
    }
}
