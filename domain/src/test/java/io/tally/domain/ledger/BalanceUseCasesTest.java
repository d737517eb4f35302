package io.tally.domain.ledger;

import static io.tally.domain.fakes.TestWorld.BRAND;
import static io.tally.domain.fakes.TestWorld.OTHER_BRAND;
import static io.tally.domain.fakes.TestWorld.USD;
import static io.tally.domain.fakes.TestWorld.context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.program.ValueTypeLimits;
import io.tally.domain.shared.Backoff;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.domain.shared.RetryPolicy;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BalanceUseCasesTest {
    private final TestWorld w = new TestWorld();
    private final CardNumber card = w.activeCard();

    static Reason reason(Outcome<?> o) {
        return ((Outcome.Rejected<?>) o).rejection().reason();
    }

    @Test
    void issue_then_redeem_moves_the_balance_and_numbers_entries() {
        BalanceResult issued = w.issue(card, 5000).value();
        BalanceResult redeemed = w.redeem(card, 1250).value();

        assertEquals(3750, w.balance(card));
        assertEquals(1, issued.entry().sequence());
        assertEquals(2, redeemed.entry().sequence());
        assertEquals(EntryType.REDEEM, redeemed.entry().type());
        assertEquals(-1250, redeemed.entry().movements().get(0).balanceDelta());
        assertTrue(redeemed.transactionId().compareTo(issued.transactionId()) > 0, "transaction ids increase");
        assertFalse(redeemed.didOverdraw());
    }

    @Test
    void every_change_publishes_an_event_named_after_its_transaction() {
        BalanceResult issued = w.issue(card, 100).value();

        assertEquals(1, w.events.published().size());
        assertEquals(LedgerEvents.eventId(issued.entry()), w.events.published().get(0).id());
        assertEquals("ledger.issue", w.events.published().get(0).type());
        assertEquals("100", w.events.published().get(0).data().get("balance.Currency:USD"));
    }

    @Test
    void redeeming_more_than_available_is_insufficient_funds_and_writes_nothing() {
        w.issue(card, 1000);

        assertEquals(Reason.INSUFFICIENT_FUNDS, reason(w.redeem(card, 1001)));
        assertEquals(1000, w.balance(card));
        assertEquals(1, w.state(card).sequence());
    }

    @Test
    void redeem_max_on_overdraw_spends_what_there_is_and_reports_the_rest_due() {
        w.issue(card, 1000);

        BalanceResult r = w.redeem(card, 1500, true).value();

        assertTrue(r.didOverdraw());
        assertEquals(500, r.amountDue());
        assertEquals(0, w.balance(card));
        assertEquals(Reason.INSUFFICIENT_FUNDS, reason(w.redeem(card, 1, true)), "nothing at all to spend");
    }

    @Test
    void limits_of_the_value_type_are_rejections() {
        TestWorld limited = new TestWorld(new ValueTypeLimits(10_000, 500, 5_000, 200, 3_000), RetryPolicy.of(3, Backoff.NONE), 1);
        CardNumber c = limited.activeCard();

        assertEquals(Reason.AMOUNT_BELOW_MINIMUM, reason(limited.issue(c, 499)));
        assertEquals(Reason.AMOUNT_ABOVE_MAXIMUM, reason(limited.issue(c, 5_001)));
        limited.issue(c, 5_000).value();
        limited.issue(c, 5_000).value();
        assertEquals(Reason.BALANCE_LIMIT_EXCEEDED, reason(limited.issue(c, 500)));
        assertEquals(Reason.AMOUNT_BELOW_MINIMUM, reason(limited.redeem(c, 199)));
        assertEquals(Reason.AMOUNT_ABOVE_MAXIMUM, reason(limited.redeem(c, 3_001)));
        assertEquals(Reason.INVALID_AMOUNT, reason(limited.issue(c, 0)));
        assertEquals(Reason.INVALID_AMOUNT, reason(limited.redeem(c, -5)));
        assertEquals(10_000, limited.balance(c));
    }

    @Test
    void a_value_type_outside_the_cards_program_is_unknown() {
        Outcome<BalanceResult> o = w.issue.issue(new IssueUseCase.IssueCommand(context(), w.info(), card,
                ValueTypeKey.currency("EUR"), 100, Optional.empty(), false, Optional.empty()));

        assertEquals(Reason.UNKNOWN_VALUE_TYPE, reason(o));
    }

    @Test
    void balances_are_per_value_type() {
        w.issue(card, 100);
        w.issue.issue(new IssueUseCase.IssueCommand(context(), w.info(), card, TestWorld.POINTS, 7, Optional.empty(),
                false, Optional.empty())).value();

        assertEquals(100, w.state(card).balance(USD).total());
        assertEquals(7, w.state(card).balance(TestWorld.POINTS).total());
        assertEquals(2, w.state(card).balanceList().size());
    }

    @Test
    void unknown_unallocated_and_other_brand_cards() {
        CardNumber pool = w.poolCard(BRAND);
        CardNumber foreign = w.activeCard(OTHER_BRAND);

        assertEquals(Reason.CARD_NOT_ACTIVE, reason(w.issue(pool, 100)));
        assertEquals(Reason.CARD_NOT_FOUND, reason(w.issue(foreign, 100)), "another brand's card looks unknown");
        assertEquals(Reason.CARD_NOT_FOUND, reason(w.queries.lookup(BRAND, foreign, Optional.empty())));
        assertTrue(w.ledger.head(OTHER_BRAND, foreign).isEmpty());
    }

    @Test
    void a_foreign_transaction_cannot_be_voided_or_redeemed_from() {
        CardNumber foreign = w.activeCard(OTHER_BRAND);
        BalanceResult theirs = w.issue.issue(new IssueUseCase.IssueCommand(context(OTHER_BRAND), w.info(), foreign, USD,
                100, Optional.empty(), false, Optional.empty())).value();

        Outcome<BalanceResult> v = w.voids.voidTransaction(new VoidUseCase.VoidCommand(context(), w.info(),
                Optional.empty(), theirs.transactionId()));

        assertEquals(Reason.TRANSACTION_NOT_FOUND, reason(v));
    }

    @Test
    void a_wrong_pin_is_rejected_when_pin_validation_is_forced() {
        Outcome<BalanceResult> wrong = w.issue.issue(new IssueUseCase.IssueCommand(context(), w.info(), card, USD, 100,
                Optional.empty(), false, Optional.of("9999")));
        Outcome<BalanceResult> right = w.issue.issue(new IssueUseCase.IssueCommand(context(), w.info(), card, USD, 100,
                Optional.empty(), false, Optional.of(TestWorld.PIN)));

        assertEquals(Reason.INVALID_PIN, reason(wrong));
        assertTrue(right.isAccepted());
    }

    @Test
    void store_credit_is_tracked_apart_and_spent_after_regular_value() {
        w.issueStoreCredit(card, 300);
        w.issue(card, 200);

        w.redeem(card, 250).value();

        Balance b = w.state(card).balance(USD);
        assertEquals(250, b.total());
        assertEquals(250, b.returnRelated(), "regular value went first; 50 of the store credit");
    }

    @Test
    void a_lost_race_is_retried_and_a_card_that_stays_busy_is_contended() {
        int[] pauses = new int[1];
        TestWorld busy = new TestWorld(ValueTypeLimits.NONE, RetryPolicy.of(4, attempt -> pauses[0]++), 3);
        CardNumber c = busy.activeCard();

        busy.ledger.failNextAppends(3);
        assertTrue(busy.issue(c, 100).isAccepted(), "fourth attempt wins");
        assertEquals(3, pauses[0]);

        busy.ledger.failNextAppends(4);
        assertEquals(Reason.CONTENDED, reason(busy.issue(c, 100)));
        assertEquals(100, busy.balance(c));
    }

    @Test
    void an_inactive_card_cannot_move_value() {
        Card active = w.cards.load(BRAND, card).orElseThrow();
        Card inactive = new Card(active.brand(), active.number(), active.program(), active.cardSet(), active.customCardNumber(),
                io.tally.domain.card.CardStatus.INACTIVE, active.pinHash(), active.primaryCustomer(), active.alternateCustomer(),
                active.brandDemographics(), active.customData(), active.thirdPartyUsernames(), active.activatedAt(),
                active.enrolledAt(), active.version() + 1);
        w.cards.update(inactive);

        assertEquals(Reason.CARD_NOT_ACTIVE, reason(w.issue(card, 100)));
    }
}
