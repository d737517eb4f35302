package io.tally.lambda.merchant;

import static io.tally.lambda.merchant.MerchantHarness.j;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.domain.card.CardNumber;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.ledger.Bucket;
import io.tally.domain.program.ValueTypeLimits;
import io.tally.domain.shared.Backoff;
import io.tally.domain.shared.RetryPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** updateBalance through the whole API on in-memory ports. */
class UpdateBalanceMethodTest {
    private final MerchantHarness h = new MerchantHarness();

    private MerchantHarness.Response update(CardNumber card, String action, String amount, String extra) {
        return h.call("updateBalance", j("{'cardNumber':'" + card.value() + "','action':'" + action
                + "','amount':{'balanceType':'Currency','balanceCode':'USD','amount':" + amount + "}" + extra + "}"));
    }

    /** The isHold:false amount and the hold entries of USD, from a balances array. */
    private static String usd(JsonNode balances) {
        StringBuilder s = new StringBuilder();
        for (JsonNode b : balances) {
            if (b.get("balanceCode").asText().equals("USD")) {
                s.append(b.get("isHold").asBoolean() ? " hold " : "available ").append(b.get("amount").decimalValue().toPlainString());
            }
        }
        return s.toString();
    }

    @Test
    void issueHoldRedeemFromHoldAndRelease() {
        CardNumber card = h.world.activeCard();
        var issued = update(card, "issue", "100.00", ",'returnBalances':true");
        assertTrue(issued.ok(), issued.raw());
        assertEquals(card.value(), issued.get("cardNumber").asText());
        assertFalse(issued.get("didOverdraw").asBoolean());
        assertFalse(issued.body().has("amountDue"));
        assertEquals("available 100.00", usd(issued.get("balances")));

        var held = update(card, "hold", "30", ",'returnBalances':true");
        assertTrue(held.ok(), held.raw());
        String holdId = held.get("transactionId").asText();
        assertEquals("available 70.00 hold 30.00", usd(held.get("balances")));
        assertEquals(holdId, held.get("balances").get(1).get("holdTransactionId").asText());
        assertEquals(10000, h.world.balance(card), "a hold keeps the balance");

        var captured = update(card, "redeem", "10.00", ",'redeemFromHoldTransactionId':'" + holdId + "','returnBalances':true");
        assertTrue(captured.ok(), captured.raw());
        assertEquals("available 70.00 hold 20.00", usd(captured.get("balances")));

        var captured2 = update(card, "redeem", "5", ",'redeemFromHoldTransactionId':" + holdId + ",'returnBalances':true");
        assertTrue(captured2.ok(), "a hold may be redeemed more than once; its id may be a JSON number: " + captured2.raw());
        assertEquals("available 70.00 hold 15.00", usd(captured2.get("balances")));

        var released = update(card, "redeem", "0", ",'redeemFromHoldTransactionId':'" + holdId
                + "','releaseHoldRemainder':true,'returnBalances':true");
        assertTrue(released.ok(), released.raw());
        assertEquals("available 85.00", usd(released.get("balances")));
        assertEquals(8500, h.world.balance(card));

        var again = update(card, "redeem", "1", ",'redeemFromHoldTransactionId':'" + holdId + "'");
        assertEquals(22, again.code(), again.raw());
        var unknownHold = update(card, "redeem", "1", ",'redeemFromHoldTransactionId':'123'");
        assertEquals(21, unknownHold.code(), unknownHold.raw());
    }

    @Test
    void captureWithReleaseHoldRemainderFreesTheRest() {
        CardNumber card = h.cardWith(5000);
        String holdId = update(card, "hold", "40", "").get("transactionId").asText();
        var r = update(card, "redeem", "25", ",'redeemFromHoldTransactionId':'" + holdId + "','releaseHoldRemainder':true,'returnBalances':true");
        assertTrue(r.ok(), r.raw());
        assertEquals("available 25.00", usd(r.get("balances")));
    }

