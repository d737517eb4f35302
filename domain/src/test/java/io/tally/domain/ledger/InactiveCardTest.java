package io.tally.domain.ledger;

import static io.tally.domain.fakes.CheckoutWorld.basket;
import static io.tally.domain.fakes.TestWorld.BRAND;
import static io.tally.domain.fakes.TestWorld.START;
import static io.tally.domain.fakes.TestWorld.USD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.CardStatus;
import io.tally.domain.fakes.CheckoutWorld;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An INACTIVE card (switched off by the back office) refuses every money movement with CARD_NOT_ACTIVE (the merchant
 * API's error 11, HTTP 400), while time still acts on it: value expires and holds lapse, because the card's state is a
 * function of its operations and of time, never of whether it is switched on.
 */
class InactiveCardTest {
    private final CheckoutWorld shop = new CheckoutWorld();
    private final TestWorld w = shop.world;
    private final CardNumber card = w.activeCard();

    private void switchOff() {
        Card c = w.cards.load(BRAND, card).orElseThrow();
        assertEquals(CardPort.WriteOutcome.WRITTEN, w.cards.update(c.withStatus(CardStatus.INACTIVE)));
    }

    private static Reason reason(Outcome<?> o) {
        return ((Outcome.Rejected<?>) o).rejection().reason();
    }

    @Test
    void every_money_movement_on_an_inactive_card_is_refused() {
        TransactionId issued = w.issue(card, 1_000).value().transactionId();
        TransactionId held = w.hold(card, 100).value().transactionId();
        CardState before = w.state(card);
        switchOff();

        assertEquals(Reason.CARD_NOT_ACTIVE, reason(w.issue(card, 100)));
        assertEquals(Reason.CARD_NOT_ACTIVE, reason(w.redeem(card, 100)));
        assertEquals(Reason.CARD_NOT_ACTIVE, reason(w.hold(card, 100)));
        assertEquals(Reason.CARD_NOT_ACTIVE, reason(w.redeemFromHold(card, held, 50, false)));
        assertEquals(Reason.CARD_NOT_ACTIVE, reason(w.release(card, held)));
        assertEquals(Reason.CARD_NOT_ACTIVE, reason(w.voidTransaction(card, issued)));
        assertEquals(Reason.CARD_NOT_ACTIVE, reason(shop.buy(card, basket("COFFEE-S", 1, "3.00"))));
        assertEquals(before, w.state(card), "nothing was written");
    }

    @Test
    void an_adjustment_is_refused_too_until_the_card_is_reactivated() {
        w.issue(card, 1_000);
        switchOff();
        AdjustUseCase adjust = new AdjustUseCase(w.writer, w.programs);
        AdjustUseCase.AdjustCommand c = new AdjustUseCase.AdjustCommand(BRAND, card, USD, -100, "goodwill", "k-1", "ref-1");

        assertEquals(Reason.CARD_NOT_ACTIVE, reason(adjust.adjust(c)));

        Card off = w.cards.load(BRAND, card).orElseThrow();
        w.cards.update(off.withStatus(CardStatus.ACTIVE));
        assertEquals(900, adjust.adjust(c).value().state().balance(USD).total());
        assertEquals(800, w.redeem(card, 100).value().state().balance(USD).total(), "money moves again once reactivated");
    }

    @Test
    void time_still_acts_on_an_inactive_card_expiry_and_hold_lapse() {
        w.issueExpiring(card, 300, START.plus(Duration.ofDays(1)));
        w.issue(card, 200);
        w.hold(card, 50).value();
        switchOff();

        w.clock.advance(Duration.ofDays(40));
        var swept = w.expire.sweep(BRAND, card).value();

        CardState after = w.state(card);
        assertEquals(200, after.balance(USD).total(), "the expiring value went");
        assertEquals(0, after.balance(USD).holds().size(), "the hold lapsed");
        assertEquals(java.util.Set.of(EntryType.RELEASE, EntryType.EXPIRE),
                swept.stream().map(LedgerEntry::type).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void a_retry_of_a_request_that_committed_before_the_switch_off_keeps_its_answer() {
        RequestInfo once = w.info().withCustomRequestId("till-42");
        var first = w.issue.issue(new IssueUseCase.IssueCommand(TestWorld.context(), once, card, USD, 500,
                java.util.Optional.empty(), false, java.util.Optional.empty())).value();
        switchOff();

        var retried = w.issue.issue(new IssueUseCase.IssueCommand(TestWorld.context(), once, card, USD, 500,
                java.util.Optional.empty(), false, java.util.Optional.empty())).value();

        assertEquals(first.transactionId(), retried.transactionId());
        assertEquals(500, w.balance(card));
        assertEquals(Reason.CARD_NOT_ACTIVE, reason(w.issue.issue(new IssueUseCase.IssueCommand(TestWorld.context(),
                w.info().withCustomRequestId("till-43"), card, USD, 500, java.util.Optional.empty(), false,
                java.util.Optional.empty()))));
    }
}
