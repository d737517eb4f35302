package io.tally.domain.communication.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.backoffice.SetupAudit;
import io.tally.domain.communication.EmailTemplate;
import io.tally.domain.communication.rule.RulesUseCase.SaveCommand;
import io.tally.domain.communication.rule.RulesUseCase.Saved;
import io.tally.domain.contract.PortalTestData;
import io.tally.domain.fakes.InMemoryAuditLog;
import io.tally.domain.fakes.InMemoryMemberStores;
import io.tally.domain.fakes.InMemoryRules;
import io.tally.domain.fakes.InMemoryTemplates;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.portal.SubscriptionList;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffScope;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Saving rules in the back office: the form's errors, what is stored, pausing and resuming, the audit log. */
class RulesUseCaseTest {
    private final TestWorld w = new TestWorld();
    private final InMemoryRules rules = new InMemoryRules();
    private final InMemoryTemplates templates = new InMemoryTemplates();
    private final InMemoryMemberStores portals = new InMemoryMemberStores();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final RulesUseCase useCase = new RulesUseCase(rules, templates, portals, w.programs,
            new SetupAudit(audit, w.random, w.clock), w.random, w.clock);
    private final StaffScope admin = StaffScope.brandWide(TestWorld.BRAND, new StaffId("s-1"), "a@x.example", Role.ADMIN);
    private final StaffScope analyst = StaffScope.brandWide(TestWorld.BRAND, new StaffId("s-2"), "b@x.example", Role.ANALYST);

    {
        PortalConfig config = PortalTestData.config(TestWorld.BRAND, TestWorld.SET, TestWorld.POINTS);
        portals.save(config.withSettings(config.displayName(), config.theme(), List.of(
                new SubscriptionList("account", "Account messages", true, true, false),
                new SubscriptionList("news", "News and offers", false, false, false),
                new SubscriptionList("invitations", "Invitations from friends", false, true, false),
                new SubscriptionList("old", "Old offers", false, false, true)), config.referral(), config.welcomeEmail()));
        templates.create(new EmailTemplate(TestWorld.BRAND, "tpl", "Welcome", "Hi", "<p>Hi</p>", "Hi", w.clock.instant(),
                "s", 1));
    }

    private static SaveCommand form(String kind, String valueType, String threshold, String template, String list,
                                    String delay, String unit) {
        return new SaveCommand(Optional.empty(), "Welcome", kind, "", "review", valueType, threshold, "30", template, list,
                delay, unit, 0);
    }

    @Test
    void a_bad_form_is_answered_field_by_field_and_nothing_is_stored() {
        Map<String, String> problems = assertInstanceOf(Saved.Invalid.class, useCase.save(admin,
                form("balance", "Currency:USD", "12.345", "nope", "old", "91", "days"))).problems();
        assertEquals(List.of("threshold", "template", "list", "delay"), List.copyOf(problems.keySet()), problems.toString());
        assertTrue(problems.get("threshold").contains("2 decimals"), problems.toString());
        assertTrue(assertInstanceOf(Saved.Invalid.class, useCase.save(admin,
                form("balance", "Currency:USD", "ten", "tpl", "news", "0", "days"))).problems().containsKey("threshold"));
        assertTrue(assertInstanceOf(Saved.Invalid.class, useCase.save(admin,
                form("balance", "Currency:EUR", "10", "tpl", "news", "0", "days"))).problems().containsKey("valueType"));
        assertTrue(assertInstanceOf(Saved.Invalid.class, useCase.save(admin,
                form("enrollment", "", "", "tpl", "news", "-1", "minutes"))).problems().containsKey("delay"));
        assertTrue(assertInstanceOf(Saved.Invalid.class, useCase.save(admin,
                form("sometimes", "", "", "tpl", "news", "0", "minutes"))).problems().containsKey("kind"));
        assertInstanceOf(Saved.NotAllowed.class, useCase.save(analyst, form("enrollment", "", "", "tpl", "news", "0", "days")));
        assertTrue(rules.list(TestWorld.BRAND).isEmpty());
        assertTrue(audit.all().isEmpty());
    }

    @Test
    void a_rule_is_stored_as_entered_paused_resumed_and_every_change_audited() {
        Rule created = assertInstanceOf(Saved.Done.class, useCase.save(admin,
                form("balance", "Currency:USD", "25.50", "tpl", "news", "90", "days"))).rule();
        assertEquals(new Trigger.Balance(TestWorld.USD, 2550), created.trigger());
        assertEquals(Duration.ofDays(90), created.delay());
        assertTrue(created.active());
        Rule paused = assertInstanceOf(Saved.Done.class, useCase.pause(admin, created.id(), true, 1)).rule();
        assertFalse(paused.active());
        assertInstanceOf(Saved.Conflict.class, useCase.pause(admin, created.id(), false, 1), "a stale page");
        Rule resumed = assertInstanceOf(Saved.Done.class, useCase.pause(admin, created.id(), false, 2)).rule();
        assertTrue(resumed.active());
        Rule edited = assertInstanceOf(Saved.Done.class, useCase.save(admin, new SaveCommand(Optional.of(created.id()),
                "Big spenders", "checkout", "100", "", "", "", "", "tpl", "account", "90", "minutes", 3))).rule();
        assertEquals(new Trigger.Checkout(Optional.of(1_000_000L)), edited.trigger());
        assertEquals(Duration.ofMinutes(90), edited.delay());
        assertEquals(List.of(RulesUseCase.CREATE, RulesUseCase.PAUSE, RulesUseCase.RESUME, RulesUseCase.EDIT),
                audit.all().stream().map(r -> r.action()).toList());
        assertEquals(List.of(edited), useCase.list(admin));
        assertEquals(List.of(edited), useCase.list(analyst), "read with READ_SETUP");
    }
}
