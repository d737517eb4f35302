package io.tally.local;

import static io.tally.local.MerchantClient.code;
import static io.tally.local.MerchantClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.domain.campaign.Campaign;
import io.tally.domain.campaign.CampaignId;
import io.tally.domain.campaign.CheckoutConfigStore;
import io.tally.domain.card.CardNumber;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.coupon.CouponPort;
import io.tally.domain.coupon.CouponSet;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.dynalite.LocalDynamo;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.lambda.provisioning.SeedJson;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Checkout end to end over HTTP on dynalite: a sale with campaigns and a coupon, its lookup and replay, 50 tills
 * presenting one coupon at once, voids, two stages, anonymous sales, and the states a crash leaves (a claim whose
 * checkout died before its commit; a commit whose coupons were never finalised) completed by whoever comes next.
 */
class CheckoutIT {
    private static final BrandId DEMO = new BrandId("DEMO");
    private static final CouponSetId SPRING = new CouponSetId("IT-SPRING");
    private static final CouponSetId FREE = new CouponSetId("IT-FREE");
    private static LocalTally tally;
    private static DynamoDbClient dynamo;
    private static DynamoStorage storage;
    private static CouponPort coupons;
    private static MerchantClient demo;
    private static int codes;

    @BeforeAll
    static void start() throws Exception {
        tally = LocalTally.start(LocalPlatformConfig.defaults(Path.of("target", "checkout-it")).withHttpPort(0)
                .withRepoRoot(MerchantSliceIT.repoRoot()));
        tally.component().applySeed().apply(new SeedJson().read(Files.readString(MerchantSliceIT.repoRoot().resolve("demo/seed.json"))), true);
        dynamo = LocalDynamo.client(tally.endpoints().dynamoEndpoint());
        storage = new DynamoStorage(dynamo, tally.endpoints().tableName());
        coupons = storage.coupons();
        CheckoutConfigStore config = storage.checkoutConfigStore();
        for (Campaign c : config.load(DEMO).campaigns()) {
            config.removeCampaign(DEMO, c.id());
        }
        config.saveSettings(DEMO, ValueTypeKey.currency("USD"), ZoneId.of("UTC"));
        config.saveCouponSet(new CouponSet(DEMO, SPRING, "Spring", Optional.empty(), Optional.empty()));
        config.saveCouponSet(new CouponSet(DEMO, FREE, "Free coffee", Optional.empty(), Optional.empty()));
        config.saveSkuTag(DEMO, "it-coffee", Set.of("IT-COFFEE"));
        config.saveCampaign(campaign("it-punch", 1, List.of(new Campaign.InBasket(Campaign.Items.tagged("it-coffee"), BigDecimal.ONE)),
                List.of(new Campaign.AddToBalance(ValueTypeKey.punches(), BigDecimal.ONE))));
        config.saveCampaign(campaign("it-free", 2, List.of(new Campaign.BalanceAtLeast(ValueTypeKey.punches(), new BigDecimal("3"))),
                List.of(new Campaign.AllocateCoupon(FREE), new Campaign.AddToBalance(ValueTypeKey.punches(), new BigDecimal("-3")),
                        new Campaign.Message("Free coffee!"))));
        config.saveCampaign(campaign("it-spring", 5, List.of(new Campaign.CouponPresented(Set.of(SPRING))),
                List.of(new Campaign.Discount(BigDecimal.TEN, true, Optional.empty()), new Campaign.UseCoupon(SPRING))));
        config.saveCampaign(campaign("it-earn", 10, List.of(),
                List.of(new Campaign.Earn(ValueTypeKey.points(), BigDecimal.ONE, BigDecimal.ONE, Optional.empty()))));
        demo = MerchantClient.demo(tally);
    }

    private static Campaign campaign(String id, int priority, List<Campaign.Condition> conditions, List<Campaign.Result> results) {
        return new Campaign(DEMO, new CampaignId(id), id, true, Optional.empty(), Optional.empty(), priority, true, conditions,
                results, Campaign.Limits.NONE);
    }

    @AfterAll
    static void stop() {
        if (dynamo != null) {
            dynamo.close();
        }
        if (tally != null) {
            tally.close();
        }
    }

    private static String loyaltyCard() {
        return ok(demo.call("allocate", "{\"cardSetId\": \"LOYAL01\"}")).get("cardNumber").asText();
    }

    private static String coupon(CouponSetId set) {
        String code = set.value() + "-" + (1000 + ++codes);
        assertTrue(coupons.create(Coupon.fresh(DEMO, new CouponCode(code), set, Set.of(), Set.of(), Optional.empty(), Optional.empty())));
        return code;
    }

    private static Coupon stored(String code) {
        return coupons.find(DEMO, new CouponCode(code)).orElseThrow();
    }

    private static String sale(String card, String sku, String price, String... coupons) {
        StringBuilder presented = new StringBuilder();
        for (String c : coupons) {
            presented.append(presented.length() == 0 ? "" : ",").append('"').append(c).append('"');
        }
        return "{" + (card == null ? "" : "\"cardNumber\": \"" + card + "\", ") + "\"products\": [{\"sku\": \"" + sku
                + "\", \"amountPurchased\": 1, \"unitPrice\": " + price + "}], \"checkoutTotal\": " + price
                + ", \"coupons\": [" + presented + "], \"returnBalances\": true, \"returnCampaigns\": true}";
    }

