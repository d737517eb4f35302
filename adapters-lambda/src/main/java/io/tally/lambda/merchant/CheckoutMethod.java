package io.tally.lambda.merchant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.campaign.Basket;
import io.tally.domain.card.CardNumber;
import io.tally.domain.checkout.CheckoutUseCase;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.ledger.CheckoutFacts;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.shared.Fingerprint;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.lambda.http.MerchantMethod;
import io.tally.lambda.http.MerchantRequest;
import io.tally.sqs.json.WireJson;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code checkout}: a sale. The basket ({@code products}, {@code checkoutTotal}), an optional {@code cardNumber} (absent:
 * an anonymous sale), {@code coupons} presented, {@code redemptions} the card pays with, {@code isSetup} for the first
 * stage of a two-stage checkout and {@code setupTransactionId} to complete one. Answers {@code transactionId},
 * {@code balanceMutations}, {@code checkoutTotalBeforeDiscount}, {@code totalDiscount}, {@code responseMessages},
 * {@code couponsUsed}, {@code couponsAwarded}, {@code balances} when {@code returnBalances}, {@code campaigns} when
 * {@code returnCampaigns}. A customRequestId is claimed by the API (one answer, byte for byte, for every repeat).
 */
public final class CheckoutMethod implements MerchantMethod {
    private final CheckoutUseCase checkout;
    private final LoadProgramsPort programs;
    private final WireJson json;

    public CheckoutMethod(CheckoutUseCase checkout, LoadProgramsPort programs, WireJson json) {
        this.checkout = checkout;
        this.programs = programs;
        this.json = json;
    }

    @Override
    public String name() {
        return "checkout";
    }

    @Override
    public RequestIdUse requestIdUse() {
        return RequestIdUse.IDEMPOTENT;
    }

    @Override
    public Set<String> outputOnlyFields() {
        return Set.of("returnBalances", "returnBalanceMutations", "returnCampaigns");
    }

    @Override
    public Outcome<ObjectNode> handle(MerchantRequest request) {
        var body = request.body();
        Input in = new Input();
        Optional<CardNumber> card = in.take(Fields.optionalCardNumber(body, "cardNumber"), Optional.empty());
        Optional<String> pin = in.take(Fields.forcedPin(body), Optional.empty());
        Basket basket = in.take(CheckoutJson.basket(body), null);
        List<CouponCode> coupons = in.take(CheckoutJson.coupons(body), List.of());
        List<CheckoutUseCase.Redemption> redemptions = in.take(CheckoutJson.redemptions(body), List.of());
        boolean setup = in.take(Fields.bool(body, "isSetup"), false);
        Optional<TransactionId> completes = in.take(Fields.transactionId(body, "setupTransactionId", Reason.CHECKOUT_NOT_FOUND),
                Optional.empty());
        boolean returnBalances = in.take(Fields.bool(body, "returnBalances"), false);
        boolean returnCampaigns = in.take(Fields.bool(body, "returnCampaigns"), false);
        if (in.failed()) {
            return in.rejected();
        }
        if (completes.isPresent() && (setup || !coupons.isEmpty() || !redemptions.isEmpty() || !basket.lines().isEmpty())) {
            return Outcome.rejected(Reason.INVALID_REQUEST,
                    "a completing call sends setupTransactionId alone: the setup's basket, coupons and redemptions are committed.");
        }
        // of what the request asks, not of its text: key order and output-only flags do not make it another request
        String fingerprint = Fingerprint.of("checkout", card.map(CardNumber::value).orElse(""), basket.lines().toString(),
                basket.checkoutTotal().toPlainString(), coupons.toString(), redemptions.toString(), setup,
                completes.map(TransactionId::value).orElse(""));
        var command = new CheckoutUseCase.CheckoutCommand(request.context(), Requests.info(request), card, pin, basket, coupons,
                redemptions, setup, completes, fingerprint);
        return checkout.checkout(command).map(r -> answer(request, r, returnBalances, returnCampaigns));
    }

    private ObjectNode answer(MerchantRequest request, CheckoutUseCase.CheckoutResult r, boolean returnBalances,
                              boolean returnCampaigns) {
        ObjectNode out = json.createObjectNode();
        out.put("transactionId", r.transactionId().value());
        r.card().ifPresent(c -> out.put("cardNumber", c.value()));
        out.put("isSetup", r.facts().stage() == CheckoutFacts.Stage.SETUP);
        r.facts().until().ifPresent(u -> out.put("setupExpiration", WireTime.format(u)));
        Scales scales = CheckoutJson.scales(programs, request.context().brand(),
                r.facts().mutations().stream().map(CheckoutFacts.Mutation::key).distinct().toList());
        CheckoutJson.sale(out, r.facts(), scales);
        if (returnCampaigns) {
            CheckoutJson.campaigns(out, r.facts().explanations());
        }
        if (returnBalances && r.state().isPresent()) {
            var state = r.state().get();
            BalancesJson.put(out.putArray("balances"), state,
                    CheckoutJson.scales(programs, request.context().brand(), List.copyOf(state.balances().keySet())), r.at());
        }
        return out;
    }
}
