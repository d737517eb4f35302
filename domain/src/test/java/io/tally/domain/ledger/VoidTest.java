package io.tally.domain.ledger;

import static io.tally.domain.fakes.TestWorld.START;
import static io.tally.domain.fakes.TestWorld.USD;
import static io.tally.domain.ledger.BalanceUseCasesTest.reason;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tally.domain.card.CardNumber;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.shared.Reason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VoidTest {
    private final TestWorld w = new TestWorld();
    private final CardNumber card = w.activeCard();

    @Test
    void voiding_an_issuance_takes_its_value_off_exactly_once() {
        w.issue(card, 100);
        TransactionId issued = w.issue(card, 500).value().transactionId();

        BalanceResult voided = w.voidTransaction(card, issued).value();

        assertEquals(EntryType.VOID, voided.entry().type());
        assertEquals(issued, voided.entry().posting().related().orElseThrow().transactionId());
        assertEquals(100, w.balance(card));
        assertEquals(Reason.ALREADY_VOIDED, reason(w.voidTransaction(card, issued)));
    }

    @Test
    void voiding_a_redemption_puts_the_value_back_into_its_buckets() {
        TransactionId expiring = w.issueExpiring(card, 300, START.plus(Duration.ofDays(30))).value().transactionId();
        w.issue(card, 300);
        TransactionId redeemed = w.redeem(card, 400).value().transactionId();

        w.voidTransaction(card, redeemed).value();

        assertEquals(600, w.balance(card));
        Bucket restored = w.state(card).balance(USD).bucket(expiring).orElseThrow();
        assertEquals(300, restored.remaining());
        assertEquals(START.plus(Duration.ofDays(30)), restored.expiresAt().orElseThrow(), "with its original expiry");
        assertEquals(Reason.ALREADY_VOIDED, reason(w.voidTransaction(card, redeemed)));
    }

    @Test
    void a_spent_issuance_is_not_voidable() {
        TransactionId issued = w.issue(card, 500).value().transactionId();
        w.redeem(card, 1);

        assertEquals(Reason.NOT_VOIDABLE, reason(w.voidTransaction(card, issued)));
        assertEquals(499, w.balance(card));
    }

    @Test
    void an_issuance_reserved_by_a_hold_is_not_voidable() {
        TransactionId issued = w.issue(card, 500).value().transactionId();
        w.hold(card, 100).value();

        assertEquals(Reason.NOT_VOIDABLE, reason(w.voidTransaction(card, issued)));
    }

    @Test
    void voids_and_expiry_are_not_voidable_and_unknown_ids_are_not_found() {
        TransactionId issued = w.issue(card, 500).value().transactionId();
        TransactionId voidId = w.voidTransaction(card, issued).value().transactionId();

        assertEquals(Reason.NOT_VOIDABLE, reason(w.voidTransaction(card, voidId)));
        assertEquals(Reason.TRANSACTION_NOT_FOUND, reason(w.voidTransaction(card, new TransactionId("42"))));
        assertEquals(Reason.TRANSACTION_NOT_FOUND, reason(w.voidTransaction(w.activeCard(), issued)), "names another card");
    }

    @Test
    void only_transactions_inside_the_void_window_can_be_voided() {
        TransactionId old = w.issue(card, 1).value().transactionId();
        for (int i = 0; i < LedgerLimits.VOID_WINDOW; i++) {
            w.issue(card, 1).value();
            w.redeem(card, 1).value();
        }

        assertEquals(Reason.NOT_VOIDABLE, reason(w.voidTransaction(card, old)));
    }

    @Test
    void the_voided_set_stays_bounded() {
        for (int i = 0; i < LedgerLimits.VOID_WINDOW * 2; i++) {
            TransactionId t = w.issue(card, 1).value().transactionId();
            w.voidTransaction(card, t).value();
        }
        assertEquals(LedgerLimits.VOID_WINDOW / 2, w.state(card).voided().size());
    }
}
