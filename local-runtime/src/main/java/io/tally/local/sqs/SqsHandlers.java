package io.tally.local.sqs;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tally.lambda.topology.FunctionId;

/** The SQS handler behind each consumer function; looked up per batch, so it may be built lazily. */
@FunctionalInterface
public interface SqsHandlers {
    RequestHandler<SQSEvent, SQSBatchResponse> handlerFor(FunctionId function);
}
