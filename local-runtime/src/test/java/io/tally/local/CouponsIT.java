package io.tally.local;

import static io.tally.local.MerchantClient.code;
import static io.tally.local.MerchantClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.coupon.CouponSet;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.dynalite.LocalDynamo;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.lambda.provisioning.SeedJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The coupon methods end to end: HTTP through the local front, the real handlers and use cases, coupons and the
 * checkout configuration on dynalite. The coupon set and its coupons are written through the storage directly (the
 * bulk load and the seed's coupon sets are tested on their own).
 */
class CouponsIT {
    private static final BrandId DEMO = new BrandId("DEMO");
    private static final CouponSetId SET = new CouponSetId("IT-WELCOME");
    private static LocalTally tally;
    private static DynamoDbClient dynamo;
    private static DynamoStorage storage;
    private static MerchantClient demo;

    @BeforeAll
    static void start() throws Exception {
        tally = LocalTally.start(LocalPlatformConfig.defaults(Path.of("target", "coupons-it")).withHttpPort(0)
                .withRepoRoot(MerchantSliceIT.repoRoot()));
        tally.component().applySeed().apply(new SeedJson().read(Files.readString(MerchantSliceIT.repoRoot().resolve("demo/seed.json"))), true);
        dynamo = LocalDynamo.client(tally.endpoints().dynamoEndpoint());
        storage = new DynamoStorage(dynamo, tally.endpoints().tableName());
        storage.checkoutConfigStore().saveCouponSet(new CouponSet(DEMO, SET, "Welcome", Optional.empty(), Optional.empty()));
        List<Coupon> stock = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            stock.add(Coupon.fresh(DEMO, new CouponCode("WELCOME-" + i), SET, Set.of(), Set.of("print-run-1"), Optional.empty(),
                    Optional.empty()));
        }
        assertEquals(List.of(), storage.coupons().createAll(stock));
        demo = MerchantClient.demo(tally);
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

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void allocate_look_up_update_and_list_a_coupon_over_http() {
        String card = ok(demo.call("allocate", "{\"cardSetId\": \"LOYAL01\"}")).get("cardNumber").asText();

        JsonNode allocated = ok(demo.call("allocateCoupon", "{\"couponSetId\": \"IT-WELCOME\", \"cardNumber\": \"" + card
                + "\", \"tags\": [\"welcome\"]}")).get("coupon");
        String couponCode = allocated.get("couponCode").asText();
        assertTrue(couponCode.startsWith("WELCOME-"), allocated.toString());
        assertEquals(List.of(card), texts(allocated.get("cardNumbers")));
        assertEquals(List.of("print-run-1", "welcome"), texts(allocated.get("tags")));
        assertFalse(allocated.get("allocatedAt").isNull());

        JsonNode looked = ok(demo.call("couponLookup", "{\"couponCode\": \"" + couponCode.toLowerCase() + "\"}")).get("coupon");
        assertEquals(allocated, looked);

        JsonNode updated = ok(demo.call("updateCoupon", "{\"couponCode\": \"" + couponCode
                + "\", \"tags\": [\"vip\"], \"isUsed\": true}")).get("coupon");
        assertEquals(List.of("vip"), texts(updated.get("tags")));
        assertTrue(updated.get("isUsed").asBoolean());
        assertFalse(updated.get("usedAt").isNull());

        JsonNode listed = ok(demo.call("listCoupons", "{\"cardNumber\": \"" + card + "\"}")).get("coupons");
        assertEquals(1, listed.size());
        assertEquals(updated, listed.get(0));
        JsonNode searched = ok(demo.call("search", "{\"filters\": {\"cardNumber\": \"" + card
                + "\"}, \"returnFields\": {\"coupons\": true}}")).get("cards").get(0).get("coupons");
        assertEquals(listed, searched);
    }

    @Test
    void errors_of_the_coupon_methods_over_http() {
        String card = ok(demo.call("allocate", "{\"cardSetId\": \"LOYAL01\"}")).get("cardNumber").asText();
        assertEquals(38, code(demo.call("allocateCoupon", "{\"couponSetId\": \"NO-SUCH-SET\", \"cardNumber\": \"" + card + "\"}")));
        assertEquals(33, code(demo.call("couponLookup", "{\"couponCode\": \"NOT-A-COUPON\"}")));
        assertEquals(1, code(demo.call("updateCoupon", "{\"couponCode\": \"WELCOME-1\", \"tags\": \"vip\"}")));
        assertEquals(6, code(demo.call("listCoupons", "{}")));
    }
}
