package io.tally.lambda.merchant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.card.CardNumber;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.coupon.CouponsUseCase;
import io.tally.domain.shared.Outcome;
import io.tally.lambda.http.MerchantMethod;
import io.tally.lambda.http.MerchantRequest;
import io.tally.sqs.json.WireJson;
import java.util.Optional;
import java.util.Set;

/**
 * {@code updateCoupon}: replaces what is given of the coupon {@code couponCode}: {@code tags} (a list; {@code []}
 * clears), {@code cardNumbers} (the card restriction; {@code []} lifts it) and {@code isUsed}; absent or null keeps.
 * Answers {@code coupon} as it is now.
 */
public final class UpdateCouponMethod implements MerchantMethod {
    private final CouponsUseCase coupons;
    private final WireJson json;

    public UpdateCouponMethod(CouponsUseCase coupons, WireJson json) {
        this.coupons = coupons;
        this.json = json;
    }

    @Override
    public String name() {
        return "updateCoupon";
    }

    /** The coupon write is not a ledger entry, so the API keeps the customRequestId itself. */
    @Override
    public RequestIdUse requestIdUse() {
        return RequestIdUse.IDEMPOTENT;
    }

    @Override
    public Outcome<ObjectNode> handle(MerchantRequest request) {
        var body = request.body();
        Input in = new Input();
        CouponCode code = in.take(CouponFields.code(body, "couponCode"), null);
        Optional<Set<String>> tags = in.take(CouponFields.tags(body, "tags"), Optional.empty());
        Optional<Set<CardNumber>> cards = in.take(CouponFields.cardNumbers(body, "cardNumbers"), Optional.empty());
        Optional<Boolean> used = in.take(CouponFields.optionalBool(body, "isUsed"), Optional.empty());
        if (in.failed()) {
            return in.rejected();
        }
        var command = new CouponsUseCase.UpdateCouponCommand(request.context(), code, tags, cards, used);
        return coupons.update(command).map(c -> {
            ObjectNode out = json.createObjectNode();
            CouponJson.put(out.putObject("coupon"), c);
            return out;
        });
    }
}
