package io.tally.portal.email;

import io.tally.sqs.obs.Telemetry;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tally.portal.wiring.PortalComponent;
import io.tally.portal.wiring.PortalSettings;

/** Lambda entry point of the e-mail sender (consumes QueueId.EMAILS). */
public final class EmailSenderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final EmailConsumer consumer;
    /** Named as FunctionId.EMAIL_SENDER (TopologyTest checks the names). */
    private final Telemetry telemetry = Telemetry.forFunction("email-sender");

    public EmailSenderHandler() {
        this(PortalComponent.create(PortalSettings.fromEnvironment(System.getenv())));
    }

    public EmailSenderHandler(PortalComponent component) {
        this.consumer = component.emailConsumer();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return telemetry.sqs(event, context, consumer::handle);
    }
}
