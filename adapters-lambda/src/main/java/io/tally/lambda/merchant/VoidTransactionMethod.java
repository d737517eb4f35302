package io.tally.lambda.merchant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.card.CardNumber;
import io.tally.domain.checkout.CheckoutUseCase;
import io.tally.domain.ledger.BalanceResult;
import io.tally.domain.ledger.Reference;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.ledger.VoidUseCase;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.domain.shared.Rejection;
import io.tally.lambda.http.MerchantMethod;
import io.tally.lambda.http.MerchantRequest;
import io.tally.sqs.json.WireJson;
import java.util.Optional;
import java.util.Set;

/**
 * {@code voidTransaction}: the immediate reversal of an issuance or a redemption, exactly once, by its
 * {@code transactionId} (optionally with the {@code cardNumber} it must belong to). Answers the VOID entry's
 * {@code transactionId}, {@code voidedTransactionId}, {@code cardNumber} and {@code balances} when asked.
 */
public final class VoidTransactionMethod implements MerchantMethod {
    private final java.util.function.Function<VoidUseCase.VoidCommand, Outcome<BalanceResult>> voids;
    private final Optional<CheckoutUseCase> checkout;
    private final ValueTypes valueTypes;
    private final WireJson json;

    public VoidTransactionMethod(VoidUseCase voids, LoadProgramsPort programs, WireJson json) {
        this.voids = voids::voidTransaction;
        this.checkout = Optional.empty();
        this.valueTypes = new ValueTypes(programs);
        this.json = json;
    }

    /** Voids through checkout: a checkout's coupons come back, and anonymous checkouts can be voided too. */
    public VoidTransactionMethod(CheckoutUseCase checkout, LoadProgramsPort programs, WireJson json) {
        this.voids = checkout::voidCardTransaction;
        this.checkout = Optional.of(checkout);
        this.valueTypes = new ValueTypes(programs);
        this.json = json;
    }

    @Override
    public String name() {
        return "voidTransaction";
    }

    @Override
    public RequestIdUse requestIdUse() {
        return RequestIdUse.LEDGER;
    }

    @Override
    public Set<String> outputOnlyFields() {
        return Set.of("returnBalances");
    }

    @Override
    public Outcome<ObjectNode> handle(MerchantRequest request) {
        var body = request.body();
        Input in = new Input();
        Optional<TransactionId> id = in.take(Fields.transactionId(body, "transactionId", Reason.TRANSACTION_NOT_FOUND),
                Optional.empty());
        Optional<CardNumber> card = in.take(cardFilter(body), Optional.empty());
        boolean returnBalances = in.take(Fields.bool(body, "returnBalances"), false);
        if (in.failed()) {
            return in.rejected();
        }
        if (id.isEmpty()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "transactionId is required.");
        }
        if (checkout.isPresent() && id.get().value().length() == CheckoutUseCase.ANONYMOUS_ID_LENGTH) {
            return checkout.get().voidAnonymous(request.context(), id.get()).map(r -> {
                ObjectNode out = json.createObjectNode();
                out.put("transactionId", r.transactionId().value());
                out.put("voidedTransactionId", r.transactionId().value());
                return out;
            });
        }
        return voids.apply(new VoidUseCase.VoidCommand(request.context(), Requests.info(request), card, id.get()))
                .map(result -> answer(request, result, returnBalances));
    }

    /**
     * The card the transaction must be on. It only narrows the search, so a malformed number finds no transaction (23),
     * as an unknown card does and as a malformed transaction id does: not 9, which this method does not answer.
     */
    private static Outcome<Optional<CardNumber>> cardFilter(JsonNode body) {
        Outcome<Optional<CardNumber>> card = Fields.optionalCardNumber(body, "cardNumber");
        if (card instanceof Outcome.Rejected<Optional<CardNumber>> r && r.rejection().reason() == Reason.CARD_NOT_FOUND) {
            return Outcome.rejected(Rejection.of(Reason.TRANSACTION_NOT_FOUND));
        }
        return card;
    }

    private ObjectNode answer(MerchantRequest request, BalanceResult result, boolean returnBalances) {
        ObjectNode out = Replayed.envelopeFields(json, result);
        out.put("transactionId", result.transactionId().value());
        out.put("voidedTransactionId", result.entry().posting().related().map(Reference::transactionId)
                .map(TransactionId::value).orElseThrow());
        out.put("cardNumber", result.card().value());
        if (returnBalances) {
            var state = result.state();
            BalancesJson.put(out.putArray("balances"), state,
                    valueTypes.forKeys(request.context().brand(), state.balances().keySet()), result.at());
        }
        return out;
    }
}
