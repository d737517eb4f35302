package io.tally.domain.coupon;

import io.tally.domain.card.CardNumber;
import io.tally.domain.tenant.BrandId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores coupons. Every read is scoped by brand (a code of another brand is indistinguishable from an unknown one);
 * every write is one conditional single-item write.
 */
public interface CouponPort {
    /** Upper bound for {@link #pool} and {@link #ofCard}. */
    int MAX_RESULTS = 100;
    /** Upper bound for {@link #findAll} and {@link #createAll}. */
    int MAX_BATCH = 100;

    /** The coupon, read strongly consistently. */
    Optional<Coupon> find(BrandId brand, CouponCode code);

    /** The coupons among {@code codes} that exist in the brand, read strongly consistently (at most {@link #MAX_BATCH}). */
    Map<CouponCode, Coupon> findAll(BrandId brand, Collection<CouponCode> codes);

    /** Stores a new coupon (version 1) only if its code is free in the brand; false when taken. */
    boolean create(Coupon coupon);

    /**
     * Stores each new coupon only if its code is free in the brand (at most {@link #MAX_BATCH}); answers the codes
     * that were taken already (the bulk load's duplicates). Each coupon is its own conditional write: a failure part-way
     * leaves some written, and the caller's retry reports those as taken.
     */
    List<CouponCode> createAll(List<Coupon> coupons);

    /**
     * Replaces the stored coupon with {@code changed} only if the stored one is of the same brand at version
     * {@code changed.version() - 1}.
     */
    WriteOutcome update(Coupon changed);

    /**
     * Up to {@code limit} (at most {@link #MAX_RESULTS}) coupons of the set still in its pool ({@link Coupon#inPool}),
     * claimed ones included (the caller skips live claims). May be slightly stale: the conditional {@link #update}
     * decides.
     */
    List<Coupon> pool(BrandId brand, CouponSetId set, int limit);

    /**
     * The coupons restricted to this card (at most {@link #MAX_RESULTS}, by code), as stored now: an index that lags
     * is re-checked against the coupons themselves.
     */
    List<Coupon> ofCard(BrandId brand, CardNumber card);

    /** How many coupons the set holds (may be slightly stale). */
    long countInSet(BrandId brand, CouponSetId set);

    enum WriteOutcome {
        WRITTEN,
        /** No such coupon in the brand. */
        NOT_FOUND,
        /** The stored version moved on: read again and decide again. */
        CONFLICT
    }
}
