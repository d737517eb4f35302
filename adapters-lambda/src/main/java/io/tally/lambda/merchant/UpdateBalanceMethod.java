package io.tally.lambda.merchant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.card.CardNumber;
import io.tally.domain.ledger.BalanceResult;
import io.tally.domain.ledger.CardQueriesUseCase;
import io.tally.domain.ledger.HoldUseCase;
import io.tally.domain.ledger.IssueUseCase;
import io.tally.domain.ledger.RedeemFromHoldUseCase;
import io.tally.domain.ledger.RedeemUseCase;
import io.tally.domain.ledger.ReleaseHoldUseCase;
import io.tally.domain.ledger.RequestInfo;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.domain.tenant.MerchantContext;
import io.tally.lambda.http.MerchantMethod;
import io.tally.lambda.http.MerchantRequest;
import io.tally.sqs.json.WireJson;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * {@code updateBalance}: issue, redeem or hold an amount of one value type; redeem from a hold
 * ({@code redeemFromHoldTransactionId}) and release it ({@code amount} 0 with {@code releaseHoldRemainder}).
 * Answers {@code transactionId}, {@code cardNumber}, {@code didOverdraw}, {@code amountDue} when overdrawn and
 * {@code balances} when {@code returnBalances}.
 */
public final class UpdateBalanceMethod implements MerchantMethod {
    private final IssueUseCase issue;
    private final RedeemUseCase redeem;
    private final HoldUseCase hold;
    private final RedeemFromHoldUseCase redeemFromHold;
    private final ReleaseHoldUseCase release;
    private final CardQueriesUseCase queries;
    private final ValueTypes valueTypes;
    private final WireJson json;

    public UpdateBalanceMethod(IssueUseCase issue, RedeemUseCase redeem, HoldUseCase hold,
                               RedeemFromHoldUseCase redeemFromHold, ReleaseHoldUseCase release,
                               CardQueriesUseCase queries, LoadProgramsPort programs, WireJson json) {
        this.issue = issue;
        this.redeem = redeem;
        this.hold = hold;
        this.redeemFromHold = redeemFromHold;
        this.release = release;
        this.queries = queries;
        this.valueTypes = new ValueTypes(programs);
        this.json = json;
    }

    @Override
    public String name() {
        return "updateBalance";
    }

    @Override
    public RequestIdUse requestIdUse() {
        return RequestIdUse.LEDGER;
    }

    @Override
    public Set<String> outputOnlyFields() {
        return Set.of("returnBalances");
    }

    private enum Action {
        ISSUE, REDEEM, HOLD
    }

    /** The request, parsed; {@code amount} in minor units of the resolved value type. */
    private record Change(MerchantContext context, RequestInfo info, CardNumber card, Action action,
                          ValueTypeKey key, long amount, Optional<TransactionId> fromHold, boolean releaseRemainder,
                          boolean maxOnOverdraw, boolean returnRelated, Optional<Instant> expiresAt,
                          Optional<String> pin) {
    }

    @Override
    public Outcome<ObjectNode> handle(MerchantRequest request) {
        var body = request.body();
        Input in = new Input();
        CardNumber card = in.take(Fields.cardNumber(body, "cardNumber"), null);
        Action action = in.take(action(body), null);
        Optional<TransactionId> fromHold = in.take(
                Fields.transactionId(body, "redeemFromHoldTransactionId", Reason.HOLD_NOT_FOUND), Optional.empty());
        boolean releaseRemainder = in.take(Fields.bool(body, "releaseHoldRemainder"), false);
        boolean maxOnOverdraw = in.take(Fields.bool(body, "redeemMaxOnOverdraw"), false);
        boolean returnRelated = in.take(Fields.bool(body, "isReturnRelated"), false);
        Optional<Instant> expiresAt = in.take(WireTime.instant(body, "issuedBalanceExpiration"), Optional.empty());
        boolean returnBalances = in.take(Fields.bool(body, "returnBalances"), false);
        Optional<String> pin = in.take(Fields.forcedPin(body), Optional.empty());
        var amount = in.take(Fields.object(body, "amount"), Optional.empty());
        if (in.failed()) {
            return in.rejected();
        }
        if (amount.isEmpty()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "amount is required: {balanceType, balanceCode, amount}.");
        }
        if (fromHold.isPresent() && action != Action.REDEEM) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "redeemFromHoldTransactionId goes with action redeem.");
        }
        MerchantContext context = request.context();
        return ValueTypes.key(amount.get(), "amount")
                .flatMap(key -> valueTypes.resolve(context.brand(), key, () -> queries.lookup(context.brand(), card,
                        Optional.empty()).map(v -> v.card().program())))
                .flatMap(resolved -> Fields.amount(amount.get(), "amount.amount", resolved.valueType().scale())
                        .flatMap(minor -> apply(new Change(context, Requests.info(request), card, action,
                                resolved.valueType().key(), minor, fromHold, releaseRemainder, maxOnOverdraw, returnRelated,
                                expiresAt, pin)))
                        .map(result -> answer(result, resolved.scales(), resolved.valueType().key(), returnBalances)));
    }

    private Outcome<BalanceResult> apply(Change c) {
        if (c.fromHold().isPresent()) {
            if (c.amount() == 0 && c.releaseRemainder()) {
                return release.release(new ReleaseHoldUseCase.ReleaseHoldCommand(c.context(), c.info(), c.card(), c.key(),
                        c.fromHold().get(), c.pin()));
            }
            return redeemFromHold.redeem(new RedeemFromHoldUseCase.RedeemFromHoldCommand(c.context(), c.info(), c.card(),
                    c.key(), c.fromHold().get(), c.amount(), c.releaseRemainder(), c.maxOnOverdraw(), c.pin()));
        }
        return switch (c.action()) {
            case ISSUE -> issue.issue(new IssueUseCase.IssueCommand(c.context(), c.info(), c.card(), c.key(), c.amount(),
                    c.expiresAt(), c.returnRelated(), c.pin()));
            case REDEEM -> redeem.redeem(new RedeemUseCase.RedeemCommand(c.context(), c.info(), c.card(), c.key(), c.amount(),
                    c.maxOnOverdraw(), c.pin()));
            case HOLD -> hold.hold(new HoldUseCase.HoldCommand(c.context(), c.info(), c.card(), c.key(), c.amount(),
                    c.expiresAt(), c.maxOnOverdraw(), c.pin()));
        };
    }

    private ObjectNode answer(BalanceResult result, Scales scales, ValueTypeKey key, boolean returnBalances) {
        ObjectNode out = Replayed.envelopeFields(json, result);
        out.put("transactionId", result.transactionId().value());
        out.put("cardNumber", result.card().value());
        out.put("didOverdraw", result.didOverdraw());
        if (result.didOverdraw()) {
            out.put("amountDue", scales.decimal(key, result.amountDue()));
        }
        if (returnBalances) {
            BalancesJson.put(out.putArray("balances"), result.state(), scales, result.at());
        }
        return out;
    }

    private static Outcome<Action> action(com.fasterxml.jackson.databind.JsonNode body) {
        return Fields.text(body, "action", 16).flatMap(text -> {
            Optional<Action> a = text.flatMap(t -> switch (Fields.lower(t)) {
                case "issue" -> Optional.of(Action.ISSUE);
                case "redeem" -> Optional.of(Action.REDEEM);
                case "hold" -> Optional.of(Action.HOLD);
                default -> Optional.empty();
            });
            return a.<Outcome<Action>>map(Outcome::accepted)
                    .orElseGet(() -> Outcome.rejected(Reason.INVALID_REQUEST, "action must be issue, redeem or hold."));
        });
    }
}
