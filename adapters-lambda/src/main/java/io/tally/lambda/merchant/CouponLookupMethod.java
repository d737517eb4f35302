package io.tally.lambda.merchant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.coupon.CouponsUseCase;
import io.tally.domain.shared.Outcome;
import io.tally.lambda.http.MerchantMethod;
import io.tally.lambda.http.MerchantRequest;
import io.tally.sqs.json.WireJson;

/** {@code couponLookup}: the coupon of {@code couponCode} (case-insensitive). Answers {@code coupon}. */
public final class CouponLookupMethod implements MerchantMethod {
    private final CouponsUseCase coupons;
    private final WireJson json;

    public CouponLookupMethod(CouponsUseCase coupons, WireJson json) {
        this.coupons = coupons;
        this.json = json;
    }

    @Override
    public String name() {
        return "couponLookup";
    }

    @Override
    public Outcome<ObjectNode> handle(MerchantRequest request) {
        Input in = new Input();
        CouponCode code = in.take(CouponFields.code(request.body(), "couponCode"), null);
        if (in.failed()) {
            return in.rejected();
        }
        return coupons.lookup(request.context(), code).map(c -> {
            ObjectNode out = json.createObjectNode();
            CouponJson.put(out.putObject("coupon"), c);
            return out;
        });
    }
}
