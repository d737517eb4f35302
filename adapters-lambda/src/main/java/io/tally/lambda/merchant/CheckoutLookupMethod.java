package io.tally.lambda.merchant;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.checkout.CheckoutUseCase;
import io.tally.domain.ledger.CheckoutFacts;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.lambda.http.MerchantMethod;
import io.tally.lambda.http.MerchantRequest;
import io.tally.sqs.json.WireJson;
import java.util.Optional;

/**
 * {@code checkoutLookup}: the recorded checkout named by {@code checkoutTransactionId}: {@code skus} (the basket),
 * {@code balanceMutations}, {@code locationId}, the card, time, totals, messages, coupons, and every campaign considered
 * with the first condition that failed.
 */
public final class CheckoutLookupMethod implements MerchantMethod {
    private final CheckoutUseCase checkout;
    private final LoadProgramsPort programs;
    private final WireJson json;

    public CheckoutLookupMethod(CheckoutUseCase checkout, LoadProgramsPort programs, WireJson json) {
        this.checkout = checkout;
        this.programs = programs;
        this.json = json;
    }

    @Override
    public String name() {
        return "checkoutLookup";
    }

    @Override
    public Outcome<ObjectNode> handle(MerchantRequest request) {
        Input in = new Input();
        Optional<TransactionId> id = in.take(Fields.transactionId(request.body(), "checkoutTransactionId", Reason.CHECKOUT_NOT_FOUND),
                Optional.empty());
        if (in.failed()) {
            return in.rejected();
        }
        if (id.isEmpty()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "checkoutTransactionId is required.");
        }
        return checkout.lookup(request.context(), id.get()).map(r -> answer(request, r));
    }

    private ObjectNode answer(MerchantRequest request, CheckoutUseCase.CheckoutResult r) {
        ObjectNode out = json.createObjectNode();
        out.put("checkoutTransactionId", r.transactionId().value());
        r.card().ifPresent(c -> out.put("cardNumber", c.value()));
        out.put("transactionTime", WireTime.format(r.at()));
        if (r.location().isPresent()) {
            out.put("locationId", r.location().get());
        } else {
            out.putNull("locationId");
        }
        out.put("isSetup", r.facts().stage() == CheckoutFacts.Stage.SETUP);
        r.setup().ifPresent(s -> out.put("setupTransactionId", s.transactionId().value()));
        ArrayNode skus = out.putArray("skus");
        for (CheckoutFacts.Line line : r.facts().lines()) {
            ObjectNode n = skus.addObject();
            n.put("sku", line.sku());
            n.put("amountPurchased", line.quantity());
            n.put("unitPrice", line.unitPrice());
        }
        Scales scales = CheckoutJson.scales(programs, request.context().brand(),
                r.facts().mutations().stream().map(CheckoutFacts.Mutation::key).distinct().toList());
        CheckoutJson.sale(out, r.facts(), scales);
        CheckoutJson.campaigns(out, r.facts().explanations());
        return out;
    }
}
