package io.tally.lambda.merchant;

import static io.tally.lambda.merchant.MerchantHarness.j;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.domain.card.CardNumber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** voidTransaction and cardHistory through the whole API on in-memory ports. */
class VoidAndHistoryTest {
    private final MerchantHarness h = new MerchantHarness();

    private String update(CardNumber card, String action, String amount) {
        var r = h.call("updateBalance", j("{'cardNumber':'" + card.value() + "','action':'" + action
                + "','amount':{'balanceType':'Currency','balanceCode':'USD','amount':" + amount + "}}"));
        assertTrue(r.ok(), r.raw());
        return r.get("transactionId").asText();
    }

    @Test
    void voidsAnIssuanceOnceAndTellsWhatItVoided() {
        CardNumber card = h.world.activeCard();
        String issued = update(card, "issue", "40");
        var voided = h.call("voidTransaction", j("{'transactionId':'" + issued + "','returnBalances':true}"));
        assertTrue(voided.ok(), voided.raw());
        assertEquals(issued, voided.get("voidedTransactionId").asText());
        assertEquals(card.value(), voided.get("cardNumber").asText());
        assertTrue(voided.get("transactionId").asText().compareTo(issued) > 0, "transaction ids increase");
        assertEquals("0.00", voided.get("balances").get(0).get("amount").decimalValue().toPlainString());
        assertEquals(0, h.world.balance(card));

        var again = h.call("voidTransaction", j("{'transactionId':" + issued + "}"));
        assertEquals(25, again.code(), again.raw());
        assertEquals(2, h.ledger(card).size());
    }

    @Test
    void voidsARedemptionAndRefusesWhatCannotBeVoided() {
        CardNumber card = h.cardWith(5000);
        String redeemed = update(card, "redeem", "20");
        assertEquals(3000, h.world.balance(card));
        var voided = h.call("voidTransaction", j("{'transactionId':'" + redeemed + "','cardNumber':" + card.value() + "}"));
        assertTrue(voided.ok(), voided.raw());
        assertEquals(5000, h.world.balance(card));
        assertEquals(25, h.call("voidTransaction", j("{'transactionId':'" + redeemed + "'}")).code());

        String hold = update(card, "hold", "5");
        assertEquals(24, h.call("voidTransaction", j("{'transactionId':'" + hold + "'}")).code(), "holds are released, not voided");
        CardNumber other = h.world.activeCard();
        assertEquals(23, h.call("voidTransaction", j("{'transactionId':'" + redeemed + "','cardNumber':'" + other.value() + "'}")).code(),
                "a transaction of another card");
        assertEquals(23, h.call("voidTransaction", j("{'transactionId':'99'}")).code());
        assertEquals(23, h.call("voidTransaction", j("{'transactionId':'abc'}")).code());
        assertEquals(1, h.call("voidTransaction", j("{}")).code());
        assertEquals(1, h.call("voidTransaction", j("{'transactionId':[1]}")).code());
    }

    @Test
    void aMalformedCardNumberIsATransactionNotOnThatCard() {
        // found by MerchantFuzzIT: a malformed card answered 9, which voidTransaction does not document; an unknown card
        // is 23 (the card only says which card the transaction must be on), and so is a malformed transaction id
        CardNumber card = h.cardWith(5000);
        String redeemed = update(card, "redeem", "20");
        for (String malformed : List.of("'5351897557672104'", "'6049-x'", "'" + "7".repeat(65) + "'", "1234", "'６０'")) {
            var r = h.call("voidTransaction", j("{'transactionId':'" + redeemed + "','cardNumber':" + malformed + "}"));
            assertEquals(23, r.code(), malformed + ": " + r.raw());
        }
        assertEquals(3000, h.world.balance(card));
        assertEquals(2, h.ledger(card).size());
    }

    @Test
    void anIssuanceBeyondTheBucketLimitIsAnIssueInHistoryAndVoidable() {
        CardNumber card = h.world.activeCard();
        for (int i = 0; i < io.tally.domain.ledger.LedgerLimits.MAX_BUCKETS_PER_BALANCE; i++) {
            update(card, "issue", "1");
        }
        h.world.clock.advance(Duration.ofMinutes(1));
        String toppedUp = update(card, "issue", "2.50"); // no room for a bucket: tops up one

        var r = h.call("cardHistory", j("{'cardNumber':'" + card.value() + "','beginDate':'2025-01-01 00:01:00'}"));
        assertTrue(r.ok(), r.raw());
        assertEquals(1, r.get("transactions").size(), r.raw());
        JsonNode last = r.get("transactions").get(0);
        assertEquals(toppedUp, last.get("transactionId").asText());
        assertEquals("issue", last.get("type").asText());
        assertEquals("2.50", last.get("amounts").get(0).get("amount").decimalValue().toPlainString());
        assertEquals("102.50", last.get("balancesAfter").get(0).get("amount").decimalValue().toPlainString());
        assertTrue(h.call("voidTransaction", j("{'transactionId':'" + toppedUp + "'}")).ok());
        assertEquals(10_000, h.world.balance(card));
    }

