package io.tally.sqs.report;

import io.tally.domain.report.export.ExportShard;
import io.tally.domain.report.export.ReportQueuePort;
import io.tally.sqs.batch.SendBatches;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Queues report shards on the reports queue (QueueId.REPORTS) with SendMessageBatch ({@link SendBatches}): a shard's
 * message is under 200 bytes, so ten go in a request (a report has at most 64 shards: at most 7 requests). Entries SQS
 * refuses are sent again once, then the send fails.
 */
public final class SqsReportQueue implements ReportQueuePort {
    private final SqsClient sqs;
    private final String queueUrl;
    private final ExportShardJson json;

    public SqsReportQueue(SqsClient sqs, String queueUrl, ExportShardJson json) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.json = json;
    }

    @Override
    public void send(List<ExportShard> shards) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(shards.size());
        for (ExportShard s : shards) {
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(s.shard())).messageBody(json.write(s))
                    .build());
        }
        SendBatches.sendAll(sqs, queueUrl, entries, "report shard");
    }
}
