package io.tally.domain.fakes;

import io.tally.domain.card.CardNumber;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.coupon.CouponPort;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.tenant.BrandId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Any {@link CouponPort} (the fake, or the DynamoDB adapter) with a process death: right after an update that was
 * written and stores a coupon that matches, the process dies ({@link Crash}), as {@code crashAfterAppending} does for
 * the ledger. Reads and creations are passed through.
 */
public final class CrashingCouponPort implements CouponPort {
    private final CouponPort delegate;
    private volatile Predicate<Coupon> crashAfter = c -> false;

    public CrashingCouponPort(CouponPort delegate) {
        this.delegate = delegate;
    }

    /** From now on dies right after writing a coupon that matches; {@code c -> false} turns this off. */
    public void crashAfterWriting(Predicate<Coupon> which) {
        crashAfter = which;
    }

    @Override
    public WriteOutcome update(Coupon changed) {
        WriteOutcome outcome = delegate.update(changed);
        if (outcome == WriteOutcome.WRITTEN && crashAfter.test(changed)) {
            throw new Crash("after writing coupon " + changed.code());
        }
        return outcome;
    }

    @Override
    public Optional<Coupon> find(BrandId brand, CouponCode code) {
        return delegate.find(brand, code);
    }

    @Override
    public Map<CouponCode, Coupon> findAll(BrandId brand, Collection<CouponCode> codes) {
        return delegate.findAll(brand, codes);
    }

    @Override
    public boolean create(Coupon coupon) {
        return delegate.create(coupon);
    }

    @Override
    public List<CouponCode> createAll(List<Coupon> coupons) {
        return delegate.createAll(coupons);
    }

    @Override
    public List<Coupon> pool(BrandId brand, CouponSetId set, int limit) {
        return delegate.pool(brand, set, limit);
    }

    @Override
    public List<Coupon> ofCard(BrandId brand, CardNumber card) {
        return delegate.ofCard(brand, card);
    }

    @Override
    public long countInSet(BrandId brand, CouponSetId set) {
        return delegate.countInSet(brand, set);
    }
}
