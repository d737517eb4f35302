package io.tally.lambda.merchant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.card.CardNumber;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.coupon.CouponsUseCase;
import io.tally.domain.shared.Outcome;
import io.tally.lambda.http.IdempotentCall;
import io.tally.lambda.http.MerchantMethod;
import io.tally.lambda.http.MerchantRequest;
import io.tally.sqs.json.WireJson;
import java.util.Optional;
import java.util.Set;

/**
 * {@code allocateCoupon}: hands a coupon of a coupon set's pool ({@code couponSetId}) to a card ({@code cardNumber}),
 * adding {@code tags}. Answers {@code coupon}. A repeat with the same customRequestId answers the same body; a retry
 * of an attempt that died mid-way finishes that attempt's allocation (the coupon it had chosen, recorded beforehand).
 */
public final class AllocateCouponMethod implements MerchantMethod {
    private final CouponsUseCase coupons;
    private final WireJson json;

    public AllocateCouponMethod(CouponsUseCase coupons, WireJson json) {
        this.coupons = coupons;
        this.json = json;
    }

    @Override
    public String name() {
        return "allocateCoupon";
    }

    @Override
    public RequestIdUse requestIdUse() {
        return RequestIdUse.IDEMPOTENT;
    }

    @Override
    public Outcome<ObjectNode> handle(MerchantRequest request) {
        var body = request.body();
        Input in = new Input();
        CouponSetId set = in.take(CouponFields.setId(body, "couponSetId"), null);
        CardNumber card = in.take(Fields.cardNumber(body, "cardNumber"), null);
        Optional<Set<String>> tags = in.take(CouponFields.tags(body, "tags"), Optional.empty());
        if (in.failed()) {
            return in.rejected();
        }
        var command = new CouponsUseCase.AllocateCouponCommand(request.context(), set, card, tags.orElse(Set.of()),
                request.idempotency().map(IdempotentCall::couponCheckpoint));
        return coupons.allocate(command).map(c -> {
            ObjectNode out = json.createObjectNode();
            CouponJson.put(out.putObject("coupon"), c);
            return out;
        });
    }
}
