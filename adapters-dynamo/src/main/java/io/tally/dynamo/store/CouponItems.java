package io.tally.dynamo.store;

import io.tally.domain.card.CardNumber;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The coupon's item {@code COUPON#b#CODE / COUPON} and a card's link to a coupon {@code CARD#n / CPN#CODE}, as
 * enhanced-client schemas. The coupon carries its GSI1 keys: its set's partition, {@code U#code} while in the pool,
 * {@code A#code} after (GSI1 copies only its keys, {@code type}, {@code brand} and {@code version}: the pool reads the
 * coupons themselves by key). Writing the whole item on every change keeps those keys in step with the coupon.
 */
final class CouponItems {
    static final String TYPE = "Coupon";

    static final StaticImmutableTableSchema<Coupon.Usage, ItemValues> USAGE = ItemSchema.of(Coupon.Usage.class,
                    v -> new Coupon.Usage(Instant.parse(v.string("at")), v.optString("transactionId").map(TransactionId::new),
                            v.optString("card").map(CardNumber::new)))
            .string("at", u -> u.at().toString())
            .string("transactionId", u -> u.transactionId().map(TransactionId::value).orElse(null))
            .string("card", u -> u.card().map(CardNumber::value).orElse(null))
            .build();

    static final StaticImmutableTableSchema<Coupon.Claim, ItemValues> CLAIM = ItemSchema.of(Coupon.Claim.class,
                    v -> new Coupon.Claim(v.string("key"), v.optString("card").map(CardNumber::new), v.number("sequence"),
                            Coupon.Purpose.valueOf(v.string("purpose")), Instant.parse(v.string("until"))))
            .string("key", Coupon.Claim::key)
            .string("card", c -> c.card().map(CardNumber::value).orElse(null))
            .number("sequence", Coupon.Claim::sequence)
            .string("purpose", c -> c.purpose().name())
            .string("until", c -> c.until().toString())
            .build();

    static final StaticImmutableTableSchema<Coupon, ItemValues> COUPON = ItemSchema.of(Coupon.class, CouponItems::coupon)
            .key(TYPE, c -> Keys.coupon(c.brand().value(), c.code().value()), c -> Keys.COUPON_SK)
            .string("brand", c -> c.brand().value())
            .string("code", c -> c.code().value())
            .string("set", c -> c.set().value())
            .stringList("cards", c -> c.cards().stream().map(CardNumber::value).toList())
            .stringList("tags", c -> List.copyOf(c.tags()))
            .string("validFrom", c -> c.validFrom().map(Instant::toString).orElse(null))
            .string("validTo", c -> c.validTo().map(Instant::toString).orElse(null))
            .string("allocatedAt", c -> c.allocatedAt().map(Instant::toString).orElse(null))
            .document("used", Coupon.Usage.class, USAGE, c -> c.used().orElse(null))
            .document("claim", Coupon.Claim.class, CLAIM, c -> c.claim().orElse(null))
            .number("version", Coupon::version)
            .index(TallyTable.GSI1, c -> Keys.couponSetCoupons(c.brand().value(), c.set().value()),
                    c -> c.inPool() ? Keys.pooledCouponSk(c.code().value()) : Keys.keptCouponSk(c.code().value()))
            .build();

    /**
     * That a coupon names this card (written before the coupon's write that adds the card). {@code version}: the coupon
     * version whose write put it, so the deletion after a later version removed the card cannot undo a newer link.
     */
    record Link(String card, String brand, String code, Long version) {
    }

    static final StaticImmutableTableSchema<Link, ItemValues> LINK = ItemSchema.of(Link.class,
                    v -> new Link(v.string("card"), v.string("brand"), v.string("code"), v.number("version")))
            .key("CouponLink", l -> Keys.card(l.card()), l -> Keys.couponLinkSk(l.code()))
            .string("card", Link::card)
            .string("brand", Link::brand)
            .string("code", Link::code)
            .number("version", Link::version)
            .build();

    private CouponItems() {
    }

    private static Coupon coupon(ItemValues v) {
        Set<CardNumber> cards = v.<String>list("cards").stream().map(CardNumber::new).collect(Collectors.toSet());
        return new Coupon(new BrandId(v.string("brand")), new CouponCode(v.string("code")), new CouponSetId(v.string("set")),
                cards, Set.copyOf(v.<String>list("tags")), v.optString("validFrom").map(Instant::parse),
                v.optString("validTo").map(Instant::parse), v.optString("allocatedAt").map(Instant::parse),
                v.document("used"), v.document("claim"), v.number("version"));
    }
}
