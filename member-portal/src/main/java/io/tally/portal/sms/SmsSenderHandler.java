package io.tally.portal.sms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tally.portal.wiring.SmsComponent;
import io.tally.sqs.obs.Telemetry;

/** Lambda entry point of the SMS sender (consumes QueueId.SMS). */
public final class SmsSenderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final SmsConsumer consumer;
    /** Named as FunctionId.SMS_SENDER (TopologyTest checks the names). */
    private final Telemetry telemetry = Telemetry.forFunction("sms-sender");

    public SmsSenderHandler() {
        this(SmsComponent.create(SmsSettings.fromEnvironment(System.getenv())));
    }

    public SmsSenderHandler(SmsComponent component) {
        this.consumer = component.consumer();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return telemetry.sqs(event, context, consumer::handle);
    }
}
