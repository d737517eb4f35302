package io.tally.backoffice.reports;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tally.domain.report.export.ExportShard;
import io.tally.domain.report.export.ExportShardUseCase;
import io.tally.sqs.batch.BatchItems;
import io.tally.sqs.report.ExportShardJson;
import java.io.PrintStream;

/**
 * Writes a batch from the reports queue shard by shard and reports the failures, so SQS redelivers (and finally
 * dead-letters) only those. A shard whose message is on its last delivery and fails marks its report FAILED, so the
 * Report Center says so instead of showing it running for ever. A shard of an unknown report is logged and dropped.
 */
public final class ReportWriter {
    private final ExportShardUseCase shards;
    private final ExportShardJson json;
    private final int maxReceiveCount;
    private final PrintStream log;

    public ReportWriter(ExportShardUseCase shards, ExportShardJson json, int maxReceiveCount, PrintStream log) {
        this.shards = shards;
        this.json = json;
        this.maxReceiveCount = maxReceiveCount;
        this.log = log;
    }

    public SQSBatchResponse consume(SQSEvent batch) {
        return BatchItems.handle(batch, log, record -> {
            ExportShard shard = json.read(record.getBody());
            try {
                if (shards.run(shard) == ExportShardUseCase.Result.NO_SUCH_REPORT) {
                    log.println("{\"level\":\"WARN\",\"messageId\":\"" + record.getMessageId() + "\",\"report\":\""
                            + shard.report() + "\",\"error\":\"no such report: shard dropped\"}");
                }
            } catch (RuntimeException e) {
                if (lastDelivery(record)) {
                    shards.fail(shard, "part " + shard.shard() + " could not be written");
                }
                throw e;
            }
        });
    }

    private boolean lastDelivery(SQSEvent.SQSMessage record) {
        String count = record.getAttributes() == null ? null : record.getAttributes().get("ApproximateReceiveCount");
        try {
            return count != null && Integer.parseInt(count) >= maxReceiveCount;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
