package io.tally.lambda.merchant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.card.CardNumber;
import io.tally.domain.coupon.CouponsUseCase;
import io.tally.domain.shared.Outcome;
import io.tally.lambda.http.MerchantMethod;
import io.tally.lambda.http.MerchantRequest;
import io.tally.sqs.json.WireJson;

/** {@code listCoupons}: the coupons restricted to the card {@code cardNumber}, used ones included, by code. */
public final class ListCouponsMethod implements MerchantMethod {
    private final CouponsUseCase coupons;
    private final WireJson json;

    public ListCouponsMethod(CouponsUseCase coupons, WireJson json) {
        this.coupons = coupons;
        this.json = json;
    }

    @Override
    public String name() {
        return "listCoupons";
    }

    @Override
    public Outcome<ObjectNode> handle(MerchantRequest request) {
        Input in = new Input();
        CardNumber card = in.take(Fields.cardNumber(request.body(), "cardNumber"), null);
        if (in.failed()) {
            return in.rejected();
        }
        return coupons.ofCard(request.context(), card).map(list -> {
            ObjectNode out = json.createObjectNode();
            out.put("cardNumber", card.value());
            CouponJson.putAll(out.putArray("coupons"), list);
            return out;
        });
    }
}
