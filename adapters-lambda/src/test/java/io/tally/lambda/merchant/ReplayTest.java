package io.tally.lambda.merchant;

import static io.tally.lambda.merchant.MerchantHarness.j;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardStatus;
import io.tally.domain.fakes.TestWorld;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A repeated customRequestId answers the first body byte for byte and changes nothing; reuse is refused. */
class ReplayTest {
    private final MerchantHarness h = new MerchantHarness();

    private static Map<String, String> id(String id) {
        return Map.of("customRequestId", id);
    }

    private static String issue(CardNumber card, String amount) {
        return j("{'cardNumber':'" + card.value() + "','action':'issue','returnBalances':true,"
                + "'amount':{'balanceType':'Currency','balanceCode':'USD','amount':" + amount + "}}");
    }

    @Test
    void aRepeatedBalanceUpdateAnswersTheSameBodyAndChangesNothing() {
        CardNumber card = h.world.activeCard();
        var first = h.call("updateBalance", issue(card, "10"), id("till-1-0001"));
        assertTrue(first.ok(), first.raw());
        int entries = h.ledger(card).size();
        int events = h.world.events.published().size();

        var repeat = h.call("updateBalance", issue(card, "10"), Map.of("CustomRequestId", "till-1-0001"));
        assertEquals(first.raw(), repeat.raw(), "identical body, requestRef included");
        assertEquals(entries, h.ledger(card).size());
        assertEquals(1000, h.world.balance(card));
        assertTrue(h.world.events.published().size() >= events, "the event may be re-published (same id), nothing else");

        var reused = h.call("updateBalance", issue(card, "11"), id("till-1-0001"));
        assertEquals(26, reused.code(), reused.raw());
        assertEquals(entries, h.ledger(card).size());
        assertEquals(1000, h.world.balance(card));

        var otherMethod = h.call("allocate", j("{'cardSetId':'set-1'}"), id("till-1-0001"));
        assertEquals(26, otherMethod.code(), "an id is one request, whatever the method");

        var fresh = h.call("updateBalance", issue(card, "10"), id("till-1-0002"));
        assertTrue(fresh.ok());
        assertNotEquals(first.get("transactionId"), fresh.get("transactionId"));
        assertEquals(2000, h.world.balance(card));
    }

    @Test
    void aRepeatedRedemptionAndVoidAreReplayedNotReapplied() {
        CardNumber card = h.cardWith(5000);
        String redeem = j("{'cardNumber':'" + card.value() + "','action':'redeem','amount':{'balanceType':'Currency','balanceCode':'USD','amount':20}}");
        var first = h.call("updateBalance", redeem, id("r-1"));
        assertEquals(first.raw(), h.call("updateBalance", redeem, id("r-1")).raw());
        assertEquals(3000, h.world.balance(card));

        String voidBody = j("{'transactionId':'" + first.get("transactionId").asText() + "'}");
        var voided = h.call("voidTransaction", voidBody, id("v-1"));
        assertTrue(voided.ok(), voided.raw());
        assertEquals(voided.raw(), h.call("voidTransaction", voidBody, id("v-1")).raw(), "not ALREADY_VOIDED");
        assertEquals(25, h.call("voidTransaction", voidBody, id("v-2")).code());
        assertEquals(5000, h.world.balance(card));
    }

    @Test
    void aRepeatedAllocationReturnsTheSamePinAndAllocatesNothingMore() {
        CardNumber a = h.world.poolCard(TestWorld.BRAND);
        CardNumber b = h.world.poolCard(TestWorld.BRAND);
        var first = h.call("allocate", j("{'cardSetId':'set-1'}"), id("enroll-42"));
        assertTrue(first.ok(), first.raw());
        var repeat = h.call("allocate", j("{ 'cardSetId' : 'set-1' }"), id("enroll-42"));
        assertEquals(first.raw(), repeat.raw(), "same card, same PIN, same requestRef");
        long active = java.util.stream.Stream.of(a, b)
                .filter(n -> h.world.cards.load(TestWorld.BRAND, n).orElseThrow().status() == CardStatus.ACTIVE).count();
        assertEquals(1, active, "the repeat allocated nothing");
        assertEquals(26, h.call("allocate", j("{'cardNumber':'" + b.value() + "'}"), id("enroll-42")).code());
    }

    @Test
    void aFailedFirstAttemptIsNotStoredAndARepeatedProfileUpdateIsReplayed() {
        var refused = h.call("allocate", j("{'cardSetId':'set-1'}"), id("alloc-1"));
        assertEquals(13, refused.code(), "pool empty");
        h.world.poolCard(TestWorld.BRAND);
        var retried = h.call("allocate", j("{'cardSetId':'set-1'}"), id("alloc-1"));
        assertTrue(retried.ok(), "a refusal is not an answer to replay: " + retried.raw());

        CardNumber card = h.world.activeCard();
        String body = j("{'cardNumber':'" + card.value() + "','countAsEnrollment':true,'primaryCustomer':{'firstName':'Ann'}}");
        var first = h.call("updateAccount", body, id("acct-1"));
        assertTrue(first.ok(), first.raw());
        assertEquals(first.raw(), h.call("updateAccount", body, id("acct-1")).raw());
        assertEquals(26, h.call("updateAccount", body.replace("Ann", "Bob"), id("acct-1")).code());
        assertEquals("Ann", h.world.cards.load(TestWorld.BRAND, card).orElseThrow().primaryCustomer().orElseThrow().firstName());
        assertEquals(1, h.ledger(card).size(), "enrolled once");
    }

    @Test
    void readsIgnoreTheIdAndOverlongIdsAreRefused() {
        CardNumber card = h.cardWith(100);
        String search = j("{'filters':{'cardNumber':'" + card.value() + "'}}");
        var a = h.call("search", search, id("s-1"));
        var b = h.call("search", search, id("s-1"));
        assertTrue(a.ok() && b.ok());
        assertNotEquals(a.get("requestRef"), b.get("requestRef"));
        var tooLong = h.call("updateBalance", issue(card, "1"), id("x".repeat(129)));
        assertEquals(1, tooLong.code());
        assertEquals(100, h.world.balance(card));
    }
}
