package io.tally.local;

import static io.tally.local.MerchantClient.code;
import static io.tally.local.MerchantClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.lambda.jobs.ExpirySweepTask;
import io.tally.lambda.jobs.RollupsTask;
import io.tally.lambda.provisioning.SeedJson;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stored-value merchant methods end to end: HTTP through the local front, the real handlers and
 * use cases, the DynamoDB adapters on dynalite, with the demo seed (gift program in USD: balance at most
 * 500.00, issuance 5.00-500.00, redemption from 0.01).
 */
class StoredValueIT {
    private static final String OTHER_SEED = """
            {"brands": [{"id": "OTHER", "name": "Other brand",
              "locations": [{"id": "OTH001"}], "terminals": [{"location": "OTH001", "id": "pos-1"}],
              "programs": [{"id": "GIFT", "kind": "gift", "valueTypes": [{"balanceType": "Currency", "balanceCode": "USD"}],
                            "cardSets": [{"id": "OGIFT", "cardNumberPrefix": "70", "cardNumberLength": 16, "cards": 3}]}],
              "apiKeys": [{"id": "other-pos", "secret": "other-secret-for-tests-only"}]}]}""";
    private static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private static LocalTally tally;
    private static MerchantClient demo;
    private static MerchantClient other;

    @BeforeAll
    static void start() throws Exception {
        tally = LocalTally.start(LocalPlatformConfig.defaults(java.nio.file.Path.of("target", "stored-value-it"))
                .withHttpPort(0).withRepoRoot(MerchantSliceIT.repoRoot()));
        var seeds = new SeedJson();
        tally.component().applySeed().apply(seeds.read(Files.readString(MerchantSliceIT.repoRoot().resolve("demo/seed.json"))), true);
        tally.component().applySeed().apply(seeds.read(OTHER_SEED), true);
        demo = MerchantClient.demo(tally);
        other = new MerchantClient(tally.endpoints().baseUrl(), "other-pos", "other-secret-for-tests-only", "OTHER",
                "OTH001", "pos-1");
    }

