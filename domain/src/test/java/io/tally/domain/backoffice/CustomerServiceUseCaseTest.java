package io.tally.domain.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.event.HandleEventUseCase;
import io.tally.domain.fakes.InMemoryCardLocations;
import io.tally.domain.fakes.InMemoryCouponPort;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.ledger.IssueUseCase;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.RequestInfo;
import io.tally.domain.shared.Outcome;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.MerchantContext;
import io.tally.domain.tenant.TerminalId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomerServiceUseCaseTest {
    private static final LocationId HOME = new LocationId("store-1");
    private static final LocationId ELSEWHERE = new LocationId("store-9");

    private final TestWorld world = new TestWorld();
    private final InMemoryCardLocations locations = new InMemoryCardLocations();
    private final HandleEventUseCase consumer = new HandleEventUseCase(world.programs,
            List.of(new CardLocationsListener(locations)), new TransactionFacts(world.cards));
    private final CustomerServiceUseCase service = new CustomerServiceUseCase(world.cards, world.ledger,
            new InMemoryCouponPort(), locations, world.programs,
            new io.tally.domain.shared.Sealer("a-test-secret-of-at-least-32-characters", world.random), world.clock);

    private final StaffScope admin = StaffScope.brandWide(TestWorld.BRAND, new StaffId("admin"), "a@x.test", Role.SERVICE);
    private final StaffScope manager = new StaffScope(TestWorld.BRAND, new StaffId("m"), "m@x.test", Role.MANAGER,
            Set.of(new LocationGroupId("north")), Optional.of(Set.of(HOME)));
    private int refs;

    private CardNumber cardOf(String first, String last) {
        CardNumber number = world.activeCard();
        Card card = world.cards.load(TestWorld.BRAND, number).orElseThrow();
        Customer holder = new Customer(first, last, null, null, null, null, null, null, null, null, null, null);
        world.cards.update(card.withProfile(Optional.empty(), Optional.of(holder), Optional.empty(), Map.of(), Map.of(),
                Map.of(), Optional.empty()));
        return number;
    }

    private String issueAt(LocationId location, CardNumber card, long amount) {
        String ref = "ref-" + location.value() + "-" + (++refs);
        MerchantContext at = new MerchantContext(TestWorld.BRAND, location, new TerminalId("pos-1"), Optional.empty(), "key-1");
        world.issue.issue(new IssueUseCase.IssueCommand(at, RequestInfo.of(ref), card, TestWorld.USD, amount,
                Optional.empty(), false, Optional.empty())).value();
        world.clock.advance(Duration.ofSeconds(1));
        return ref;
    }

    private void deliverEvents() {
        world.events.published().forEach(consumer::handle);
    }

    @Test
    void a_name_prefix_finds_the_customer_whatever_the_case_and_accents() {
        CardNumber zoe = cardOf("Zoë", "Ångström");
        cardOf("Ada", "Lovelace");

        assertEquals(List.of(zoe), numbers(service.find(admin, CardFinder.FIRST_NAME, "zoe")));
        assertEquals(List.of(zoe), numbers(service.find(admin, CardFinder.FIRST_NAME, "ZÖ")));
        assertEquals(List.of(zoe), numbers(service.find(admin, CardFinder.LAST_NAME, "angs")));
        assertTrue(numbers(service.find(admin, CardFinder.LAST_NAME, "lz")).isEmpty());
        assertFalse(service.find(admin, CardFinder.FIRST_NAME, "  ").isAccepted(), "nothing typed is a form message");
        assertFalse(service.find(admin, CardFinder.CARD_NUMBER, "12").isAccepted(), "a malformed number is a form message");
    }

    @Test
    void a_manager_sees_a_card_used_at_another_groups_location_exactly_as_a_card_that_does_not_exist() {
        CardNumber mine = cardOf("Mia", "Home");
        CardNumber theirs = cardOf("Mia", "Away");
        issueAt(HOME, mine, 500);
        issueAt(ELSEWHERE, theirs, 700);
        deliverEvents();
        CardNumber unknown = world.poolCard(TestWorld.OTHER_BRAND);

        assertEquals(List.of(mine), numbers(service.find(manager, CardFinder.FIRST_NAME, "mia")));
        assertEquals(2, numbers(service.find(admin, CardFinder.FIRST_NAME, "mia")).size());
        assertTrue(service.cardPage(manager, mine, Optional.empty()).isPresent());
        assertEquals(service.cardPage(manager, unknown, Optional.empty()), service.cardPage(manager, theirs, Optional.empty()));
        assertEquals(Optional.empty(), service.card(manager, theirs));
        assertEquals(numbers(service.find(manager, CardFinder.CARD_NUMBER, unknown.value())),
                numbers(service.find(manager, CardFinder.CARD_NUMBER, theirs.value())));
        assertTrue(service.cardPage(admin, theirs, Optional.empty()).isPresent(), "brand-wide roles see every card");
    }

    @Test
    void a_manager_gets_only_their_locations_transactions_and_nothing_for_another_location() {
        CardNumber card = world.activeCard();
        String home = issueAt(HOME, card, 100);
        String away = issueAt(ELSEWHERE, card, 200);
        deliverEvents();
        TransactionFilter all = at(Optional.empty());

        assertEquals(List.of(HOME), service.transactions(manager, all).value().transactions().stream()
                .map(t -> t.location().orElseThrow()).toList());
        TransactionsPage foreign = service.transactions(manager, at(Optional.of(ELSEWHERE))).value();
        TransactionsPage missing = service.transactions(manager, at(Optional.of(new LocationId("nowhere")))).value();
        assertEquals(missing, foreign);
        assertTrue(foreign.transactions().isEmpty());
        assertEquals(2, service.transactions(admin, all).value().transactions().size());
        assertEquals(1, service.byRequestRef(manager, home).size());
        assertTrue(service.byRequestRef(manager, away).isEmpty());
        assertEquals(1, service.byRequestRef(admin, away).size());
    }

    @Test
    void transactions_are_filtered_by_type_program_and_card_set_and_paged_newest_first() {
        CardNumber card = world.activeCard();
        for (int i = 0; i < 60; i++) {
            issueAt(HOME, card, 10 + i);
        }
        world.redeem(card, 5).value();
        deliverEvents();

        TransactionsPage first = service.transactions(admin, filter(Set.of("issue"), Optional.of(TestWorld.PROGRAM.value()),
                Optional.of(TestWorld.SET.value()))).value();
        assertEquals(CustomerServiceUseCase.TRANSACTIONS_PAGE, first.transactions().size());
        assertTrue(first.transactions().stream().allMatch(t -> t.type().equals("issue")));
        assertEquals(Map.of(TestWorld.USD.asText(), 69L), first.transactions().get(0).balanceChanges(), "newest first");
        TransactionsPage second = service.transactions(admin, new TransactionFilter(START, END, Set.of("issue"),
                Optional.empty(), Optional.empty(), Optional.empty(), first.next())).value();
        assertEquals(10, second.transactions().size());
        assertTrue(second.next().isEmpty());
        assertTrue(service.transactions(admin, filter(Set.of(), Optional.of("no-such-program"), Optional.empty())).value()
                .transactions().isEmpty());
        assertEquals(1, service.transactions(admin, filter(Set.of("redeem"), Optional.empty(), Optional.empty())).value()
                .transactions().size());
        assertFalse(service.transactions(admin, new TransactionFilter(START, END, Set.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("edited"))).isAccepted());
        assertFalse(service.transactions(admin, new TransactionFilter(END, START, Set.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty())).isAccepted());
    }

    @Test
    void the_card_page_shows_balances_and_history_newest_first_with_the_balance_after_each_entry() {
        CardNumber card = world.activeCard();
        for (int i = 1; i <= 25; i++) {
            issueAt(HOME, card, 100);
        }

        CardPage page = service.cardPage(admin, card, Optional.empty()).orElseThrow();
        assertEquals(2500, page.view().state().balance(TestWorld.USD).total());
        assertEquals(CustomerServiceUseCase.HISTORY_PAGE, page.history().size());
        assertEquals(2500, page.history().get(0).stateAfter().balance(TestWorld.USD).total());
        assertEquals(600, page.history().get(19).stateAfter().balance(TestWorld.USD).total());
        CardPage older = service.cardPage(admin, card, page.older()).orElseThrow();
        assertEquals(List.of(500L, 400L, 300L, 200L, 100L), older.history().stream()
                .map(LedgerEntry::stateAfter).map(s -> s.balance(TestWorld.USD).total()).toList());
        assertTrue(older.older().isEmpty());
        assertEquals(page.history(), service.cardPage(admin, card, Optional.of("not-a-cursor")).orElseThrow().history());
    }

    private static final Instant START = TestWorld.START.minus(Duration.ofDays(1));
    private static final Instant END = TestWorld.START.plus(Duration.ofDays(1));

    private static TransactionFilter at(Optional<LocationId> location) {
        return new TransactionFilter(START, END, Set.of(), location, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static TransactionFilter filter(Set<String> types, Optional<String> program, Optional<String> cardSet) {
        return new TransactionFilter(START, END, types, Optional.empty(), program, cardSet, Optional.empty());
    }

    private static List<CardNumber> numbers(Outcome<List<Card>> found) {
        return found.value().stream().map(Card::number).toList();
    }

    /**
     * Review finding: a page link's cursor names the last event examined, which for a manager may be another group's
     * (its id carries a card number or transaction id). The cursor must be opaque, and only the staff member it was
     * made for may follow it.
     */
    @Test
    void a_page_link_reveals_no_event_and_serves_only_the_staff_member_it_was_made_for() {
        CardNumber card = world.activeCard();
        for (int i = 0; i < 60; i++) {
            issueAt(HOME, card, 10 + i);
        }
        deliverEvents();
        TransactionsPage first = service.transactions(admin, filter(Set.of("issue"), Optional.empty(), Optional.empty()))
                .value();
        String cursor = first.next().orElseThrow();
        String decoded;
        try {
            decoded = new String(java.util.Base64.getUrlDecoder().decode(cursor.substring(cursor.indexOf('.') + 1)),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException notBase64) {
            decoded = cursor;
        }
        assertFalse(decoded.contains("txn-") || decoded.contains(card.value()) || cursor.contains(card.value()),
                "the cursor shows what it points at: " + decoded);
        StaffScope other = StaffScope.brandWide(TestWorld.BRAND, new StaffId("other"), "o@x.test", Role.SERVICE);
        assertFalse(service.transactions(other, new TransactionFilter(START, END, Set.of("issue"), Optional.empty(),
                Optional.empty(), Optional.empty(), first.next())).isAccepted(), "another staff member's link is refused");
        assertEquals(10, service.transactions(admin, new TransactionFilter(START, END, Set.of("issue"), Optional.empty(),
                Optional.empty(), Optional.empty(), first.next())).value().transactions().size());
    }
}