    @Test
    void redeemingMoreThanTheBalanceFailsUnlessRedeemMaxOnOverdraw() {
        CardNumber card = h.cardWith(2000);
        int entries = h.ledger(card).size();
        var refused = update(card, "redeem", "25.00", "");
        assertEquals(400, refused.status());
        assertEquals(16, refused.code(), refused.raw());
        assertTrue(refused.message().contains("the available Currency:USD balance is 20.00"),
                "amounts in messages are in the value type's decimal form: " + refused.message());
        assertEquals(entries, h.ledger(card).size());

        var max = update(card, "redeem", "25.00", ",'redeemMaxOnOverdraw':true,'returnBalances':true");
        assertTrue(max.ok(), max.raw());
        assertTrue(max.get("didOverdraw").asBoolean());
        assertEquals("5.00", max.get("amountDue").decimalValue().toPlainString());
        assertEquals("available 0.00", usd(max.get("balances")));
        assertEquals(0, h.world.balance(card));
    }

    @Test
    void expiringIssuancesAreSpentInExpiryOrder() {
        CardNumber card = h.world.activeCard();
        assertTrue(update(card, "issue", "10", "").ok());
        assertTrue(update(card, "issue", "10", ",'issuedBalanceExpiration':'2025-03-01 00:00:00'").ok());
        assertTrue(update(card, "issue", "10", ",'issuedBalanceExpiration':'2025-02-01 12:00:00'").ok());
        var r = update(card, "redeem", "15", ",'returnBalances':true");
        assertTrue(r.ok(), r.raw());
        assertEquals("available 15.00", usd(r.get("balances")));
        List<Bucket> left = h.world.state(card).balance(TestWorld.USD).buckets();
        assertEquals(2, left.size(), "the earliest-expiring issuance is used up first");
        assertEquals("2025-03-01T00:00:00Z", left.get(0).expiresAt().orElseThrow().toString());
        assertEquals(500, left.get(0).remaining());
        assertTrue(left.get(1).expiresAt().isEmpty());
        assertEquals(1000, left.get(1).remaining());

        h.world.clock.advance(Duration.ofDays(60));
        var later = h.call("search", j("{'filters':{'cardNumber':'" + card.value() + "'},'returnFields':{'balances':true}}"));
        assertEquals("available 10.00", usd(later.get("cards").get(0).get("balances")), "expired value is not spendable");

        var past = update(card, "issue", "10", ",'issuedBalanceExpiration':'2024-01-01 00:00:00'");
        assertEquals(1, past.code(), past.raw());
        var badFormat = update(card, "issue", "10", ",'issuedBalanceExpiration':'next tuesday'");
        assertEquals(1, badFormat.code());
        assertTrue(badFormat.message().contains("issuedBalanceExpiration"), badFormat.message());
    }

    @Test
    void valueTypeLimitsAreEnforced() {
        var limited = new MerchantHarness(new TestWorld(new ValueTypeLimits(500_00, 5_00, 250_00, 1_00, 100_00),
                RetryPolicy.of(8, Backoff.NONE), 42));
        CardNumber card = limited.world.activeCard();
        String pre = "{'cardNumber':'" + card.value() + "','amount':{'balanceType':'Currency','balanceCode':'USD','amount':";
        assertEquals(17, limited.call("updateBalance", j(pre + "4.99},'action':'issue'}")).code());
        assertEquals(18, limited.call("updateBalance", j(pre + "250.01},'action':'issue'}")).code());
        assertTrue(limited.call("updateBalance", j(pre + "250},'action':'issue'}")).ok());
        assertTrue(limited.call("updateBalance", j(pre + "250},'action':'issue'}")).ok());
        assertEquals(19, limited.call("updateBalance", j(pre + "5},'action':'issue'}")).code());
        assertEquals(17, limited.call("updateBalance", j(pre + "0.99},'action':'redeem'}")).code());
        assertEquals(18, limited.call("updateBalance", j(pre + "100.01},'action':'hold'}")).code());
        assertEquals(50000, limited.world.balance(card));
    }

