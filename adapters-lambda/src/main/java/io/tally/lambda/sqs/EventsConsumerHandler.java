package io.tally.lambda.sqs;

import io.tally.sqs.obs.Telemetry;
import io.tally.lambda.topology.FunctionId;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.crac.Core;
import org.crac.Resource;
import io.tally.lambda.wiring.Settings;
import io.tally.lambda.wiring.TallyComponent;
import io.tally.portal.wiring.PortalSettings;

/** Lambda entry point of the events-queue consumer (event source mapping with ReportBatchItemFailures). */
public final class EventsConsumerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final EventsConsumer consumer;
    private final Telemetry telemetry = Telemetry.forFunction(FunctionId.EVENTS_CONSUMER.logicalName());
    /** Held here: org.crac keeps registered resources only weakly. */
    private final Resource priming;

    public EventsConsumerHandler() {
        this(TallyComponent.create(Settings.fromEnvironment(System.getenv()), PortalSettings.fromEnvironment(System.getenv())));
    }

    public EventsConsumerHandler(TallyComponent component) {
        this.consumer = component.eventsConsumer();
        this.priming = component.priming().backgroundFunctionHook();
        Core.getGlobalContext().register(priming);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return telemetry.sqs(event, context, consumer::consume);
    }
}
