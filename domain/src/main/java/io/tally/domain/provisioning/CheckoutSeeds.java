package io.tally.domain.provisioning;

import static io.tally.domain.provisioning.SeedProblems.require;

import io.tally.domain.campaign.Campaign;
import io.tally.domain.card.CardNumber;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.coupon.CouponSet;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.program.BalanceType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.provisioning.Seed.BrandSeed;
import io.tally.domain.provisioning.Seed.CheckoutSeed;
import io.tally.domain.provisioning.Seed.CouponSetSeed;
import io.tally.domain.tenant.BrandId;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Turns the {@code checkout} sections of a seed into what to store, reporting every problem at once. */
final class CheckoutSeeds {
    /** The most coupons one seed may create for one set (demos; bulk loads have their own path). */
    static final int MAX_COUPONS_PER_SET = 1_000;
    static final int MAX_SKU_TAGS = 500;
    static final int MAX_SKUS_PER_TAG = 1_000;

    record CheckoutPlan(BrandId brand, ValueTypeKey currency, ZoneId zone, List<CouponSet> couponSets,
                        List<Coupon> coupons, Map<String, Set<String>> skuTags, List<Campaign> campaigns) {
    }

    private CheckoutSeeds() {
    }

    /** One plan per brand with a checkout section; problems are added to {@code problems}. */
    static List<CheckoutPlan> plans(Seed seed, boolean storable, boolean couponsStorable, List<String> problems) {
        SeedProblems checks = new SeedProblems(problems);
        List<CheckoutPlan> plans = new ArrayList<>();
        for (BrandSeed b : seed.brands()) {
            if (b.checkout() == null) {
                continue;
            }
            String where = "brand " + b.id() + " checkout";
            if (!storable) {
                checks.add(where + ": this runtime cannot store checkout configurations");
                continue;
            }
            int before = checks.count();
            CheckoutPlan plan = plan(b, b.checkout(), where, checks);
            if (!plan.coupons().isEmpty() && !couponsStorable) {
                checks.add(where + ": this runtime cannot store coupons");
            }
            if (checks.count() == before) {
                plans.add(plan);
            }
        }
        return plans;
    }

    private static CheckoutPlan plan(BrandSeed b, CheckoutSeed c, String where, SeedProblems checks) {
        BrandId brand;
        try {
            brand = new BrandId(b.id());
        } catch (IllegalArgumentException e) {
            checks.add(where + ": " + e.getMessage());
            return new CheckoutPlan(null, null, null, List.of(), List.of(), Map.of(), List.of());
        }
        ValueTypeKey currency = checks.attempt(where, () -> {
            ValueTypeKey key = ValueTypeKey.parseText("Currency:" + (c.currency() == null ? "USD" : c.currency()));
            require(key.type() == BalanceType.CURRENCY, "currency is an ISO 4217 code");
            return key;
        });
        ZoneId zone = checks.attempt(where, () -> {
            try {
                return ZoneId.of(c.timeZone() == null ? "UTC" : c.timeZone());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("unknown timeZone " + c.timeZone() + " (e.g. America/New_York)");
            }
        });
        List<CouponSet> sets = new ArrayList<>();
        List<Coupon> coupons = new ArrayList<>();
        for (CouponSetSeed s : c.couponSets()) {
            String swhere = where + ", coupon set " + s.id();
            CouponSet set = checks.attempt(swhere, () -> new CouponSet(brand, new CouponSetId(s.id()), s.name(),
                    CampaignSeeds.instant(s.validFrom(), "validFrom"), CampaignSeeds.instant(s.validTo(), "validTo")));
            if (set != null) {
                sets.add(set);
                coupons.addAll(coupons(set, s, swhere, checks));
            }
        }
        Map<String, Set<String>> tags = new LinkedHashMap<>();
        if (c.skuTags().size() > MAX_SKU_TAGS) {
            checks.add(where + ": at most " + MAX_SKU_TAGS + " SKU tags");
        }
        c.skuTags().forEach((tag, skus) -> {
            Set<String> valid = checks.attempt(where + ", SKU tag " + tag, () -> {
                require(Coupon.validTag(tag), "a SKU tag is 1-64 letters, digits, '_', '.', '-' or ' '");
                require(skus != null && !skus.isEmpty() && skus.size() <= MAX_SKUS_PER_TAG, "1-" + MAX_SKUS_PER_TAG + " SKUs");
                skus.forEach(s -> require(s != null && !s.isBlank() && s.length() <= 64, "a SKU is 1-64 characters"));
                return Set.copyOf(new TreeSet<>(skus));
            });
            if (valid != null) {
                tags.put(tag, valid);
            }
        });
        Set<ValueTypeKey> valueTypes = new HashSet<>();
        b.programs().forEach(p -> p.valueTypes().forEach(v -> {
            try {
                valueTypes.add(ValueTypeKey.parseText(v.balanceType() + (v.balanceCode() == null ? "" : ":" + v.balanceCode())));
            } catch (IllegalArgumentException e) {
                // reported by the program's own validation
            }
        }));
        CampaignSeeds.Known known = new CampaignSeeds.Known(
                Optional.of(c.couponSets().stream().map(CouponSetSeed::id).collect(Collectors.toSet())),
                Optional.of(c.skuTags().keySet()), Optional.of(valueTypes));
        List<Campaign> campaigns = CampaignSeeds.campaigns(brand, c.campaigns(), known, where, checks);
        checks.requireUnique(where, "coupon set", c.couponSets().stream().map(CouponSetSeed::id).toList());
        checks.requireUnique(where, "coupon code", coupons.stream().map(k -> k.code().value()).toList());
        return new CheckoutPlan(brand, currency, zone, sets, coupons, tags, campaigns);
    }

    /** The listed coupons and the generated pool, each taking the set's window. */
    private static List<Coupon> coupons(CouponSet set, CouponSetSeed s, String where, SeedProblems checks) {
        List<Coupon> coupons = new ArrayList<>();
        for (Seed.CouponSeed k : s.coupons()) {
            Coupon c = checks.attempt(where + ", coupon " + k.code(), () -> Coupon.fresh(set.brand(),
                    new CouponCode(k.code()), set.id(), k.cards().stream().map(CardNumber::new).collect(Collectors.toSet()),
                    Set.copyOf(k.tags()), set.validFrom(), set.validTo()));
            if (c != null) {
                coupons.add(c);
            }
        }
        if (s.pool() != null) {
            checks.attempt(where + ", pool", () -> {
                int count = s.pool().count() == null ? 0 : s.pool().count();
                require(s.pool().prefix() != null, "a pool needs a prefix");
                require(count >= 1 && count + coupons.size() <= MAX_COUPONS_PER_SET,
                        "a set's seed coupons number 1-" + MAX_COUPONS_PER_SET);
                for (int i = 1; i <= count; i++) {
                    coupons.add(Coupon.fresh(set.brand(), new CouponCode(s.pool().prefix() + String.format("%04d", i)),
                            set.id(), Set.of(), Set.of(), set.validFrom(), set.validTo()));
                }
                return coupons;
            });
        }
        if (coupons.size() > MAX_COUPONS_PER_SET) {
            checks.add(where + ": at most " + MAX_COUPONS_PER_SET + " coupons per set in a seed");
        }
        return coupons;
    }
}
