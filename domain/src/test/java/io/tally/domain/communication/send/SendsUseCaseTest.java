package io.tally.domain.communication.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.backoffice.SetupAudit;
import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.communication.EmailTemplate;
import io.tally.domain.communication.TemplateMail;
import io.tally.domain.communication.TestList;
import io.tally.domain.communication.send.SendsUseCase.Changed;
import io.tally.domain.communication.send.SendsUseCase.SaveCommand;
import io.tally.domain.contract.PortalTestData;
import io.tally.domain.email.EmailMessage;
import io.tally.domain.fakes.InMemoryAuditLog;
import io.tally.domain.fakes.InMemoryCardPort;
import io.tally.domain.fakes.InMemoryMemberStores;
import io.tally.domain.fakes.InMemorySegmentSnapshots;
import io.tally.domain.fakes.InMemorySegments;
import io.tally.domain.fakes.InMemorySends;
import io.tally.domain.fakes.InMemoryTemplates;
import io.tally.domain.fakes.InMemoryTestLists;
import io.tally.domain.fakes.MutableClock;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.member.LinkTokens;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.portal.SubscriptionList;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.segment.BrandCardsPort;
import io.tally.domain.shared.SignedTokens;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The back office's rules of sends: drafts edited, scheduled for a time, cancelled while queued, tested. */
class SendsUseCaseTest {
    private static final BrandId BRAND = new BrandId("ACME");
    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    private static final String PORTAL = "https://acme.example/portal/ACME";
    private final MutableClock clock = new MutableClock(NOW);
    private final InMemorySends sends = new InMemorySends();
    private final InMemoryTemplates templates = new InMemoryTemplates();
    private final InMemoryMemberStores portals = new InMemoryMemberStores();
    private final InMemoryTestLists testLists = new InMemoryTestLists();
    private final InMemoryCardPort cards = new InMemoryCardPort();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final List<EmailMessage> outbox = new ArrayList<>();
    private final List<SendPage> pages = new ArrayList<>();
    private final SendMails mails = new SendMails(new LinkTokens(new SignedTokens(new byte[32])));
    private final SendFanoutUseCase fanout = new SendFanoutUseCase(sends,
            (brand, cursor, limit) -> new BrandCardsPort.CardsPage(List.of(), Optional.empty()), cards,
            new InMemorySegmentSnapshots(), portals, (page, delay) -> pages.add(page), outbox::add, mails, clock);
    private final SendsUseCase use = new SendsUseCase(sends, templates, portals, new InMemorySegments(), testLists,
            cards, outbox::add, mails, fanout::start, new SetupAudit(audit, new SeededRandom(1), clock), new SeededRandom(1), clock);
    private final StaffScope admin = StaffScope.brandWide(BRAND, new StaffId("s-1"), "a@x.example", Role.ADMIN);
    private final StaffScope analyst = StaffScope.brandWide(BRAND, new StaffId("s-2"), "b@x.example", Role.ANALYST);

    {
        PortalConfig config = PortalTestData.config(BRAND, new CardSetId("set-1"), ValueTypeKey.points());
        List<SubscriptionList> lists = new ArrayList<>(config.subscriptionLists());
        lists.add(new SubscriptionList("old", "Old news", false, false, true));
        portals.save(config.withLists(lists));
        templates.create(new EmailTemplate(BRAND, "tpl1", "News", "Hi {{customer.firstName}}", "<p>Hi</p>", "Hi", NOW,
                "s-1", 1));
    }

    private Send draft() {
        return assertInstanceOf(Changed.Done.class, use.save(admin, new SaveCommand(Optional.empty(), "December",
                "tpl1", "news", "", 0))).send();
    }

    @Test
    void bad_input_is_the_forms_errors_and_nothing_is_stored() {
        Map<String, String> problems = assertInstanceOf(Changed.Invalid.class, use.save(admin,
                new SaveCommand(Optional.empty(), " ", "nope", "old", "seg-x", 0))).problems();
        assertEquals(List.of("name", "template", "list", "segment"), List.copyOf(problems.keySet()));
        assertTrue(problems.get("list").contains("archived"));
        assertEquals(List.of(), sends.list(BRAND));
        assertInstanceOf(Changed.NotAllowed.class, use.save(analyst, new SaveCommand(Optional.empty(), "x", "tpl1",
                "news", "", 0)));
    }

