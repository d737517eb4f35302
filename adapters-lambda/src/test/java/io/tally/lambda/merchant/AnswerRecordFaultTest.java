package io.tally.lambda.merchant;

import static io.tally.lambda.merchant.MerchantHarness.j;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.fakes.Crash;
import io.tally.domain.ledger.EntryType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, findings 4 and 5 at the merchant API: recording the answer of a customRequestId comes after the money
 * moved, so its failure is never an error to the caller, and a retry makes no second effect: within the first call's
 * lease it is told 409, after it the retry takes the claim over and finds the entry already written.
 */
class AnswerRecordFaultTest {
    private final MerchantHarness h = new MerchantHarness();
    private final CardNumber card = h.cardWith(10_000);

    private String redeem() {
        return j("{'cardNumber':'" + card.value() + "','action':'redeem',"
                + "'amount':{'balanceType':'Currency','balanceCode':'USD','amount':25}}");
    }

    private long redemptions() {
        return h.ledger(card).stream().filter(e -> e.type() == EntryType.REDEEM).count();
    }

    @Test
    void an_outage_when_recording_the_answer_is_still_a_success_and_the_retry_finds_the_same_transaction() {
        h.world.idempotency.failNextCompletions(1);

        var first = h.call("updateBalance", redeem(), Map.of("customRequestId", "pos-9-0001"));
        var tooSoon = h.call("updateBalance", redeem(), Map.of("customRequestId", "pos-9-0001"));
        h.world.clock.advance(Duration.ofMinutes(1));
        var later = h.call("updateBalance", redeem(), Map.of("customRequestId", "pos-9-0001"));

        assertTrue(first.ok(), first.raw());
        assertEquals(409, tooSoon.status());
        assertEquals(32, tooSoon.code());
        assertTrue(later.ok(), later.raw());
        assertEquals(first.get("transactionId"), later.get("transactionId"));
        assertEquals(1, redemptions());
        assertEquals(7_500, h.world.balance(card));
    }

    @Test
    void a_crash_before_the_answer_is_recorded_is_completed_by_the_retry_with_one_effect() {
        h.world.idempotency.crashNextCompletions(1);
        assertThrows(Crash.class, () -> h.call("updateBalance", redeem(), Map.of("customRequestId", "pos-9-0002")));
        h.world.clock.advance(Duration.ofMinutes(1));

        var retry = h.call("updateBalance", redeem(), Map.of("customRequestId", "pos-9-0002"));
        var repeat = h.call("updateBalance", redeem(), Map.of("customRequestId", "pos-9-0002"));

        assertTrue(retry.ok(), retry.raw());
        assertEquals(retry.raw(), repeat.raw(), "from then on the retry's answer is the one replayed");
        assertEquals(1, redemptions());
        assertEquals(7_500, h.world.balance(card));
    }
}
