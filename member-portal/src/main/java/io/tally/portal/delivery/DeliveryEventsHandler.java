package io.tally.portal.delivery;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tally.portal.wiring.PortalComponent;
import io.tally.portal.wiring.PortalSettings;
import io.tally.sqs.obs.Telemetry;

/** Lambda entry point of the delivery-events consumer (consumes QueueId.DELIVERY_EVENTS: SES events through SNS). */
public final class DeliveryEventsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final DeliveryEventsConsumer consumer;
    /** Named as FunctionId.DELIVERY_EVENTS (TopologyTest checks the names). */
    private final Telemetry telemetry = Telemetry.forFunction("delivery-events");

    public DeliveryEventsHandler() {
        this(PortalComponent.create(PortalSettings.fromEnvironment(System.getenv())));
    }

    public DeliveryEventsHandler(PortalComponent component) {
        this.consumer = component.deliveryEventsConsumer();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return telemetry.sqs(event, context, consumer::handle);
    }
}
