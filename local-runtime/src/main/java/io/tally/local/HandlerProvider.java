package io.tally.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tally.lambda.topology.FunctionId;

/**
 * The in-process handler of each function, as the main class wires them. Called per request or
 * batch: cache the handlers (Lambda builds one per container; here one per process is right).
 * Handlers are called from several threads at once and must be thread-safe.
 */
public interface HandlerProvider {
    /** For functions behind {@code Routes.ALL}. */
    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> httpHandler(FunctionId function);

    /** For functions that are some {@code QueueId.consumer()}. */
    RequestHandler<SQSEvent, SQSBatchResponse> sqsHandler(FunctionId function);

    /** Local-only pages by path (e.g. {@code /local/mail}); none by default. */
    default java.util.Map<String, com.sun.net.httpserver.HttpHandler> localPages() {
        return java.util.Map.of();
    }
}
