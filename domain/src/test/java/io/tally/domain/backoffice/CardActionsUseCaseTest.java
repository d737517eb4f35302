package io.tally.domain.backoffice;

import static io.tally.domain.fakes.TestWorld.BRAND;
import static io.tally.domain.fakes.TestWorld.USD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.audit.AuditRecord;
import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.CardStatus;
import io.tally.domain.card.Customer;
import io.tally.domain.card.Pins;
import io.tally.domain.contract.PortalTestData;
import io.tally.domain.email.EmailOutboxPort;
import io.tally.domain.fakes.Crash;
import io.tally.domain.fakes.InMemoryAuditLog;
import io.tally.domain.fakes.InMemoryCardLocations;
import io.tally.domain.fakes.InMemoryMemberStores;
import io.tally.domain.fakes.RecordingMail;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.fakes.WriteFaults;
import io.tally.domain.ledger.AdjustUseCase;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.ledger.CardLedgerWriter;
import io.tally.domain.ledger.EntryType;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.ledger.UpdateAccountUseCase;
import io.tally.domain.ledger.VoidUseCase;
import io.tally.domain.member.LinkTokens;
import io.tally.domain.shared.Backoff;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.domain.shared.RetryPolicy;
import io.tally.domain.shared.SignedTokens;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CardActionsUseCaseTest {
    static final StaffScope SERVICE = StaffScope.brandWide(BRAND, new StaffId("sub-ann"), "ann@acme.test", Role.SERVICE);
    static final StaffScope ANALYST = StaffScope.brandWide(BRAND, new StaffId("sub-al"), "al@acme.test", Role.ANALYST);
    static final StaffScope NORTH_MANAGER = new StaffScope(BRAND, new StaffId("sub-max"), "max@acme.test", Role.MANAGER,
            Set.of(new LocationGroupId("north")), Optional.of(Set.of(new LocationId("store-1"))));

    /** Every port behind a {@link WriteFaults}, so a test can kill the process after any write. */
    static final class World {
        final TestWorld w = new TestWorld();
        final WriteFaults faults = new WriteFaults();
        final InMemoryAuditLog audit = new InMemoryAuditLog();
        final InMemoryCardLocations locations = new InMemoryCardLocations();
        final InMemoryMemberStores portals = new InMemoryMemberStores();
        final RecordingMail mail = new RecordingMail();
        final CardActionsUseCase actions;
        final CardNumber card = w.activeCard();
        TransactionId issued;

        World() {
            RetryPolicy retry = RetryPolicy.of(8, Backoff.NONE);
            CardPort cards = faults.wrap(CardPort.class, w.cards);
            CardLedgerPort ledger = faults.wrap(CardLedgerPort.class, w.ledger);
            CardLedgerWriter writer = new CardLedgerWriter(cards, ledger, w.events, w.clock, w.random, retry);
            portals.save(PortalTestData.config(BRAND, TestWorld.SET, TestWorld.POINTS));
            actions = new CardActionsUseCase(
                    new CardActionsUseCase.Ports(cards, locations, ledger, w.programs, faults.wrap(AuditLogPort.class, audit),
                            faults.wrap(EmailOutboxPort.class, mail), portals),
                    new CardActionsUseCase.Rules(new AdjustUseCase(writer, w.programs), new VoidUseCase(writer, ledger),
                            new UpdateAccountUseCase(cards, writer, retry, portals), new LinkTokens(new SignedTokens(new byte[32]))),
                    w.random, w.clock, retry);
        }

        CardActionsUseCase.Action action(String key) {
            return new CardActionsUseCase.Action(SERVICE, card, "customer called: till was down", key);
        }

        Card stored() {
            return w.cards.load(BRAND, card).orElseThrow();
        }

        AuditRecord record(String key) {
            return audit.all().stream().filter(r -> r.id().startsWith(key + ":")).findFirst().orElseThrow();
        }
    }

    private final World o = new World();

    private static Reason reason(Outcome<?> outcome) {
        return ((Outcome.Rejected<?>) outcome).rejection().reason();
    }

    @Test
    void an_adjustment_is_one_entry_recorded_with_who_why_and_the_balances_before_and_after() {
        o.w.issue(o.card, 1_000);
        var r = o.actions.adjust(o.action("k-1"), USD, -250).value();

        assertEquals(EntryType.ADJUST, r.entry().type());
        assertEquals(750, o.w.balance(o.card));
        AuditRecord rec = o.record("k-1");
        assertEquals(CardActionsUseCase.ADJUST, rec.action());
        assertEquals("card:" + o.card.value(), rec.target());
        assertEquals(SERVICE.staff(), rec.staff());
        assertEquals(Optional.of("customer called: till was down"), rec.reason());
        assertEquals("10.00", rec.before().get("balance.Currency:USD"), rec.before().toString());
        assertEquals(Map.of(AuditRecord.OUTCOME, AuditRecord.DONE, "transactionId", r.transactionId().value(),
                "balance.Currency:USD", "7.50", "available.Currency:USD", "7.50"), rec.after());
    }

    @Test
    void a_refused_action_is_recorded_as_refused() {
        assertEquals(Reason.INSUFFICIENT_FUNDS, reason(o.actions.adjust(o.action("k-1"), USD, -1)));
        assertEquals(AuditRecord.REFUSED, o.record("k-1").after().get(AuditRecord.OUTCOME));
        assertEquals("INSUFFICIENT_FUNDS", o.record("k-1").after().get("refusal"));
    }

    @Test
    void without_the_permission_or_outside_a_managers_locations_the_card_does_not_exist() {
        o.w.issue(o.card, 1_000);
        var asAnalyst = new CardActionsUseCase.Action(ANALYST, o.card, "r", "k-1");
        var asManager = new CardActionsUseCase.Action(NORTH_MANAGER, o.card, "r", "k-2");
        var unknown = new CardActionsUseCase.Action(SERVICE, o.w.poolCard(BRAND), "r", "k-3");

        assertEquals(Reason.CARD_NOT_FOUND, reason(o.actions.adjust(asAnalyst, USD, 5)));
        assertEquals(Reason.CARD_NOT_FOUND, reason(o.actions.deactivate(asManager)));
        assertEquals(Reason.CARD_NOT_FOUND, reason(o.actions.resetPin(unknown)));
        assertEquals(List.of(), o.audit.all(), "nothing reached, nothing recorded");

        o.locations.link(BRAND, o.card, new LocationId("store-1"));
        assertEquals(CardStatus.INACTIVE, o.actions.deactivate(asManager).value().status(), "in the manager's scope now");
    }

    @Test
    void a_manager_cannot_hand_a_card_to_a_location_outside_theirs() {
        o.locations.link(BRAND, o.card, new LocationId("store-1"));
        var asManager = new CardActionsUseCase.Action(NORTH_MANAGER, o.card, "moved", "k-1");

        var refused = o.actions.editCustomer(asManager, new CardActionsUseCase.CustomerEdit(Optional.empty(),
                Optional.empty(), Map.of(), Map.of(), Optional.of(new LocationId("store-9"))));

        assertEquals(Reason.INVALID_REQUEST, reason(refused));
        assertEquals(Optional.empty(), o.stored().owningLocation());
        assertEquals(List.of(), o.audit.all(), "refused before anything was recorded");
    }

    @Test
    void a_reason_is_mandatory() {
        assertEquals(Reason.INVALID_REQUEST, reason(o.actions.deactivate(
                new CardActionsUseCase.Action(SERVICE, o.card, "  ", "k-1"))));
    }

    @Test
    void deactivation_stops_money_and_reactivation_restores_it() {
        o.w.issue(o.card, 1_000);
        assertEquals(CardStatus.INACTIVE, o.actions.deactivate(o.action("k-1")).value().status());
        assertEquals(Reason.CARD_NOT_ACTIVE, reason(o.w.redeem(o.card, 100)));
        assertEquals(Map.of("status", "ACTIVE"), o.record("k-1").before());
        assertEquals(CardStatus.INACTIVE, o.actions.deactivate(o.action("k-0")).value().status(), "already so: nothing to write");

        o.actions.reactivate(o.action("k-2")).value();
        assertEquals(900, o.w.redeem(o.card, 100).value().state().balance(USD).total());
    }

    @Test
    void a_void_through_the_back_office_reverses_the_transaction_with_the_reason() {
        TransactionId issued = o.w.issue(o.card, 500).value().transactionId();
        var r = o.actions.voidTransaction(o.action("k-1"), issued).value();

        assertEquals(EntryType.VOID, r.entry().type());
        assertEquals(Optional.of("customer called: till was down"), r.entry().posting().origin().note());
        assertEquals(0, o.w.balance(o.card));
        assertEquals(issued.value(), o.record("k-1").after().get("voided"));
    }

    @Test
    void a_pin_reset_shows_the_new_pin_once_and_never_stores_or_audits_it() {
        var reset = o.actions.resetPin(o.action("k-1")).value();

        assertTrue(Pins.matches(o.stored(), reset.pin()));
        assertFalse(Pins.matches(o.stored(), TestWorld.PIN));
        assertFalse(reset.toString().contains(reset.pin()));
        AuditRecord rec = o.record("k-1");
        assertFalse(rec.toString().contains(reset.pin()), "no PIN in the audit values");
        assertFalse(rec.toString().contains(o.stored().pinHash().orElseThrow()), "nor its hash");
    }

    @Test
    void a_customer_edit_goes_through_update_account_and_records_what_changed() {
        Customer ann = new Customer("Ann", "Lee", "ann@example.com", null, null, null, null, null, null, null, null, null);
        var edit = new CardActionsUseCase.CustomerEdit(Optional.of(ann), Optional.empty(), Map.of("store", "Downtown"), Map.of());
        o.actions.editCustomer(o.action("k-1"), edit).value();

        assertEquals("Ann", o.stored().primaryCustomer().orElseThrow().firstName());
        assertEquals("Downtown", o.record("k-1").after().get("demographics.store"));
        assertEquals("Ann", o.record("k-1").after().get("primary.firstName"));
        assertFalse(o.record("k-1").before().containsKey("primary.firstName"));

        Customer bad = new Customer(null, null, "not-an-email", null, null, null, null, null, null, null, null, null);
        var refused = o.actions.editCustomer(o.action("k-2"),
                new CardActionsUseCase.CustomerEdit(Optional.of(bad), Optional.empty(), Map.of(), Map.of()));
        assertEquals(Reason.INVALID_REQUEST, reason(refused), "UpdateAccountUseCase's validation applies");
    }

    @Test
    void the_welcome_email_is_queued_again_under_a_new_message_id() {
        Customer ann = new Customer("Ann", null, "ann@example.com", null, null, null, null, null, null, null, null, null);
        o.actions.editCustomer(o.action("k-1"), new CardActionsUseCase.CustomerEdit(Optional.of(ann), Optional.empty(),
                Map.of(), Map.of())).value();

        String id = o.actions.resendWelcome(o.action("k-2"), "https://portal.acme.test").value();

        assertEquals("welcome-k-2", id);
        assertEquals(List.of(id), o.mail.queued().stream().map(m -> m.id()).toList());
        assertEquals("ann@example.com", o.mail.queued().get(0).to());
    }

    /**
     * One staff action under a key, its check of "applied", and whether it may run again under a used key (else a
     * repeat is refused and the staff member opens the form again: a new key).
     */
    record Scenario(String name, Function<World, Function<String, Outcome<?>>> act, Function<World, Boolean> applied,
                    boolean repeatable) {
    }

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("adjust", x -> k -> x.actions.adjust(x.action(k), USD, 300), x -> x.w.balance(x.card) == 1_300, true),
            new Scenario("void", x -> k -> x.actions.voidTransaction(x.action(k), x.issued), x -> x.w.balance(x.card) == 0, true),
            new Scenario("deactivate", x -> k -> x.actions.deactivate(x.action(k)),
                    x -> x.stored().status() == CardStatus.INACTIVE, true),
            new Scenario("pin", x -> k -> x.actions.resetPin(x.action(k)), x -> !Pins.matches(x.stored(), TestWorld.PIN), false),
            new Scenario("customer", x -> k -> x.actions.editCustomer(x.action(k), new CardActionsUseCase.CustomerEdit(
                    Optional.empty(), Optional.empty(), Map.of("store", "Downtown"), Map.of())),
                    x -> "Downtown".equals(x.stored().brandDemographics().get("store")), false));

    @Test
    void a_crash_after_any_write_never_leaves_an_applied_action_unrecorded_and_the_retry_settles_it_once() {
        for (Scenario s : SCENARIOS) {
            World clean = prepared();
            clean.faults.reset();
            s.act().apply(clean).apply("crash").value();
            int writes = clean.faults.log().size();
            assertTrue(writes >= 3, s.name() + ": intent, action, settlement at least: " + clean.faults.log());
            for (int n = 1; n <= writes; n++) {
                World x = prepared();
                x.faults.reset();
                x.faults.crashAfterWrite(n);
                assertThrows(Crash.class, () -> s.act().apply(x).apply("crash"), s.name() + " crash after write " + n);
                if (s.applied().apply(x)) {
                    assertTrue(x.audit.all().stream().anyMatch(r -> r.id().startsWith("crash:")),
                            s.name() + ": applied after write " + n + " but not recorded");
                }
                boolean settledBefore = x.audit.all().stream().anyMatch(r -> r.id().startsWith("crash:") && !r.pending());
                Outcome<?> retried = s.act().apply(x).apply("crash");
                if (settledBefore || !s.repeatable()) {
                    assertEquals(Reason.INVALID_REQUEST, reason(retried), s.name() + ": a used form is refused");
                }
                if (!settledBefore && !s.repeatable()) {
                    retried = s.act().apply(x).apply("again"); // the staff member opens the form again
                }
                assertTrue(settledBefore || retried.isAccepted(), s.name() + " retry after write " + n + ": " + retried);
                assertTrue(s.applied().apply(x), s.name());
                String settledKey = settledBefore || s.repeatable() ? "crash:" : "again:";
                List<AuditRecord> records = x.audit.all().stream().filter(r -> r.id().startsWith(settledKey)).toList();
                assertEquals(1, records.size(), s.name() + ": one record");
                assertEquals(AuditRecord.DONE, records.get(0).after().get(AuditRecord.OUTCOME), s.name() + " after write " + n);
                long entries = x.w.ledger.history(BRAND, x.card, TestWorld.START, TestWorld.START.plusSeconds(86_400 * 400L),
                        100, Optional.empty()).entries().stream()
                        .filter(e -> e.type() == EntryType.ADJUST || e.type() == EntryType.VOID).count();
                assertTrue(entries <= 1, s.name() + ": applied once");
            }
        }
    }

    @Test
    void a_form_sent_twice_changes_the_pin_once_and_a_key_sent_with_another_action_is_its_own_record() {
        String pin = o.actions.resetPin(o.action("k-1")).value().pin();
        assertEquals(Reason.INVALID_REQUEST, reason(o.actions.resetPin(o.action("k-1"))));
        assertTrue(Pins.matches(o.stored(), pin), "the PIN shown is the one stored");
        o.actions.deactivate(o.action("k-1")).value();
        assertEquals(2, o.audit.all().size());
        assertTrue(o.audit.all().stream().noneMatch(AuditRecord::pending));
    }

    @Test
    void a_key_whose_action_was_refused_or_done_applies_nothing_more() {
        assertEquals(Reason.INSUFFICIENT_FUNDS, reason(o.actions.adjust(o.action("k-1"), USD, -500)));
        o.w.issue(o.card, 1_000);
        assertEquals(Reason.INVALID_REQUEST, reason(o.actions.adjust(o.action("k-1"), USD, -500)),
                "the record says refused: nothing may be applied under it");
        assertEquals(1_000, o.w.balance(o.card));
        o.actions.adjust(o.action("k-2"), USD, 100).value();
        assertEquals(Reason.INVALID_REQUEST, reason(o.actions.adjust(o.action("k-2"), USD, 100)), "done: its result is in the log");
        assertEquals(1_100, o.w.balance(o.card));
    }

    private static World prepared() {
        World x = new World();
        x.issued = x.w.issue(x.card, 1_000).value().transactionId();
        return x;
    }

    @Test
    void pins_differ_between_two_resets() {
        String first = o.actions.resetPin(o.action("k-1")).value().pin();
        String second = o.actions.resetPin(o.action("k-2")).value().pin();
        assertNotEquals(o.record("k-1"), o.record("k-2"));
        assertTrue(Pins.matches(o.stored(), second));
        assertTrue(first.length() == Pins.DEFAULT_DIGITS);
    }
}
