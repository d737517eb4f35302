package io.tally.lambda.merchant;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.program.ListValueTypesUseCase;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeLimits;
import io.tally.domain.shared.DecimalAmounts;
import io.tally.domain.shared.Outcome;
import io.tally.lambda.http.MerchantMethod;
import io.tally.lambda.http.MerchantRequest;
import io.tally.sqs.json.WireJson;

/**
 * {@code listValueType}: the value types of the caller's brand, with their programs and limits.
 * Limits are decimal amounts in the value type's unit, {@code null} when there is none.
 */
public final class ListValueTypeMethod implements MerchantMethod {
    private final ListValueTypesUseCase useCase;
    private final WireJson json;

    public ListValueTypeMethod(ListValueTypesUseCase useCase, WireJson json) {
        this.useCase = useCase;
        this.json = json;
    }

    @Override
    public String name() {
        return "listValueType";
    }

    @Override
    public Outcome<ObjectNode> handle(MerchantRequest request) {
        ObjectNode out = json.createObjectNode();
        ArrayNode list = out.putArray("valueTypes");
        for (ListValueTypesUseCase.Listed l : useCase.list(request.context().brand())) {
            ValueType v = l.valueType();
            ObjectNode n = list.addObject();
            n.put("programId", l.program().id().value());
            n.put("programName", l.program().name());
            n.put("programType", l.program().kind().name().toLowerCase(java.util.Locale.ROOT));
            n.put("balanceType", v.key().type().wireName());
            if (v.key().code() != null) {
                n.put("balanceCode", v.key().code());
            } else {
                n.putNull("balanceCode");
            }
            n.put("decimalPlaces", v.scale());
            ValueTypeLimits limits = v.limits();
            limit(n, "maxBalance", limits.maxBalance(), v.scale());
            limit(n, "minIssuance", limits.minIssue(), v.scale());
            limit(n, "maxIssuance", limits.maxIssue(), v.scale());
            limit(n, "minRedemption", limits.minRedeem(), v.scale());
            limit(n, "maxRedemption", limits.maxRedeem(), v.scale());
        }
        return Outcome.accepted(out);
    }

    private static void limit(ObjectNode n, String field, long minor, int scale) {
        if (minor == 0) {
            n.putNull(field);
        } else {
            n.put(field, DecimalAmounts.toDecimal(minor, scale));
        }
    }
}
