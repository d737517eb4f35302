package io.tally.lambda.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.shared.Outcome;

/**
 * One method of the merchant API ({@code POST /merchant/{name}}): turns the request into a command,
 * runs the use case and returns the fields of the success envelope, or the rejection.
 * Implementations are thin: no business rules here.
 */
public interface MerchantMethod {
    String name();

    Outcome<ObjectNode> handle(MerchantRequest request);
}