    @AfterAll
    static void stop() {
        if (tally != null) {
            tally.close();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static String giftCard() {
        return ok(demo.call("allocate", "{\"cardSetId\": \"GIFT01\"}")).get("cardNumber").asText();
    }

    private static String usd(String action, String card, String amount, String extra) {
        return "{\"cardNumber\": \"" + card + "\", \"action\": \"" + action + "\", "
                + "\"amount\": {\"balanceType\": \"Currency\", \"balanceCode\": \"USD\", \"amount\": " + amount + "}"
                + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    private static JsonNode update(String action, String card, String amount, String extra) {
        return demo.call("updateBalance", usd(action, card, amount, extra));
    }

    /** What can be spent now and what is held, from search's balances. */
    private static BigDecimal[] usdBalance(String card) {
        JsonNode found = ok(demo.call("search", "{\"filters\": {\"cardNumber\": \"" + card + "\"}, "
                + "\"returnFields\": {\"balances\": true}}")).get("cards");
        assertEquals(1, found.size(), found.toString());
        BigDecimal available = BigDecimal.ZERO;
        BigDecimal held = BigDecimal.ZERO;
        for (JsonNode b : found.get(0).get("balances")) {
            if ("USD".equals(b.path("balanceCode").asText())) {
                if (b.get("isHold").asBoolean()) {
                    held = held.add(b.get("amount").decimalValue());
                } else {
                    available = available.add(b.get("amount").decimalValue());
                }
            }
        }
        return new BigDecimal[] {available, held};
    }

    private static void assertUsd(String card, String available, String held) {
        BigDecimal[] b = usdBalance(card);
        assertEquals(0, new BigDecimal(available).compareTo(b[0]), "available " + b[0] + ", expected " + available);
        assertEquals(0, new BigDecimal(held).compareTo(b[1]), "held " + b[1] + ", expected " + held);
    }

    private static int historySize(String card) {
        return ok(demo.call("cardHistory", "{\"cardNumber\": \"" + card + "\", \"pageSize\": 100}")).get("transactions").size();
    }

    // ---- the acceptance walk -------------------------------------------------------------------------

    @Test
    void issueHoldRedeemFromHoldTwiceThenRelease() {
        String card = giftCard();
        ok(update("issue", card, "50.00", ""));
        String hold = ok(update("hold", card, "20.00", "")).get("transactionId").asText();
        assertUsd(card, "30.00", "20.00");
        ok(update("redeem", card, "8.00", "\"redeemFromHoldTransactionId\": \"" + hold + "\""));
        assertUsd(card, "30.00", "12.00");
        ok(update("redeem", card, "2.00", "\"redeemFromHoldTransactionId\": \"" + hold + "\""));
        assertUsd(card, "30.00", "10.00");
        ok(update("redeem", card, "0", "\"redeemFromHoldTransactionId\": \"" + hold + "\", \"releaseHoldRemainder\": true"));
        assertUsd(card, "40.00", "0");
        assertEquals(22, code(update("redeem", card, "1.00", "\"redeemFromHoldTransactionId\": \"" + hold + "\"")),
                "a released hold cannot be captured");
    }

    @Test
    void redeemingMoreThanTheBalance() {
        String card = giftCard();
        ok(update("issue", card, "10.00", ""));
        assertEquals(16, code(update("redeem", card, "15.00", "")));
        assertUsd(card, "10.00", "0");
        JsonNode overdrawn = ok(update("redeem", card, "15.00", "\"redeemMaxOnOverdraw\": true"));
        assertTrue(overdrawn.get("didOverdraw").asBoolean());
        assertEquals(0, new BigDecimal("5.00").compareTo(overdrawn.get("amountDue").decimalValue()));
        assertUsd(card, "0", "0");
    }

    @Test
    void expiringValueIsSpentFirstAndLeavesThroughAnExpireEntry() throws Exception {
        String card = giftCard();
        Instant expiry = Instant.now().plusSeconds(3);
        ok(update("issue", card, "10.00", ""));
        ok(update("issue", card, "5.00", "\"issuedBalanceExpiration\": \"" + WIRE_TIME.format(expiry) + "\""));
        ok(update("redeem", card, "2.00", ""));
        // the 2.00 came out of the expiring 5.00: once it expires, 10.00 is left, not 13.00
        Thread.sleep(Math.max(0, expiry.toEpochMilli() - System.currentTimeMillis()) + 1_200);
        String report = tally.runJob(ExpirySweepTask.NAME);
        assertTrue(report.contains("entries written"), report);
        assertUsd(card, "10.00", "0");
        JsonNode history = ok(demo.call("cardHistory", "{\"cardNumber\": \"" + card + "\"}")).get("transactions");
        JsonNode last = history.get(history.size() - 1);
        assertEquals("expire", last.get("type").asText(), history.toString());
        assertEquals(0, new BigDecimal("-3.00").compareTo(last.get("amounts").get(0).get("amount").decimalValue()));
    }

    @Test
    void voidsReverseExactlyOnce() {
        String card = giftCard();
        String issue = ok(update("issue", card, "20.00", "")).get("transactionId").asText();
        ok(demo.call("voidTransaction", "{\"transactionId\": \"" + issue + "\"}"));
        assertUsd(card, "0", "0");
        assertEquals(25, code(demo.call("voidTransaction", "{\"transactionId\": \"" + issue + "\"}")));

        ok(update("issue", card, "30.00", ""));
        String redeem = ok(update("redeem", card, "10.00", "")).get("transactionId").asText();
        ok(demo.call("voidTransaction", "{\"transactionId\": \"" + redeem + "\", \"cardNumber\": \"" + card + "\"}"));
        assertUsd(card, "30.00", "0");
        assertEquals(25, code(demo.call("voidTransaction", "{\"transactionId\": \"" + redeem + "\", \"cardNumber\": \"" + card + "\"}")));
    }

    @Test
    void theValueTypesLimitsHold() {
        String card = giftCard();
        assertEquals(17, code(update("issue", card, "4.99", "")), "minimum issuance 5.00");
        assertEquals(18, code(update("issue", card, "500.01", "")), "maximum issuance 500.00");
        ok(update("issue", card, "400.00", ""));
        assertEquals(19, code(update("issue", card, "100.01", "")), "maximum balance 500.00");
        ok(update("issue", card, "100.00", ""));
        assertUsd(card, "500.00", "0");
    }

    @Test
    void searchFindsACardByEachFilter() {
        String card = ok(demo.call("allocate", "{\"cardSetId\": \"LOYAL01\"}")).get("cardNumber").asText();
        String custom = "MEMBER-" + card.substring(card.length() - 6);
        String email = "ann." + card + "@example.com";
        String phone = "+1 555 " + card.substring(card.length() - 7);
        ok(demo.call("updateAccount", "{\"cardNumber\": \"" + card + "\", \"countAsEnrollment\": true, "
                + "\"customCardNumber\": \"" + custom + "\", \"primaryCustomer\": {\"firstName\": \"Ann\", "
                + "\"email\": \"" + email + "\", \"phone\": \"" + phone + "\"}}"));
        for (String filter : List.of("\"cardNumber\": \"" + card + "\"", "\"customCardNumber\": \"" + custom + "\"",
                "\"email\": \"" + email.toUpperCase() + "\"", "\"phone\": \"" + phone.replace(" ", "") + "\"")) {
            JsonNode cards = ok(demo.call("search", "{\"filters\": {" + filter + "}, "
                    + "\"returnFields\": {\"customer\": true, \"isEnrolled\": true}}")).get("cards");
            assertEquals(1, cards.size(), filter + " -> " + cards);
            assertEquals(card, cards.get(0).get("cardNumber").asText());
            assertTrue(cards.get(0).get("isEnrolled").asBoolean());
            assertEquals("Ann", cards.get(0).get("customer").get("firstName").asText());
        }
    }

    @Test
    void cardNumbersAndPinsMaySendAsJsonNumbers() {
        JsonNode allocated = ok(demo.call("allocate", "{\"cardSetId\": \"GIFT01\"}"));
        String card = allocated.get("cardNumber").asText();
        String pin = allocated.get("pin").asText();
        JsonNode issued = ok(demo.call("updateBalance", "{\"cardNumber\": " + card + ", \"action\": \"issue\", "
                + "\"forcePinValidation\": true, \"pin\": " + Integer.parseInt(pin)
                + ", \"amount\": {\"balanceType\": \"Currency\", \"balanceCode\": \"USD\", \"amount\": 12.5}}"));
        assertEquals(card, issued.get("cardNumber").asText());
        String wrongPin = String.format("%04d", (Integer.parseInt(pin) + 1) % 10_000);
        assertEquals(10, code(demo.call("updateBalance", "{\"cardNumber\": " + card + ", \"action\": \"redeem\", "
                + "\"forcePinValidation\": true, \"pin\": \"" + wrongPin + "\", "
                + "\"amount\": {\"balanceType\": \"Currency\", \"balanceCode\": \"USD\", \"amount\": 1}}")));
        assertUsd(card, "12.50", "0");
    }

    @Test
    void aRepeatedCustomRequestIdReturnsTheIdenticalBodyAndChangesNothing() {
        String card = giftCard();
        MerchantClient till = demo.with("customRequestId", "till-" + card);
        String body = usd("issue", card, "25.00", "\"returnBalances\": true");
        var first = till.send("updateBalance", body);
        var again = till.send("updateBalance", body);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(first.body(), again.body(), "the replay is the first answer, byte for byte");
        assertUsd(card, "25.00", "0");
        assertEquals(26, code(MerchantClient.parse(till.send("updateBalance", usd("issue", card, "30.00", "")))));
        assertUsd(card, "25.00", "0");
    }

    @Test
    void anotherBrandsCardLooksExactlyLikeAnUnknownCard() {
        String card = giftCard();
        ok(update("issue", card, "20.00", ""));
        String payload = "600000000000000";
        String unknown = payload + io.tally.domain.card.CardNumber.luhnCheckDigit(payload); // well-formed, never issued
        for (String method : List.of("updateBalance", "voidTransaction", "cardHistory", "updateAccount")) {
            String body = method.equals("updateBalance") ? usd("redeem", "%s", "1.00", "")
                    : method.equals("voidTransaction") ? "{\"cardNumber\": \"%s\", \"transactionId\": \"1\"}"
                    : "{\"cardNumber\": \"%s\"}";
            JsonNode foreign = other.call(method, body.formatted(card));
            JsonNode missing = other.call(method, body.formatted(unknown));
            assertEquals(code(missing), code(foreign), method);
            assertEquals(missing.get("errorMessage"), foreign.get("errorMessage"), method);
        }
        assertEquals(0, ok(other.call("search", "{\"filters\": {\"cardNumber\": \"" + card + "\"}}")).get("cards").size());
        // with brand B's key but brand A's headers, the credentials are refused outright
        assertEquals(3, code(other.with("brand", "DEMO").with("location", "DEMO001").call("search",
                "{\"filters\": {\"cardNumber\": \"" + card + "\"}}")));
        assertUsd(card, "20.00", "0");
    }

    @Test
    void badInputIsA400EnvelopeAndChangesNothing() {
        String card = giftCard();
        ok(update("issue", card, "10.00", ""));
        int entries = historySize(card);
        List<String> bad = List.of("{not json", "[]", "{\"cardNumber\": {\"x\": 1}, \"action\": \"issue\"}",
                usd("issue", card, "-5", ""), usd("issue", card, "\"NaN\"", ""), usd("issue", card, "1e400", ""),
                usd("issue", card, "10.001", ""), usd("fly", card, "1", ""),
                "{\"cardNumber\": \"" + card + "\", \"action\": \"issue\", \"amount\": {\"balanceType\": \"Gold\", \"amount\": 1}}",
                "{\"pad\": \"" + "x".repeat(70_000) + "\"}");
        for (String body : bad) {
            var response = demo.send("updateBalance", body);
            assertEquals(400, response.statusCode(), body.length() > 80 ? body.substring(0, 80) : body);
            JsonNode parsed = MerchantClient.parse(response);
            assertFalse(parsed.get("success").asBoolean());
            assertTrue(parsed.hasNonNull("requestRef"));
        }
        assertEquals(entries, historySize(card), "nothing was written");
        assertUsd(card, "10.00", "0");
    }

    @Test
    void fiftyParallelRedemptionsNeverOverdraw() throws Exception {
        String card = giftCard();
        ok(update("issue", card, "100.00", ""));
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<JsonNode>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String amount = (3 + i % 5) + ".00"; // 50 redemptions of 3.00-7.00 ask for 250.00 in all
            answers.add(pool.submit(() -> update("redeem", card, amount, "")));
        }
        BigDecimal redeemed = BigDecimal.ZERO;
        int accepted = 0;
        for (int i = 0; i < answers.size(); i++) {
            JsonNode a = answers.get(i).get(60, TimeUnit.SECONDS);
            if (a.path("success").asBoolean()) {
                accepted++;
                redeemed = redeemed.add(new BigDecimal((3 + i % 5) + ".00"));
            } else {
                int code = a.get("errorCode").asInt();
                assertTrue(code == 16 || code == 27, a.toString());
            }
        }
        pool.shutdown();
        assertTrue(accepted > 0);
        BigDecimal[] left = usdBalance(card);
        assertTrue(left[0].signum() >= 0, "never below zero");
        assertEquals(0, new BigDecimal("100.00").subtract(redeemed).compareTo(left[0]),
                "final balance = start - the redemptions that answered success (" + accepted + ")");
        assertNotEquals(0, accepted);
    }

    @Test
    void theRollupsJobVisitsEverySeededBrand() {
        String report = tally.runJob(RollupsTask.NAME);
        assertTrue(report.startsWith("2 brands: "), "DEMO and OTHER, from the brand list: " + report);
        assertFalse(report.contains("failed"), report);
    }
}