    @Test
    void historyListsEveryEntryWithItsContext() {
        CardNumber card = h.world.activeCard();
        var issued = h.call("updateBalance", j("{'cardNumber':'" + card.value() + "','action':'issue',"
                + "'amount':{'balanceType':'Currency','balanceCode':'USD','amount':50}}"),
                Map.of("externalTransactionId", "sale-1", "note", "welcome", "employee", "alice"));
        assertTrue(issued.ok(), issued.raw());
        h.world.clock.advance(Duration.ofMinutes(5));
        String redeemed = update(card, "redeem", "12.34");
        String hold = update(card, "hold", "10");
        assertTrue(h.call("updateBalance", j("{'cardNumber':'" + card.value() + "','action':'redeem','redeemFromHoldTransactionId':'"
                + hold + "','releaseHoldRemainder':true,'amount':{'balanceType':'Currency','balanceCode':'USD','amount':0}}")).ok());
        h.call("voidTransaction", j("{'transactionId':'" + redeemed + "'}"));

        var r = h.call("cardHistory", j("{'cardNumber':" + card.value() + ",'beginDate':'2024-12-31 00:00:00'}"));
        assertTrue(r.ok(), r.raw());
        JsonNode t = r.get("transactions");
        assertEquals(List.of("issue", "redeem", "hold", "release", "void"), types(t));
        JsonNode first = t.get(0);
        assertEquals(issued.get("transactionId").asText(), first.get("transactionId").asText());
        assertEquals("2025-01-01 00:00:00", first.get("transactionTime").asText());
        assertEquals("50.00", first.get("amounts").get(0).get("amount").decimalValue().toPlainString());
        assertEquals("store-1", first.get("location").asText());
        assertEquals("pos-1", first.get("terminal").asText());
        assertEquals("alice", first.get("employee").asText());
        assertEquals("sale-1", first.get("externalTransactionId").asText());
        assertEquals("welcome", first.get("note").asText());
        assertEquals(issued.get("requestRef").asText(), first.get("requestRef").asText());
        assertEquals("-12.34", t.get(1).get("amounts").get(0).get("amount").decimalValue().toPlainString());
        assertEquals("37.66", t.get(1).get("balancesAfter").get(0).get("amount").decimalValue().toPlainString());
        assertEquals("0.00", t.get(2).get("amounts").get(0).get("amount").decimalValue().toPlainString());
        assertEquals("10.00", t.get(2).get("amounts").get(0).get("heldAmount").decimalValue().toPlainString());
        assertEquals(hold, t.get(3).get("holdTransactionId").asText());
        assertEquals("12.34", t.get(4).get("amounts").get(0).get("amount").decimalValue().toPlainString());
        assertEquals(redeemed, t.get(4).get("voidedTransactionId").asText());
        assertTrue(r.get("nextCursor").isNull());

        var window = h.call("cardHistory", j("{'cardNumber':'" + card.value() + "','beginDate':'2025-01-01 00:01:00','endDate':'2025-01-01 00:05:00'}"));
        assertEquals(List.of("redeem", "hold", "release", "void"), types(window.get("transactions")), "endDate counts to the second");
        var before = h.call("cardHistory", j("{'cardNumber':'" + card.value() + "','endDate':'2025-01-01 00:04:59'}"));
        assertEquals(List.of("issue"), types(before.get("transactions")));
    }

    @Test
    void historyPagesWithACursor() {
        CardNumber card = h.world.activeCard();
        for (int i = 1; i <= 5; i++) {
            update(card, "issue", Integer.toString(i));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var r = h.call("cardHistory", j("{'cardNumber':'" + card.value() + "','pageSize':2"
                    + (cursor == null ? "" : ",'cursor':'" + cursor + "'") + "}"));
            assertTrue(r.ok(), r.raw());
            r.get("transactions").forEach(x -> seen.add(x.get("amounts").get(0).get("amount").decimalValue().toPlainString()));
            cursor = r.get("nextCursor").isNull() ? null : r.get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertEquals(List.of("1.00", "2.00", "3.00", "4.00", "5.00"), seen);
        assertEquals(3, pages);
        assertEquals(1, h.call("cardHistory", j("{'cardNumber':'" + card.value() + "','cursor':'not-a-cursor'}")).code());
        assertEquals(1, h.call("cardHistory", j("{'cardNumber':'" + card.value() + "','pageSize':0}")).code());
        assertEquals(1, h.call("cardHistory", j("{'cardNumber':'" + card.value() + "','pageSize':'many'}")).code());
        assertEquals(1, h.call("cardHistory", j("{'cardNumber':'" + card.value() + "','beginDate':'2025-02-30 00:00:00'}")).code());
        assertEquals(1, h.call("cardHistory", j("{'cardNumber':'" + card.value() + "','beginDate':'2025-02-01','endDate':'2025-01-01'}")).code());
        assertEquals(6, h.call("cardHistory", j("{}")).code());
        assertEquals(9, h.call("cardHistory", j("{'cardNumber':'" + MerchantHarness.unknownCard().value() + "'}")).code());
    }

    private static List<String> types(JsonNode transactions) {
        List<String> types = new ArrayList<>();
        transactions.forEach(t -> types.add(t.get("type").asText()));
        return types;
    }
}
