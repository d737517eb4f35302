package io.tally.backoffice.sends;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tally.backoffice.wiring.OfficeComponent;
import io.tally.backoffice.wiring.OfficeSettings;
import io.tally.sqs.obs.Telemetry;

/** Lambda entry point of the mailer (consumes QueueId.MAILINGS, ReportBatchItemFailures on): scheduled sends' pages. */
public final class MailerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final Mailer mailer;
    /** Named as FunctionId.MAILER (TelemetryNamesTest checks the names). */
    private final Telemetry telemetry = Telemetry.forFunction("mailer");

    public MailerHandler() {
        this(OfficeComponent.create(OfficeSettings.forMailer(System.getenv())));
    }

    public MailerHandler(OfficeComponent component) {
        this.mailer = component.mailer();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return telemetry.sqs(event, context, mailer::consume);
    }
}
