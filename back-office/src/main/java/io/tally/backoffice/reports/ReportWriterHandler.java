package io.tally.backoffice.reports;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tally.backoffice.wiring.OfficeComponent;
import io.tally.backoffice.wiring.OfficeSettings;
import io.tally.sqs.obs.Telemetry;

/** Lambda entry point of the report writer (consumes QueueId.REPORTS, ReportBatchItemFailures on). */
public final class ReportWriterHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final ReportWriter writer;
    /** Named as FunctionId.REPORT_WRITER (TelemetryNamesTest checks the names). */
    private final Telemetry telemetry = Telemetry.forFunction("report-writer");

    public ReportWriterHandler() {
        this(OfficeComponent.create(OfficeSettings.forReportWriter(System.getenv())));
    }

    public ReportWriterHandler(OfficeComponent component) {
        this.writer = component.reportWriter();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return telemetry.sqs(event, context, writer::consume);
    }
}
