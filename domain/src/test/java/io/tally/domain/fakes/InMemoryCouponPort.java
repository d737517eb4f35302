package io.tally.domain.fakes;

import io.tally.domain.card.CardNumber;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.coupon.CouponPort;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.tenant.BrandId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Coupons in memory with the adapter's semantics: keyed by brand and code, every read and write scoped by brand, an
 * update conditional on the stored version being the one before. {@link #pool} and {@link #ofCard} are exact here
 * (the adapter's may lag behind, which the port allows). Thread-safe.
 */
public final class InMemoryCouponPort implements CouponPort {
    private static final Comparator<Coupon> BY_CODE = Comparator.comparing(c -> c.code().value());
    private final Map<String, Coupon> coupons = new HashMap<>();

    @Override
    public synchronized Optional<Coupon> find(BrandId brand, CouponCode code) {
        return Optional.ofNullable(coupons.get(key(brand, code)));
    }

    @Override
    public synchronized Map<CouponCode, Coupon> findAll(BrandId brand, Collection<CouponCode> codes) {
        checkBatch(codes.size());
        Map<CouponCode, Coupon> found = new LinkedHashMap<>();
        for (CouponCode code : codes) {
            Coupon c = coupons.get(key(brand, code));
            if (c != null) {
                found.put(code, c);
            }
        }
        return found;
    }

    @Override
    public synchronized boolean create(Coupon coupon) {
        checkNew(coupon);
        return coupons.putIfAbsent(key(coupon.brand(), coupon.code()), coupon) == null;
    }

    @Override
    public synchronized List<CouponCode> createAll(List<Coupon> batch) {
        checkBatch(batch.size());
        batch.forEach(InMemoryCouponPort::checkNew);
        List<CouponCode> taken = new ArrayList<>();
        for (Coupon c : batch) {
            if (!create(c)) {
                taken.add(c.code());
            }
        }
        return taken;
    }

    @Override
    public synchronized WriteOutcome update(Coupon changed) {
        String key = key(changed.brand(), changed.code());
        Coupon stored = coupons.get(key);
        if (stored == null) {
            return WriteOutcome.NOT_FOUND;
        }
        if (stored.version() != changed.version() - 1) {
            return WriteOutcome.CONFLICT;
        }
        coupons.put(key, changed);
        return WriteOutcome.WRITTEN;
    }

    @Override
    public synchronized List<Coupon> pool(BrandId brand, CouponSetId set, int limit) {
        if (limit < 1 || limit > MAX_RESULTS) {
            throw new IllegalArgumentException("limit 1.." + MAX_RESULTS);
        }
        return coupons.values().stream().filter(c -> c.brand().equals(brand) && c.set().equals(set) && c.inPool())
                .sorted(BY_CODE).limit(limit).toList();
    }

    @Override
    public synchronized List<Coupon> ofCard(BrandId brand, CardNumber card) {
        return coupons.values().stream().filter(c -> c.brand().equals(brand) && c.cards().contains(card))
                .sorted(BY_CODE).limit(MAX_RESULTS).toList();
    }

    @Override
    public synchronized long countInSet(BrandId brand, CouponSetId set) {
        return coupons.values().stream().filter(c -> c.brand().equals(brand) && c.set().equals(set)).count();
    }

    private static void checkNew(Coupon coupon) {
        if (coupon.version() != 1) {
            throw new IllegalArgumentException("a new coupon is version 1: " + coupon);
        }
    }

    private static void checkBatch(int size) {
        if (size > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " coupons at once");
        }
    }

    private static String key(BrandId brand, CouponCode code) {
        return brand.value() + "|" + code.value();
    }
}
