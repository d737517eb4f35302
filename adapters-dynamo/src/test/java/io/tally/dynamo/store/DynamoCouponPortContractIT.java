package io.tally.dynamo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.contract.ContractData;
import io.tally.domain.contract.CouponPortContract;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.coupon.CouponPort;
import io.tally.domain.coupon.CouponPort.WriteOutcome;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** The {@link CouponPort} contract against the DynamoDB adapter on dynalite, and its "verify on read" card links. */
@ExtendWith(DynaliteExtension.class)
class DynamoCouponPortContractIT extends CouponPortContract {
    private DynamoTestTable table;
    private CouponPort port;

    @BeforeEach
    void port(DynamoTestTable table) {
        this.table = table;
        port = new DynamoStorage(table.client(), table.tableName()).coupons();
    }

    @Override
    protected CouponPort port() {
        return port;
    }

    private Coupon stored(BrandId brand, String code, CardNumber... cards) {
        Coupon c = Coupon.fresh(brand, new CouponCode(code), new CouponSetId("s"), Set.of(cards), Set.of(),
                Optional.empty(), Optional.empty());
        assertTrue(port.create(c));
        return c;
    }

    private void putLink(CardNumber card, BrandId brand, String code, long version) {
        var item = Attr.item(Keys.card(card.value()), Keys.couponLinkSk(code), "CouponLink");
        item.put("card", Attr.s(card.value()));
        item.put("brand", Attr.s(brand.value()));
        item.put("code", Attr.s(code));
        item.put("version", Attr.n(version));
        table.client().putItem(PutItemRequest.builder().tableName(table.tableName()).item(item).build());
    }

    @Test
    void a_link_without_the_coupons_word_shows_nothing() {
        BrandId brand = ContractData.freshBrand();
        CardNumber card = ContractData.freshCard();
        Coupon unrestricted = stored(brand, "LINK-1");
        putLink(card, brand, "LINK-1", 1);
        putLink(card, brand, "NO-SUCH-COUPON", 1);
        putLink(card, ContractData.freshBrand(), "LINK-1", 1);

        assertEquals(List.of(), port.ofCard(brand, card), "left-over links are checked against the coupons");
        Coupon restricted = unrestricted.with(Set.of(card), Set.of(), Optional.empty(), Optional.empty(), Optional.empty());
        assertEquals(WriteOutcome.WRITTEN, port.update(restricted));
        assertEquals(List.of(restricted), port.ofCard(brand, card));
    }

    @Test
    void removing_a_card_keeps_a_link_a_newer_version_put_back() {
        BrandId brand = ContractData.freshBrand();
        CardNumber card = ContractData.freshCard();
        Coupon v1 = stored(brand, "RELINK-1", card);
        Coupon v2 = v1.with(Set.of(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty());
        putLink(card, brand, "RELINK-1", 3); // a writer of version 3 re-adding the card, between v2's write and its unlink
        assertEquals(WriteOutcome.WRITTEN, port.update(v2));
        Coupon v3 = v2.with(Set.of(card), Set.of(), Optional.empty(), Optional.empty(), Optional.empty());
        var stillLinked = table.client().getItem(r -> r.tableName(table.tableName()).consistentRead(true)
                .key(Attr.key(Keys.card(card.value()), Keys.couponLinkSk("RELINK-1"))));

        assertTrue(stillLinked.hasItem() && !stillLinked.item().isEmpty(), "v2's unlink left v3's link alone");
        assertEquals(WriteOutcome.WRITTEN, port.update(v3));
        assertEquals(List.of(v3), port.ofCard(brand, card));
    }
}