    @Test
    void a_draft_is_edited_over_its_version_and_scheduled_for_a_time_not_in_the_past() {
        Send d = draft();
        assertInstanceOf(Changed.Conflict.class, use.save(admin, new SaveCommand(Optional.of(d.id()), "Again", "tpl1",
                "news", "", d.version() + 5)));
        Send edited = assertInstanceOf(Changed.Done.class, use.save(admin, new SaveCommand(Optional.of(d.id()),
                "Again", "tpl1", "news", "", d.version()))).send();
        assertEquals("Again", edited.name());
        Changed past = use.schedule(admin, d.id(), edited.version(), Optional.of(NOW.minus(Duration.ofMinutes(2))), PORTAL);
        assertEquals(Map.of("sendAt", "The time is in the past."), assertInstanceOf(Changed.Invalid.class, past).problems());
        Send queued = assertInstanceOf(Changed.Done.class, use.schedule(admin, d.id(), edited.version(),
                Optional.of(NOW.plus(Duration.ofHours(2))), PORTAL)).send();
        assertEquals(SendStatus.QUEUED, queued.status());
        assertEquals(1, queued.templateVersion());
        assertEquals(Optional.of(PORTAL), queued.portalUrl());
        assertInstanceOf(Changed.Conflict.class, use.save(admin, new SaveCommand(Optional.of(d.id()), "Late edit",
                "tpl1", "news", "", queued.version())));
        assertEquals(List.of(), pages, "not due: nothing started");
        assertEquals(List.of("send.create", "send.edit", "send.schedule"), audit.all().stream()
                .map(r -> r.action()).toList());
    }

    @Test
    void a_queued_send_cancelled_before_its_time_never_starts() {
        Send d = draft();
        Send queued = assertInstanceOf(Changed.Done.class, use.schedule(admin, d.id(), d.version(),
                Optional.of(NOW.plus(Duration.ofMinutes(30))), PORTAL)).send();
        assertInstanceOf(Changed.Done.class, use.cancel(admin, d.id(), queued.version()));
        clock.advance(Duration.ofHours(1));
        assertEquals(new SendFanoutUseCase.Due(0, 0, 0), fanout.runDue(BRAND));
        assertEquals(List.of(), pages);
        assertEquals(SendStatus.CANCELLED, sends.find(BRAND, d.id()).orElseThrow().status());
        assertInstanceOf(Changed.Conflict.class, use.cancel(admin, d.id(), queued.version() + 1));
    }

    @Test
    void a_send_due_at_once_starts_and_then_cannot_be_cancelled() {
        Send d = draft();
        Send queued = assertInstanceOf(Changed.Done.class, use.schedule(admin, d.id(), d.version(),
                Optional.of(NOW.minusSeconds(30)), PORTAL)).send();
        assertEquals(List.of(new SendPage(BRAND, d.id(), 0, Optional.empty())), pages);
        assertEquals(SendStatus.SENDING, sends.find(BRAND, d.id()).orElseThrow().status());
        assertInstanceOf(Changed.Conflict.class, use.cancel(admin, d.id(), queued.version()));
    }

    @Test
    void a_test_mails_the_test_cards_with_a_test_mailing_and_makes_a_draft_tests() {
        Card withEmail = card("400000000000001", "t@x.example");
        Card without = card("400000000000002", null);
        testLists.create(new TestList(BRAND, "qa", "QA", List.of(withEmail.number(), without.number()), NOW, 1));
        Send d = draft();
        Changed.Done done = assertInstanceOf(Changed.Done.class, use.test(admin, d.id(), "qa", PORTAL));
        assertEquals(SendStatus.TESTS, done.send().status());
        assertEquals(1, outbox.size());
        TemplateMail mail = TemplateMail.of(outbox.get(0)).orElseThrow();
        assertEquals("test-" + d.id(), mail.mailing());
        assertEquals("t@x.example", mail.to());
        assertTrue(outbox.get(0).unsubscribable(), "a subscription list's test carries the link");
        assertTrue(outbox.get(0).value("preferencesUrl").startsWith(PORTAL + "/preferences?t="));
        // still editable
        assertInstanceOf(Changed.Done.class, use.save(admin, new SaveCommand(Optional.of(d.id()), "After test", "tpl1",
                "news", "", done.send().version())));
        assertInstanceOf(Changed.Invalid.class, use.test(admin, d.id(), "nope", PORTAL));
    }

    private Card card(String number, String email) {
        Card card = Card.unallocated(BRAND, new CardNumber(number + CardNumber.luhnCheckDigit(number)), new ProgramId("loyalty"), new CardSetId("set-1"))
                .activated("hash", NOW, Optional.of(new Customer("Ann", null, email, null, null, null, null, null, null,
                        null, null, null)));
        cards.create(card);
        return card;
    }
}
