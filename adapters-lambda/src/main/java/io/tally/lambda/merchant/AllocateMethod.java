package io.tally.lambda.merchant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.card.AllocateCardUseCase;
import io.tally.domain.card.CardNumber;
import io.tally.domain.program.CardSetId;
import io.tally.domain.shared.Identifiers;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.lambda.http.IdempotentCall;
import io.tally.lambda.http.MerchantMethod;
import io.tally.lambda.http.MerchantRequest;
import io.tally.sqs.json.WireJson;
import java.util.Optional;

/**
 * {@code allocate}: hands out a card of a card set ({@code cardSetId}) or a specific pool card ({@code cardNumber},
 * a physical card swiped at the till). Answers {@code cardNumber}, {@code pin} and {@code cardSetId}. The PIN is
 * shown only here; a repeat with the same customRequestId answers the same body instead of a new PIN, and a retry of
 * an attempt that died mid-way finishes that attempt's allocation (its card and PIN, recorded sealed beforehand).
 */
public final class AllocateMethod implements MerchantMethod {
    private final AllocateCardUseCase allocate;
    private final WireJson json;

    public AllocateMethod(AllocateCardUseCase allocate, WireJson json) {
        this.allocate = allocate;
        this.json = json;
    }

    @Override
    public String name() {
        return "allocate";
    }

    @Override
    public RequestIdUse requestIdUse() {
        return RequestIdUse.IDEMPOTENT;
    }

    /** The answer holds the PIN: a stored replay of it rests sealed. */
    @Override
    public boolean answerHoldsSecret() {
        return true;
    }

    @Override
    public Outcome<ObjectNode> handle(MerchantRequest request) {
        Input in = new Input();
        Optional<String> setId = in.take(Fields.text(request.body(), "cardSetId", 64), Optional.empty());
        Optional<CardNumber> number = in.take(Fields.optionalCardNumber(request.body(), "cardNumber"), Optional.empty());
        if (in.failed()) {
            return in.rejected();
        }
        if (setId.isPresent() == number.isPresent()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "Give either cardSetId or cardNumber.");
        }
        if (setId.isPresent() && !Identifiers.isValid(setId.get())) {
            return Outcome.rejected(Reason.UNKNOWN_CARD_SET, "Unknown card set.");
        }
        var command = new AllocateCardUseCase.AllocateCardCommand(request.context().brand(),
                setId.map(CardSetId::new), number, request.idempotency().map(IdempotentCall::checkpoint), Optional.empty(),
                Optional.of(request.context().location()));
        return allocate.allocate(command).map(a -> {
            ObjectNode out = json.createObjectNode();
            out.put("cardNumber", a.card().number().value());
            out.put("pin", a.pin());
            out.put("cardSetId", a.card().cardSet().value());
            return out;
        });
    }
}