    @Test
    void cardNumbersPinsAndAmountsMayBeJsonNumbersOrStrings() {
        CardNumber card = h.cardWithPin(TestWorld.BRAND, "0042");
        String number = card.value();
        var r = h.call("updateBalance", j("{'cardNumber':" + number + ",'action':'ISSUE','forcePinValidation':true,'pin':42,"
                + "'amount':{'balanceType':'currency','balanceCode':'usd','amount':'12.50'}}"));
        assertTrue(r.ok(), r.raw());
        assertEquals(number, r.get("cardNumber").asText());
        assertTrue(r.get("transactionId").isTextual());
        assertEquals(1250, h.world.state(card).balance(TestWorld.USD).total());

        var asText = h.call("updateBalance", j("{'cardNumber':'" + number + "','action':'redeem','forcePinValidation':'true',"
                + "'pin':'0042','amount':{'balanceType':'Currency','balanceCode':'USD','amount':2}}"));
        assertTrue(asText.ok(), asText.raw());
        var wrong = h.call("updateBalance", j("{'cardNumber':" + number + ",'action':'redeem','forcePinValidation':true,'pin':43,"
                + "'amount':{'balanceType':'Currency','balanceCode':'USD','amount':2}}"));
        assertEquals(10, wrong.code());
        assertEquals("Invalid card PIN.", wrong.message());
        var missing = h.call("updateBalance", j("{'cardNumber':" + number + ",'action':'redeem','forcePinValidation':true,"
                + "'amount':{'balanceType':'Currency','balanceCode':'USD','amount':2}}"));
        assertEquals(10, missing.code());
        var notForced = h.call("updateBalance", j("{'cardNumber':" + number + ",'action':'redeem','pin':43,"
                + "'amount':{'balanceType':'Currency','balanceCode':'USD','amount':2}}"));
        assertTrue(notForced.ok(), "without forcePinValidation the PIN is not checked");
        var points = h.call("updateBalance", j("{'cardNumber':" + number + ",'action':'issue','amount':{'balanceType':'Points','amount':7}}"));
        assertTrue(points.ok(), points.raw());
    }

    @Test
    void contextHeadersAreRecordedOnTheEntry() {
        CardNumber card = h.world.activeCard();
        var r = h.call("updateBalance", j("{'cardNumber':'" + card.value() + "','action':'issue','amount':{'balanceType':'Currency',"
                + "'balanceCode':'USD','amount':5}}"), java.util.Map.of("externalTransactionId", "pos-991", "note", "birthday",
                "employee", "alice"));
        assertTrue(r.ok(), r.raw());
        var origin = h.ledger(card).get(0).posting().origin();
        assertEquals("pos-991", origin.externalTransactionId().orElseThrow());
        assertEquals("birthday", origin.note().orElseThrow());
        assertEquals("alice", origin.employee().orElseThrow().value());
        assertEquals(r.get("requestRef").asText(), origin.requestRef().orElseThrow());
        assertEquals("store-1", origin.location().orElseThrow().value());
    }

