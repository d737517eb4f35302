package io.tally.domain.model;

import io.tally.domain.campaign.CampaignBudgetPort;
import io.tally.domain.campaign.CheckoutConfig;
import io.tally.domain.card.CardPort;
import io.tally.domain.checkout.CheckoutUseCase;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.coupon.CouponPort;
import io.tally.domain.fakes.CheckoutWorld;
import io.tally.domain.fakes.CrashingCouponPort;
import io.tally.domain.fakes.InMemoryCheckoutRecordPort;
import io.tally.domain.fakes.InMemoryConfigStore;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.ledger.CardLedgerWriter;
import io.tally.domain.ledger.VoidUseCase;
import io.tally.domain.program.ProgramId;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.program.ValueTypeLimits;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.util.function.Predicate;

/**
 * Checkout for a {@link ModelWorld}, on that world's writer, ledger and coupon storage: the demo campaigns, Points and
 * Punches added to the brand's gift program, coupon writes that may die, anonymous records in memory (the check makes
 * card checkouts only).
 */
public final class DemoCheckouts implements ModelCheckouts {
    private final CrashingCouponPort coupons;
    private final CheckoutUseCase checkout;

    public DemoCheckouts(BrandId brand, ProgramId program, InMemoryConfigStore programs, CardLedgerWriter writer, VoidUseCase voids,
                         CardPort cards, CardLedgerPort ledger, CouponPort coupons, CampaignBudgetPort budget, Clock clock,
                         RandomSource random) {
        for (ValueTypeKey key : new ValueTypeKey[] {ValueTypeKey.points(), CheckoutWorld.PUNCHES}) {
            programs.saveValueType(new ValueType(brand, program, key, 0, ValueTypeLimits.NONE));
        }
        this.coupons = new CrashingCouponPort(coupons);
        CheckoutConfig config = CheckoutWorld.demoConfig(CheckoutWorld.demoCampaigns());
        this.checkout = new CheckoutUseCase(writer, voids, cards, ledger, programs, b -> config, this.coupons, budget,
                new InMemoryCheckoutRecordPort(), clock, random);
    }

    @Override
    public CheckoutUseCase checkout() {
        return checkout;
    }

    @Override
    public CouponPort coupons() {
        return coupons;
    }

    @Override
    public void crashAfterCouponWrite(Predicate<Coupon> which) {
        coupons.crashAfterWriting(which);
    }
}
