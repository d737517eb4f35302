package io.tally.lambda.merchant;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.campaign.Basket;
import io.tally.domain.campaign.Evaluation;
import io.tally.domain.card.CardNumber;
import io.tally.domain.checkout.CheckoutUseCase;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.ledger.CheckoutFacts;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.shared.DecimalAmounts;
import io.tally.domain.shared.Outcome;
import io.tally.lambda.http.MerchantMethod;
import io.tally.lambda.http.MerchantRequest;
import io.tally.sqs.json.WireJson;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code checkoutDryRun}: what a {@code checkout} with this basket, card and coupons would do, changing nothing (no
 * coupon claimed, no budget used, nothing written): the mutations, discounts, coupons, messages and every campaign
 * considered with the first condition that failed ("why didn't I get my points?").
 */
public final class CheckoutDryRunMethod implements MerchantMethod {
    private final CheckoutUseCase checkout;
    private final LoadProgramsPort programs;
    private final WireJson json;

    public CheckoutDryRunMethod(CheckoutUseCase checkout, LoadProgramsPort programs, WireJson json) {
        this.checkout = checkout;
        this.programs = programs;
        this.json = json;
    }

    @Override
    public String name() {
        return "checkoutDryRun";
    }

    @Override
    public Outcome<ObjectNode> handle(MerchantRequest request) {
        var body = request.body();
        Input in = new Input();
        Optional<CardNumber> card = in.take(Fields.optionalCardNumber(body, "cardNumber"), Optional.empty());
        Basket basket = in.take(CheckoutJson.basket(body), null);
        List<CouponCode> coupons = in.take(CheckoutJson.coupons(body), List.of());
        if (in.failed()) {
            return in.rejected();
        }
        var command = new CheckoutUseCase.CheckoutCommand(request.context(), Requests.info(request), card, Optional.empty(), basket,
                coupons, List.of(), false, Optional.empty(), "dry-run");
        return checkout.dryRun(command).map(d -> answer(request, d));
    }

    private ObjectNode answer(MerchantRequest request, CheckoutUseCase.DryRun d) {
        Evaluation eval = d.evaluation();
        ObjectNode out = json.createObjectNode();
        List<ValueTypeKey> keys = new ArrayList<>(eval.balanceChanges().keySet());
        keys.add(d.config().currency());
        Scales scales = CheckoutJson.scales(programs, request.context().brand(), keys);
        ArrayNode mutations = out.putArray("balanceMutations");
        eval.balanceChanges().forEach((key, amount) -> {
            if (amount != 0) {
                ObjectNode n = mutations.addObject();
                BalancesJson.key(n, key);
                n.put("amount", scales.decimal(key, amount));
                n.put("isDiscount", false);
            }
        });
        int scale = d.config().currency().defaultScale();
        for (Evaluation.Discount discount : eval.discounts()) {
            ObjectNode n = mutations.addObject();
            BalancesJson.key(n, d.config().currency());
            n.put("amount", DecimalAmounts.toDecimal(-discount.amount().setScale(scale, RoundingMode.HALF_UP).movePointRight(scale)
                    .longValueExact(), scale));
            n.put("isDiscount", true);
        }
        out.put("totalDiscount", eval.totalDiscount());
        ArrayNode messages = out.putArray("responseMessages");
        CheckoutFacts.shown(eval.messages()).forEach(messages::add);
        ArrayNode use = out.putArray("couponsUsed");
        eval.couponsToUse().forEach(c -> use.add(c.value()));
        ArrayNode award = out.putArray("couponSetsAwarded");
        eval.rewardCoupons().forEach(r -> award.add(r.set().value()));
        CheckoutJson.campaigns(out, CheckoutJson.explained(eval));
        return out;
    }
}