    @Test
    void badInputIsA400EnvelopeAndChangesNothing() {
        CardNumber card = h.cardWith(1000);
        String c = "'cardNumber':'" + card.value() + "'";
        String usd = "'balanceType':'Currency','balanceCode':'USD'";
        String[][] cases = {
                {"{" + c + ",'action':'issue','amount':{" + usd + ",'amount':-1}}", "20"},
                {"{" + c + ",'action':'issue','amount':{" + usd + ",'amount':1.001}}", "20"},
                {"{" + c + ",'action':'issue','amount':{" + usd + ",'amount':'NaN'}}", "20"},
                {"{" + c + ",'action':'issue','amount':{" + usd + ",'amount':'Infinity'}}", "20"},
                {"{" + c + ",'action':'issue','amount':{" + usd + ",'amount':'-5'}}", "20"},
                {"{" + c + ",'action':'issue','amount':{" + usd + ",'amount':'ten'}}", "20"},
                {"{" + c + ",'action':'issue','amount':{" + usd + ",'amount':1e400}}", "20"},
                {"{" + c + ",'action':'issue','amount':{" + usd + ",'amount':1e999999999}}", "20"},
                {"{" + c + ",'action':'issue','amount':{" + usd + ",'amount':1e-999999999}}", "20"},
                {"{" + c + ",'action':'issue','amount':{" + usd + ",'amount':100000000000000000000000000}}", "20"},
                {"{" + c + ",'action':'issue','amount':{" + usd + ",'amount':0}}", "20"},
                {"{" + c + ",'action':'issue','amount':{" + usd + ",'amount':{'value':1}}}", "1"},
                {"{" + c + ",'action':'issue','amount':{" + usd + "}}", "1"},
                {"{" + c + ",'action':'issue','amount':'10.00'}", "1"},
                {"{" + c + ",'action':'issue'}", "1"},
                {"{" + c + ",'action':'issue','amount':{'balanceType':'Gold','amount':1}}", "15"},
                {"{" + c + ",'action':'issue','amount':{'balanceType':'Currency','balanceCode':'EUR','amount':1}}", "15"},
                {"{" + c + ",'action':'issue','amount':{'balanceType':'Currency','balanceCode':'XXXX','amount':1}}", "15"},
                {"{" + c + ",'action':'issue','amount':{'balanceType':'Currency','amount':1}}", "15"},
                {"{" + c + ",'action':'issue','amount':{'balanceType':['Currency'],'amount':1}}", "1"},
                {"{" + c + ",'action':'refund','amount':{" + usd + ",'amount':1}}", "1"},
                {"{" + c + ",'amount':{" + usd + ",'amount':1}}", "1"},
                {"{" + c + ",'action':'issue','returnBalances':'yes','amount':{" + usd + ",'amount':1}}", "1"},
                {"{" + c + ",'action':'issue','forcePinValidation':{},'amount':{" + usd + ",'amount':1}}", "1"},
                {"{" + c + ",'action':'hold','redeemFromHoldTransactionId':'1','amount':{" + usd + ",'amount':1}}", "1"},
                {"{'action':'issue','amount':{" + usd + ",'amount':1}}", "6"},
                {"{'cardNumber':null,'action':'issue','amount':{" + usd + ",'amount':1}}", "6"},
                {"{'cardNumber':'','action':'issue','amount':{" + usd + ",'amount':1}}", "6"},
                {"{'cardNumber':{'n':1},'action':'issue','amount':{" + usd + ",'amount':1}}", "1"},
                {"{'cardNumber':true,'action':'issue','amount':{" + usd + ",'amount':1}}", "1"},
                {"{'cardNumber':'1234','action':'issue','amount':{" + usd + ",'amount':1}}", "9"},
                {"{'cardNumber':-4831097058139,'action':'issue','amount':{" + usd + ",'amount':1}}", "9"},
                {"{" + c + ",'action':'issue','amount':{" + usd + ",'amount':NaN}}", "1"},
                {"{" + c + ",'action':'issue'", "1"},
                {"[1]", "1"},
        };
        int entries = h.ledger(card).size();
        for (String[] bad : cases) {
            var r = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> h.call("updateBalance", j(bad[0])));
            assertEquals(400, r.status(), bad[0] + " -> " + r.raw());
            assertFalse(r.get("success").asBoolean());
            assertEquals(Integer.parseInt(bad[1]), r.code(), bad[0] + " -> " + r.raw());
            assertTrue(r.get("requestRef").isTextual());
            assertFalse(r.message().isBlank());
        }
        assertEquals(entries, h.ledger(card).size(), "nothing was written");
        assertEquals(1000, h.world.balance(card));
        var noCard = h.call("updateBalance", j("{'action':'issue'}"));
        assertEquals("No card number was specified.", noCard.message());
        var typed = h.call("updateBalance", j("{" + c + ",'action':'issue','amount':{" + usd + ",'amount':{'value':1}}}"));
        assertTrue(typed.message().contains("amount.amount"), typed.message());
    }
}