    private static long balance(JsonNode answer, String type) {
        for (JsonNode b : answer.get("balances")) {
            if (b.get("balanceType").asText().equals(type) && !b.get("isHold").asBoolean()) {
                return b.get("amount").asLong();
            }
        }
        return 0;
    }

    @Test
    void a_sale_with_a_coupon_earns_discounts_and_is_looked_up_and_replayed() {
        String card = loyaltyCard();
        String spring = coupon(SPRING);
        MerchantClient till = demo.with("customRequestId", "it-sale-" + card);
        var first = till.send("checkout", sale(card, "IT-COFFEE", "20.00", spring));
        JsonNode sale = ok(MerchantClient.parse(first));
        assertEquals("2.00", sale.get("totalDiscount").decimalValue().setScale(2).toPlainString());
        assertEquals(18, balance(sale, "Points"));
        assertEquals(1, balance(sale, "Punches"));
        assertEquals(List.of(spring), List.of(sale.get("couponsUsed").get(0).asText()));
        assertTrue(sale.get("campaigns").toString().contains("it-free"), "every campaign is explained");
        var again = till.send("checkout", sale(card, "IT-COFFEE", "20.00", spring));
        assertEquals(first.body(), again.body(), "a repeat answers the first body byte for byte");

        String txn = sale.get("transactionId").asText();
        JsonNode lookup = ok(demo.call("checkoutLookup", "{\"checkoutTransactionId\": \"" + txn + "\"}"));
        assertEquals("IT-COFFEE", lookup.get("skus").get(0).get("sku").asText());
        assertEquals("DEMO001", lookup.get("locationId").asText());
        assertEquals(sale.get("balanceMutations"), lookup.get("balanceMutations"));
        assertEquals(Optional.of(new TransactionId(txn)), stored(spring).used().orElseThrow().transactionId());
        assertEquals(34, code(demo.call("checkout", sale(card, "IT-COFFEE", "5.00", spring))));
        assertEquals(33, code(demo.call("checkout", sale(card, "IT-COFFEE", "5.00", "NO-SUCH-COUPON"))));
        assertEquals(40, code(demo.call("checkoutLookup", "{\"checkoutTransactionId\": \"12345\"}")));
    }

