package io.tally.local.http;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tally.lambda.topology.FunctionId;

/** The HTTP handler behind each function; looked up per request, so it may be built lazily. */
@FunctionalInterface
public interface HttpHandlers {
    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handlerFor(FunctionId function);
}
