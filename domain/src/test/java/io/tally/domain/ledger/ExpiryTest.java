package io.tally.domain.ledger;

import static io.tally.domain.fakes.TestWorld.BRAND;
import static io.tally.domain.fakes.TestWorld.START;
import static io.tally.domain.fakes.TestWorld.USD;
import static io.tally.domain.ledger.BalanceUsecasesHelpers.days;
import static io.tally.domain.ledger.BalanceUseCasesTest.reason;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.shared.Reason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpiryTest {
    private final TestWorld w = new TestWorld();
    private final CardNumber card = w.activeCard();

    @Test
    void redemptions_spend_the_earliest_expiring_value_first_and_never_expiring_value_last() {
        TransactionId never = w.issue(card, 100).value().transactionId();
        TransactionId late = w.issueExpiring(card, 100, START.plus(days(60))).value().transactionId();
        TransactionId early = w.issueExpiring(card, 100, START.plus(days(30))).value().transactionId();

        BalanceResult r = w.redeem(card, 150).value();

        List<Change> changes = r.entry().posting().changes();
        assertEquals(early, ((Change.Take) changes.get(0)).slice().source());
        assertEquals(100, ((Change.Take) changes.get(0)).slice().amount());
        assertEquals(late, ((Change.Take) changes.get(1)).slice().source());
        assertEquals(50, ((Change.Take) changes.get(1)).slice().amount());
        assertEquals(100, w.state(card).balance(USD).bucket(never).orElseThrow().remaining());
    }

    @Test
    void expired_value_is_not_spendable_and_leaves_through_an_expire_entry_dated_at_its_expiry() {
        w.issue(card, 100);
        w.issueExpiring(card, 500, START.plus(days(30)));
        w.clock.advance(days(31));

        assertEquals(Reason.INSUFFICIENT_FUNDS, reason(w.redeem(card, 101)), "expired value cannot be spent");

        LedgerEntry expired = w.ledger.head(BRAND, card).orElseThrow();
        assertEquals(EntryType.EXPIRE, expired.type(), "the refused call still wrote down what time had done");
        assertEquals(START.plus(days(30)), expired.time(), "dated at the expiry, not when it was noticed");
        assertEquals(-500, expired.movements().get(0).balanceDelta());
        assertEquals(100, w.balance(card));
        assertTrue(w.expire.sweep(BRAND, card).value().isEmpty(), "nothing left for the sweeper");
    }

    @Test
    void the_sweeper_writes_the_same_entry_a_call_would_have_written() {
        w.issueExpiring(card, 500, START.plus(days(30)));
        w.clock.advance(days(31));

        List<LedgerEntry> swept = w.expire.sweep(BRAND, card).value();

        assertEquals(1, swept.size());
        assertEquals(EntryType.EXPIRE, swept.get(0).type());
        assertEquals(START.plus(days(30)), swept.get(0).time());
        assertEquals(0, w.balance(card));
        assertTrue(w.expire.sweep(BRAND, card).value().isEmpty());
    }

    @Test
    void held_value_is_protected_from_expiry_until_the_hold_closes() {
        w.issueExpiring(card, 500, START.plus(days(30)));
        TransactionId hold = w.hold.hold(new HoldUseCase.HoldCommand(TestWorld.context(), w.info(), card, USD, 300,
                java.util.Optional.of(START.plus(days(31))), false, java.util.Optional.empty())).value().transactionId();
        w.clock.set(START.plus(days(30)));

        List<LedgerEntry> swept = w.expire.sweep(BRAND, card).value();

        assertEquals(-200, swept.get(0).movements().get(0).balanceDelta(), "only value beyond the hold expires");
        w.redeemFromHold(card, hold, 300, false).value();
        assertEquals(0, w.balance(card));
    }

    @Test
    void a_lapsed_hold_lets_the_value_it_kept_expire_at_the_lapse() {
        w.issueExpiring(card, 500, START.plus(days(2)));
        w.hold(card, 300).value();
        w.clock.set(START.plus(days(8)));

        List<LedgerEntry> swept = w.expire.sweep(BRAND, card).value();

        assertEquals(List.of(EntryType.EXPIRE, EntryType.RELEASE, EntryType.EXPIRE), swept.stream().map(LedgerEntry::type).toList());
        assertEquals(List.of(START.plus(days(2)), START.plus(days(7)), START.plus(days(7))),
                swept.stream().map(LedgerEntry::time).toList(), "what the hold did not need expired at once; the rest at the lapse");
        assertEquals(List.of(-200L, 0L, -300L), swept.stream().map(e -> e.movements().get(0).balanceDelta()).toList());
        assertEquals(0, w.balance(card));
    }

    @Test
    void an_expiry_in_the_past_is_invalid() {
        assertEquals(Reason.INVALID_REQUEST, reason(w.issueExpiring(card, 100, START.minus(Duration.ofSeconds(1)))));
    }
}