    @Test
    void fifty_tills_presenting_one_coupon_at_once_use_it_exactly_once() throws Exception {
        String spring = coupon(SPRING);
        List<String> cards = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            cards.add(i % 5 == 0 ? loyaltyCard() : cards.get(cards.size() - 1));
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<JsonNode>> answers = new ArrayList<>();
            for (String card : cards) {
                Callable<JsonNode> call = () -> demo.call("checkout", sale(card, "MUFFIN", "10.00", spring));
                answers.add(pool.submit(call));
            }
            List<JsonNode> won = new ArrayList<>();
            for (Future<JsonNode> f : answers) {
                JsonNode a = f.get();
                if (a.get("success").asBoolean()) {
                    won.add(a);
                } else {
                    int code = a.get("errorCode").asInt();
                    assertTrue(code == 34 || code == 37 || code == 27, a.toString());
                }
            }
            assertEquals(1, won.size(), "exactly one checkout used the coupon");
            Coupon c = stored(spring);
            assertEquals(won.get(0).get("transactionId").asText(), c.used().orElseThrow().transactionId().orElseThrow().value());
            assertTrue(c.claim().isEmpty());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_void_takes_the_points_back_and_gives_the_coupon_back_once() {
        String card = loyaltyCard();
        String spring = coupon(SPRING);
        JsonNode sale = ok(demo.call("checkout", sale(card, "MUFFIN", "10.00", spring)));
        String txn = sale.get("transactionId").asText();
        JsonNode voided = ok(demo.call("voidTransaction", "{\"transactionId\": \"" + txn + "\", \"returnBalances\": true}"));
        assertEquals(0, balance(voided, "Points"));
        assertTrue(stored(spring).used().isEmpty(), "the coupon is usable again");
        assertEquals(25, code(demo.call("voidTransaction", "{\"transactionId\": \"" + txn + "\"}")));
        ok(demo.call("checkout", sale(card, "MUFFIN", "10.00", spring)));
    }

    @Test
    void two_stages_hold_then_commit_once() {
        String card = loyaltyCard();
        ok(demo.call("updateBalance", "{\"cardNumber\": \"" + card
                + "\", \"action\": \"issue\", \"amount\": {\"balanceType\": \"Points\", \"amount\": 500}}"));
        JsonNode setup = ok(demo.call("checkout", "{\"cardNumber\": \"" + card + "\", \"isSetup\": true, \"products\": "
                + "[{\"sku\": \"MUFFIN\", \"amountPurchased\": 2, \"unitPrice\": 5}], \"redemptions\": "
                + "[{\"balanceType\": \"Points\", \"amount\": 200}], \"returnBalances\": true}"));
        assertTrue(setup.get("isSetup").asBoolean());
        assertEquals(300, balance(setup, "Points"), "the redemption is held");
        String setupId = setup.get("transactionId").asText();
        JsonNode done = ok(demo.call("checkout", "{\"cardNumber\": \"" + card + "\", \"setupTransactionId\": \"" + setupId
                + "\", \"returnBalances\": true}"));
        assertFalse(done.get("isSetup").asBoolean());
        assertEquals(310, balance(done, "Points"), "500 - 200 spent + 10 earned on 10.00");
        assertEquals(41, code(demo.call("checkout", "{\"setupTransactionId\": \"" + setupId + "\"}")));
    }

    @Test
    void anonymous_sales_are_recorded_looked_up_and_voided() {
        String spring = coupon(SPRING);
        JsonNode sale = ok(demo.call("checkout", sale(null, "MUFFIN", "10.00", spring)));
        String txn = sale.get("transactionId").asText();
        assertFalse(sale.has("cardNumber"));
        assertTrue(stored(spring).used().isPresent());
        JsonNode lookup = ok(demo.call("checkoutLookup", "{\"checkoutTransactionId\": \"" + txn + "\"}"));
        assertEquals("MUFFIN", lookup.get("skus").get(0).get("sku").asText());
        ok(demo.call("voidTransaction", "{\"transactionId\": \"" + txn + "\"}"));
        assertTrue(stored(spring).used().isEmpty());
        assertEquals(25, code(demo.call("voidTransaction", "{\"transactionId\": \"" + txn + "\"}")));
    }

    @Test
    void a_claim_left_by_a_checkout_that_died_before_its_commit_lapses_and_frees_the_coupon() {
        String card = loyaltyCard();
        String spring = coupon(SPRING);
        Coupon c = stored(spring);
        long next = storage.cardLedger().head(DEMO, new CardNumber(card)).map(LedgerEntry::sequence).orElse(0L) + 1;
        // what a checkout that claimed the coupon and then died leaves behind, its lease over
        assertEquals(CouponPort.WriteOutcome.WRITTEN, coupons.update(c.with(c.cards(), c.tags(), c.allocatedAt(), c.used(),
                Optional.of(new Coupon.Claim("co:DEMO:died", Optional.of(new CardNumber(card)), next, Coupon.Purpose.USE,
                        Instant.now().minusSeconds(1))))));
        JsonNode sale = ok(demo.call("checkout", sale(loyaltyCard(), "MUFFIN", "10.00", spring)));
        assertEquals(sale.get("transactionId").asText(), stored(spring).used().orElseThrow().transactionId().orElseThrow().value());
    }

    @Test
    void a_commit_whose_coupons_were_never_finalised_is_finished_by_the_next_one_to_meet_them() {
        for (int i = 0; i < 2; i++) {
            coupon(FREE);
        }
        String card = loyaltyCard();
        String spring = coupon(SPRING);
        JsonNode third = null;
        for (int i = 0; i < 3; i++) {
            third = ok(demo.call("checkout", sale(card, "IT-COFFEE", "3.00", i == 2 ? new String[] {spring} : new String[0])));
        }
        String txn = third.get("transactionId").asText();
        String awarded = third.get("couponsAwarded").get(0).asText();
        LedgerEntry entry = storage.cardLedger().byTransactionId(DEMO, new TransactionId(txn)).orElseThrow();
        String key = entry.posting().checkout().orElseThrow().key();
        // as if the call died right after its commit: both coupons still only claimed, the leases over
        for (String code : List.of(spring, awarded)) {
            Coupon c = stored(code);
            Coupon.Purpose purpose = code.equals(spring) ? Coupon.Purpose.USE : Coupon.Purpose.ALLOCATE;
            Coupon back = new Coupon(c.brand(), c.code(), c.set(), code.equals(spring) ? c.cards() : Set.of(), c.tags(), c.validFrom(),
                    c.validTo(), code.equals(spring) ? c.allocatedAt() : Optional.empty(), Optional.empty(),
                    Optional.of(new Coupon.Claim(key, Optional.of(new CardNumber(card)), entry.sequence(), purpose,
                            Instant.now().minusSeconds(1))), c.version() + 1);
            assertEquals(CouponPort.WriteOutcome.WRITTEN, coupons.update(back));
        }
        assertEquals(34, code(demo.call("checkout", sale(loyaltyCard(), "MUFFIN", "1.00", spring))),
                "the coupon's checkout committed: it is used, not free");
        assertEquals(Optional.of(new TransactionId(txn)), stored(spring).used().orElseThrow().transactionId());
        // drain the set's pool so the next award meets the awarded coupon's claim
        String other = loyaltyCard();
        JsonNode next = null;
        for (int i = 0; i < 3 * 3; i++) {
            next = ok(demo.call("checkout", sale(other, "IT-COFFEE", "3.00")));
        }
        assertEquals(Set.of(new CardNumber(card)), stored(awarded).cards(), "the reward stays with the card that earned it");
        assertTrue(stored(awarded).claim().isEmpty());
        assertTrue(next.get("responseMessages").toString().contains("No coupon"), next.toString());
    }
}
