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
 * Issue 9, findings 4 and 5 at the merchant API, as issue 10 left them. A ledger method (updateBalance, voidTransaction)
 * records no answer: its entry is the answer, so a repeat (even one during the first call) is answered from the
 * entry, byte for byte, with one effect, and nothing after the money moved can fail the caller. A method that does
 * record its answer (updateAccount) still never turns a failed recording into an error: within the first call's lease a
 * repeat is told 409, after it the retry takes the claim over.
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
    void a_repeated_redemption_is_answered_from_its_entry_at_once_and_no_answer_is_recorded() {
        var first = h.call("updateBalance", redeem(), Map.of("customRequestId", "pos-9-0001"));
        var atOnce = h.call("updateBalance", redeem(), Map.of("customRequestId", "pos-9-0001"));
        h.world.clock.advance(Duration.ofMinutes(1));
        var later = h.call("updateBalance", redeem(), Map.of("customRequestId", "pos-9-0001"));

        assertTrue(first.ok(), first.raw());
        assertEquals(first.raw(), atOnce.raw(), "not 409: the card answers the repeat, with the first requestRef");
        assertEquals(first.raw(), later.raw());
        assertEquals(1, redemptions());
        assertEquals(7_500, h.world.balance(card));
        assertEquals(0, h.world.idempotency.storedBodies().size(), "the entry is the answer: none is stored");
    }

    @Test
    void a_crash_right_after_the_redemption_is_written_is_answered_by_the_retry_with_one_effect() {
        h.world.ledger.crashAfterAppending(e -> e.type() == EntryType.REDEEM);
        assertThrows(Crash.class, () -> h.call("updateBalance", redeem(), Map.of("customRequestId", "pos-9-0002")));

        var retry = h.call("updateBalance", redeem(), Map.of("customRequestId", "pos-9-0002"));
        var repeat = h.call("updateBalance", redeem(), Map.of("customRequestId", "pos-9-0002"));

        assertTrue(retry.ok(), retry.raw());
        assertEquals(retry.raw(), repeat.raw());
        assertEquals(h.ledger(card).stream().filter(e -> e.type() == EntryType.REDEEM).findFirst().orElseThrow()
                .posting().origin().requestRef().orElseThrow(), retry.get("requestRef").asText(),
                "the answer of the attempt that wrote the entry");
        assertEquals(1, redemptions());
        assertEquals(7_500, h.world.balance(card));
    }

    @Test
    void a_refused_redemption_leaves_the_id_free_for_a_retry_that_can_succeed() {
        String big = j("{'cardNumber':'" + card.value() + "','action':'redeem',"
                + "'amount':{'balanceType':'Currency','balanceCode':'USD','amount':250}}");
        var refused = h.call("updateBalance", big, Map.of("customRequestId", "pos-9-0003"));
        h.call("updateBalance", j("{'cardNumber':'" + card.value() + "','action':'issue',"
                + "'amount':{'balanceType':'Currency','balanceCode':'USD','amount':200}}"));
        var retried = h.call("updateBalance", big, Map.of("customRequestId", "pos-9-0003"));

        assertTrue(!refused.ok(), refused.raw());
        assertTrue(retried.ok(), retried.raw());
        assertEquals(5_000, h.world.balance(card));
    }

    @Test
    void an_outage_when_recording_an_answer_is_still_a_success_and_the_retry_after_the_lease_replays_it() {
        String update = j("{'cardNumber':'" + card.value() + "','primaryCustomer':{'firstName':'Ann'}}");
        h.world.idempotency.failNextCompletions(1);

        var first = h.call("updateAccount", update, Map.of("customRequestId", "acct-1"));
        var tooSoon = h.call("updateAccount", update, Map.of("customRequestId", "acct-1"));
        h.world.clock.advance(Duration.ofMinutes(1));
        var later = h.call("updateAccount", update, Map.of("customRequestId", "acct-1"));

        assertTrue(first.ok(), first.raw());
        assertEquals(409, tooSoon.status());
        assertEquals(32, tooSoon.code());
        assertTrue(later.ok(), later.raw());
        assertEquals(1, h.world.idempotency.storedBodies().size(), "the retry's answer is recorded");
    }

    @Test
    void a_crash_before_an_answer_is_recorded_is_completed_by_the_retry() {
        String update = j("{'cardNumber':'" + card.value() + "','primaryCustomer':{'firstName':'Bo'}}");
        h.world.idempotency.crashNextCompletions(1);
        assertThrows(Crash.class, () -> h.call("updateAccount", update, Map.of("customRequestId", "acct-2")));
        h.world.clock.advance(Duration.ofMinutes(1));

        var retry = h.call("updateAccount", update, Map.of("customRequestId", "acct-2"));
        var repeat = h.call("updateAccount", update, Map.of("customRequestId", "acct-2"));

        assertTrue(retry.ok(), retry.raw());
        assertEquals(retry.raw(), repeat.raw(), "from then on the retry's answer is the one replayed");
    }
}
