package io.tally.domain.ledger;

import static io.tally.domain.fakes.TestWorld.BRAND;
import static io.tally.domain.fakes.TestWorld.START;
import static io.tally.domain.fakes.TestWorld.USD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.program.ValueTypeLimits;
import io.tally.domain.shared.Backoff;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.domain.shared.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdjustTest {
    private final TestWorld w = new TestWorld(new ValueTypeLimits(2_000, 0, 500, 0, 0), RetryPolicy.of(8, Backoff.NONE), 42);
    private final AdjustUseCase adjust = new AdjustUseCase(w.writer, w.programs);
    private final CardNumber card = w.activeCard();
    private int keys;

    private Outcome<BalanceResult> adjust(long amount) {
        return adjust.adjust(command(amount, "k-" + (++keys)));
    }

    private AdjustUseCase.AdjustCommand command(long amount, String key) {
        return new AdjustUseCase.AdjustCommand(BRAND, card, USD, amount, "goodwill after a broken till", key, "ref-" + key);
    }

    private static Reason reason(Outcome<?> o) {
        return ((Outcome.Rejected<?>) o).rejection().reason();
    }

    @Test
    void an_increase_is_one_adjust_entry_with_the_reason_and_ignores_issuance_limits() {
        BalanceResult r = adjust(1_500).value();

        assertEquals(EntryType.ADJUST, r.entry().type());
        assertEquals(1_500, w.balance(card), "above the 5.00 maximum issuance: a correction is not a sale");
        assertEquals("goodwill after a broken till", r.entry().posting().origin().note().orElseThrow());
        assertTrue(r.entry().posting().origin().location().isEmpty());
    }

    @Test
    void an_increase_respects_the_maximum_balance() {
        adjust(1_500).value();
        assertEquals(Reason.BALANCE_LIMIT_EXCEEDED, reason(adjust(501)));
        assertEquals(2_000, adjust(500).value().state().balance(USD).total());
    }

    @Test
    void a_decrease_never_takes_more_than_the_available_balance() {
        w.issueExpiring(card, 300, START.plus(Duration.ofDays(1)));
        w.issue(card, 200);
        w.hold(card, 100).value();

        assertEquals(Reason.INSUFFICIENT_FUNDS, reason(adjust(-401)), "400 spendable: 500 minus the hold of 100");
        assertEquals(100, adjust(-400).value().state().balance(USD).total());
        w.clock.advance(Duration.ofDays(2));
        assertEquals(Reason.INSUFFICIENT_FUNDS, reason(adjust(-1)), "what is left is held");
    }

    @Test
    void a_repeat_of_the_same_key_answers_the_first_entry_and_a_different_request_under_it_is_refused() {
        BalanceResult first = adjust.adjust(command(250, "same")).value();
        BalanceResult again = adjust.adjust(command(250, "same")).value();

        assertTrue(again.replayed());
        assertEquals(first.transactionId(), again.transactionId());
        assertEquals(250, w.balance(card));
        assertEquals(Reason.REQUEST_ID_REUSED, reason(adjust.adjust(command(300, "same"))));
    }

    @Test
    void zero_a_missing_reason_and_an_unknown_card_are_refused() {
        assertEquals(Reason.INVALID_AMOUNT, reason(adjust(0)));
        assertEquals(Reason.INVALID_REQUEST, reason(adjust.adjust(
                new AdjustUseCase.AdjustCommand(BRAND, card, USD, 5, " ", "k", "r"))));
        assertEquals(Reason.CARD_NOT_FOUND, reason(adjust.adjust(
                new AdjustUseCase.AdjustCommand(TestWorld.OTHER_BRAND, card, USD, 5, "x", "k", "r"))));
    }

    @Test
    void an_adjustment_is_not_voidable() {
        TransactionId adjusted = adjust(700).value().transactionId();
        assertEquals(Reason.NOT_VOIDABLE, reason(w.voidTransaction(card, adjusted)));
        assertEquals(700, w.balance(card));
    }
}
