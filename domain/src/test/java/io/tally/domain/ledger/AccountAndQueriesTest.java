package io.tally.domain.ledger;

import static io.tally.domain.fakes.TestWorld.BRAND;
import static io.tally.domain.fakes.TestWorld.OTHER_BRAND;
import static io.tally.domain.fakes.TestWorld.context;
import static io.tally.domain.ledger.BalanceUseCasesTest.reason;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardSearch;
import io.tally.domain.card.Customer;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountAndQueriesTest {
    private final TestWorld w = new TestWorld();
    private final CardNumber card = w.activeCard();

    private Outcome<Card> update(CardNumber c, Customer customer, Map<String, String> data, boolean enroll) {
        return w.account.update(new UpdateAccountUseCase.UpdateAccountCommand(context(), w.info(), c, Optional.of(customer),
                Optional.empty(), Map.of(), data, Map.of(), Optional.empty(), enroll, Optional.empty()));
    }

    private static Customer customer(String first, String email, String phone) {
        return new Customer(first, null, email, phone, null, null, null, null, null, null, null, null);
    }

    @Test
    void enrollment_writes_one_enroll_entry_and_stamps_the_profile() {
        Card enrolled = update(card, customer("Ada", "Ada@Example.com", "+1 (555) 010-2030"), Map.of("size", "M"), true).value();
        update(card, customer(null, null, "555 010 2031"), Map.of("size", ""), true).value();

        assertTrue(enrolled.enrolled());
        assertEquals(1, w.ledger.all(BRAND, card).size());
        assertEquals(EntryType.ENROLL, w.ledger.all(BRAND, card).get(0).type());
        Card stored = w.cards.load(BRAND, card).orElseThrow();
        assertEquals("Ada", stored.primaryCustomer().orElseThrow().firstName(), "absent fields are kept");
        assertEquals("555 010 2031", stored.primaryCustomer().orElseThrow().phone());
        assertTrue(stored.customData().isEmpty(), "an empty value deletes");
        assertEquals(w.state(card).enrolledAt(), stored.enrolledAt());
    }

    @Test
    void bad_profile_data_is_invalid_request() {
        assertEquals(Reason.INVALID_REQUEST, reason(update(card, customer("A", "not-an-email", null), Map.of(), false)));
        assertEquals(Reason.INVALID_REQUEST, reason(update(card, customer("A", null, "12"), Map.of(), false)));
        assertEquals(Reason.INVALID_REQUEST, reason(update(card, customer("x".repeat(65), null, null), Map.of(), false)));
    }

    @Test
    void search_by_email_and_phone_within_the_brand_only() {
        update(card, customer("Ada", "ada@example.com", "+1 555 010 2030"), Map.of(), false).value();
        CardNumber foreign = w.activeCard(OTHER_BRAND);
        w.account.update(new UpdateAccountUseCase.UpdateAccountCommand(context(OTHER_BRAND), w.info(), foreign,
                Optional.of(customer("Eve", "ada@example.com", null)), Optional.empty(), Map.of(), Map.of(), Map.of(),
                Optional.empty(), false, Optional.empty())).value();

        assertEquals(1, w.queries.search(BRAND, new CardSearch.ByEmail("ADA@example.com"), false, 10).size());
        assertEquals(card, w.queries.search(BRAND, new CardSearch.ByPhone("15550102030"), false, 10).get(0).card().number());
    }

    @Test
    void history_pages_through_a_time_range() {
        for (int i = 0; i < 5; i++) {
            w.issue(card, 10).value();
            w.clock.advance(Duration.ofMinutes(1));
        }
        Instant from = TestWorld.START.plus(Duration.ofMinutes(1));
        CardQueriesUseCase.HistoryQuery q = new CardQueriesUseCase.HistoryQuery(BRAND, card, from, Instant.MAX.minusSeconds(1), 2, Optional.empty());

        HistoryPage first = w.queries.history(q).value();
        HistoryPage second = w.queries.history(new CardQueriesUseCase.HistoryQuery(BRAND, card, from, Instant.MAX.minusSeconds(1), 2, first.next())).value();

        assertEquals(java.util.List.of(2L, 3L), first.entries().stream().map(LedgerEntry::sequence).toList());
        assertEquals(java.util.List.of(4L, 5L), second.entries().stream().map(LedgerEntry::sequence).toList());
        assertTrue(second.next().isEmpty());
        assertEquals(Reason.CARD_NOT_FOUND, reason(w.queries.history(new CardQueriesUseCase.HistoryQuery(OTHER_BRAND, card, from,
                Instant.MAX.minusSeconds(1), 2, Optional.empty()))));
    }
}
