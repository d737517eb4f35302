package io.tally.lambda.merchant;

import static io.tally.lambda.merchant.MerchantHarness.j;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.domain.card.CardNumber;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.fakes.Crash;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** allocateCoupon, couponLookup, updateCoupon, listCoupons and search's returnFields.coupons on the in-memory fakes. */
class CouponMethodsTest {
    private static final CouponSetId SPRING = new CouponSetId("spring");
    private final MerchantHarness h = new MerchantHarness();

    CouponMethodsTest() {
        h.couponSets.add(SPRING);
    }

    private Coupon stock(BrandId brand, String code, Set<CardNumber> cards) {
        Coupon c = Coupon.fresh(brand, new CouponCode(code), SPRING, cards, Set.of("printed"), Optional.of(TestWorld.START),
                Optional.of(Instant.parse("2025-12-31T23:00:00Z")));
        assertTrue(h.coupons.create(c));
        return c;
    }

    private Coupon stored(String code) {
        return h.coupons.find(TestWorld.BRAND, new CouponCode(code)).orElseThrow();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void allocate_coupon_hands_a_pool_coupon_to_the_card_and_answers_it() {
        stock(TestWorld.BRAND, "SPR-0001", Set.of());
        CardNumber card = h.world.activeCard();

        var r = h.call("allocateCoupon", j("{'couponSetId':'spring','cardNumber':" + card.value() + ",'tags':['welcome',null]}"));

        assertTrue(r.ok(), r.raw());
        JsonNode c = r.get("coupon");
        assertEquals("SPR-0001", c.get("couponCode").asText());
        assertEquals("spring", c.get("couponSetId").asText());
        assertEquals(List.of(card.value()), texts(c.get("cardNumbers")));
        assertEquals(List.of("printed", "welcome"), texts(c.get("tags")));
        assertEquals(false, c.get("isUsed").asBoolean());
        assertTrue(c.get("usedAt").isNull() && c.get("usedTransactionId").isNull());
        assertEquals("2025-01-01 00:00:00", c.get("validFrom").asText());
        assertEquals("2025-12-31 23:00:00", c.get("validTo").asText());
        assertEquals("2025-01-01 00:00:00", c.get("allocatedAt").asText());
        assertEquals(Set.of(card), stored("SPR-0001").cards());
        assertEquals(39, h.call("allocateCoupon", j("{'couponSetId':'spring','cardNumber':'" + card.value() + "'}")).code());
    }

    @Test
    void allocate_coupon_answers_each_bad_input_with_its_error() {
        stock(TestWorld.BRAND, "SPR-0001", Set.of());
        CardNumber card = h.world.activeCard();
        assertEquals(1, h.call("allocateCoupon", j("{'cardNumber':'" + card.value() + "'}")).code());
        assertEquals(38, h.call("allocateCoupon", j("{'couponSetId':'autumn','cardNumber':'" + card.value() + "'}")).code());
        assertEquals(38, h.call("allocateCoupon", j("{'couponSetId':'no such set!','cardNumber':'" + card.value() + "'}")).code());
        assertEquals(6, h.call("allocateCoupon", j("{'couponSetId':'spring'}")).code());
        assertEquals(9, h.call("allocateCoupon", j("{'couponSetId':'spring','cardNumber':'" + MerchantHarness.unknownCard().value() + "'}")).code());
        assertEquals(11, h.call("allocateCoupon", j("{'couponSetId':'spring','cardNumber':'" + h.world.poolCard(TestWorld.BRAND).value() + "'}")).code());
        assertEquals(1, h.call("allocateCoupon", j("{'couponSetId':'spring','cardNumber':'" + card.value() + "','tags':'vip'}")).code());
        assertEquals(1, h.call("allocateCoupon", j("{'couponSetId':'spring','cardNumber':'" + card.value() + "','tags':['a/b']}")).code());
        assertEquals(1, h.call("allocateCoupon", j("{'couponSetId':['spring'],'cardNumber':'" + card.value() + "'}")).code());
        assertTrue(stored("SPR-0001").inPool(), "no refused call allocated anything");
    }

    @Test
    void allocate_coupon_with_a_custom_request_id_allocates_once_even_when_the_first_answer_was_lost() {
        for (int i = 0; i < 5; i++) {
            stock(TestWorld.BRAND, "SPR-000" + i, Set.of());
        }
        CardNumber card = h.world.activeCard();
        String body = j("{'couponSetId':'spring','cardNumber':'" + card.value() + "'}");
        h.world.idempotency.crashNextCompletions(1);
        assertThrows(Crash.class, () -> h.call("allocateCoupon", body, Map.of("customRequestId", "web-c-1")));
        h.world.clock.advance(Duration.ofMinutes(5));

        var retry = h.call("allocateCoupon", body, Map.of("customRequestId", "web-c-1"));
        var repeat = h.call("allocateCoupon", body, Map.of("customRequestId", "web-c-1"));

        assertTrue(retry.ok(), retry.raw());
        assertEquals(retry.raw(), repeat.raw());
        List<Coupon> onCard = h.coupons.ofCard(TestWorld.BRAND, card);
        assertEquals(1, onCard.size(), "one coupon, not one per attempt");
        assertEquals(onCard.get(0).code().value(), retry.get("coupon").get("couponCode").asText());
    }

    @Test
    void coupon_lookup_finds_codes_case_insensitively_and_never_another_brands() {
        stock(TestWorld.BRAND, "SPR-0001", Set.of());
        stock(TestWorld.OTHER_BRAND, "OTH-0001", Set.of());

        var found = h.call("couponLookup", j("{'couponCode':' spr-0001 '}"));

        assertTrue(found.ok(), found.raw());
        assertEquals("SPR-0001", found.get("coupon").get("couponCode").asText());
        assertEquals(33, h.call("couponLookup", j("{'couponCode':'OTH-0001'}")).code());
        assertEquals(33, h.call("couponLookup", j("{'couponCode':'NONE-0001'}")).code());
        assertEquals(33, h.call("couponLookup", j("{'couponCode':'x!'}")).code());
        assertEquals(1, h.call("couponLookup", j("{'couponCode':null}")).code());
        assertEquals(1, h.call("couponLookup", j("{'couponCode':{}}")).code());
    }

    @Test
    void update_coupon_sets_tags_cards_and_used_and_lists_on_the_card() {
        stock(TestWorld.BRAND, "SPR-0001", Set.of());
        CardNumber card = h.world.activeCard();

        var r = h.call("updateCoupon", j("{'couponCode':'SPR-0001','tags':['vip'],'cardNumbers':[" + card.value() + "],'isUsed':'true'}"));

        assertTrue(r.ok(), r.raw());
        JsonNode c = r.get("coupon");
        assertEquals(List.of("vip"), texts(c.get("tags")));
        assertEquals(List.of(card.value()), texts(c.get("cardNumbers")));
        assertTrue(c.get("isUsed").asBoolean());
        assertEquals("2025-01-01 00:00:00", c.get("usedAt").asText());
        var listed = h.call("listCoupons", j("{'cardNumber':'" + card.value() + "'}"));
        assertTrue(listed.ok(), listed.raw());
        assertEquals(card.value(), listed.get("cardNumber").asText());
        assertEquals(List.of("SPR-0001"), codes(listed.get("coupons")));

        var cleared = h.call("updateCoupon", j("{'couponCode':'SPR-0001','tags':[],'cardNumbers':[],'isUsed':false}"));
        assertTrue(cleared.ok(), cleared.raw());
        assertEquals(List.of(), texts(cleared.get("coupon").get("tags")));
        assertEquals(List.of(), texts(cleared.get("coupon").get("cardNumbers")));
        assertEquals(false, cleared.get("coupon").get("isUsed").asBoolean());
        var kept = h.call("updateCoupon", j("{'couponCode':'SPR-0001','tags':null}"));
        assertTrue(kept.ok(), kept.raw());
        assertEquals(0, h.call("listCoupons", j("{'cardNumber':'" + card.value() + "'}")).get("coupons").size());
    }

    private static List<String> codes(JsonNode coupons) {
        List<String> out = new ArrayList<>();
        coupons.forEach(c -> out.add(c.get("couponCode").asText()));
        return out;
    }

    @Test
    void update_coupon_answers_each_refusal_with_its_error() {
        Coupon c = stock(TestWorld.BRAND, "SPR-0001", Set.of());
        assertEquals(9, h.call("updateCoupon", j("{'couponCode':'SPR-0001','cardNumbers':['" + MerchantHarness.unknownCard().value() + "']}")).code());
        assertEquals(9, h.call("updateCoupon", j("{'couponCode':'SPR-0001','cardNumbers':['" + h.world.activeCard(TestWorld.OTHER_BRAND).value() + "']}")).code());
        assertEquals(1, h.call("updateCoupon", j("{'couponCode':'SPR-0001','cardNumbers':[null]}")).code());
        assertEquals(1, h.call("updateCoupon", j("{'couponCode':'SPR-0001','isUsed':'maybe'}")).code());
        assertEquals(1, h.call("updateCoupon", j("{'couponCode':'SPR-0001','tags':[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21]}")).code());
        assertEquals(33, h.call("updateCoupon", j("{'couponCode':'NONE-0001','isUsed':true}")).code());
        h.coupons.update(c.with(c.cards(), c.tags(), Optional.empty(), Optional.empty(), Optional.of(new Coupon.Claim("chk-1",
                Optional.empty(), 0, Coupon.Purpose.USE, TestWorld.START.plusSeconds(30)))));
        assertEquals(37, h.call("updateCoupon", j("{'couponCode':'SPR-0001','isUsed':true}")).code());

        h.world.clock.advance(Duration.ofMinutes(1));
        Coupon claimed = stored("SPR-0001");
        h.coupons.update(claimed.with(claimed.cards(), claimed.tags(), Optional.empty(), Optional.of(new Coupon.Usage(
                TestWorld.START, Optional.of(new TransactionId("1735689600000")), Optional.empty())), Optional.empty()));
        var refused = h.call("updateCoupon", j("{'couponCode':'SPR-0001','isUsed':false}"));
        assertEquals(1, refused.code());
        assertTrue(refused.message().contains("void the checkout instead"), refused.raw());
        assertEquals("1735689600000", h.call("couponLookup", j("{'couponCode':'SPR-0001'}")).get("coupon").get("usedTransactionId").asText());
    }

    @Test
    void list_coupons_needs_a_card_of_the_brand() {
        assertEquals(6, h.call("listCoupons", "{}").code());
        assertEquals(9, h.call("listCoupons", j("{'cardNumber':'" + MerchantHarness.unknownCard().value() + "'}")).code());
        assertEquals(9, h.call("listCoupons", j("{'cardNumber':'" + h.world.activeCard(TestWorld.OTHER_BRAND).value() + "'}")).code());
    }

    @Test
    void search_adds_each_cards_coupons_when_asked() {
        CardNumber card = h.world.activeCard();
        stock(TestWorld.BRAND, "SPR-0002", Set.of(card));
        stock(TestWorld.BRAND, "SPR-0001", Set.of(card));

        var r = h.call("search", j("{'filters':{'cardNumber':'" + card.value() + "'},'returnFields':{'coupons':true}}"));
        var plain = h.call("search", j("{'filters':{'cardNumber':'" + card.value() + "'}}"));

        assertTrue(r.ok(), r.raw());
        JsonNode coupons = r.get("cards").get(0).get("coupons");
        assertEquals(List.of("SPR-0001", "SPR-0002"), codes(coupons));
        assertEquals(List.of(card.value()), texts(coupons.get(0).get("cardNumbers")));
        assertTrue(plain.get("cards").get(0).get("coupons") == null);
    }
}
