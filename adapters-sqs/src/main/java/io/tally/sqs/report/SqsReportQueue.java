package io.tally.sqs.report;

import io.tally.domain.report.export.ExportShard;
import io.tally.domain.report.export.ReportQueuePort;
import io.tally.sqs.batch.SendBatches;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Queues report shards on the reports queue (QueueId.REPORTS) with SendMessageBatch, ten per request (a report has at
 * most 64 shards: at most 7 requests). Entries SQS refuses are sent again once, then the send fails.
 */
public final class SqsReportQueue implements ReportQueuePort {
    private static final int SQS_BATCH = 10;
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
        for (int from = 0; from < shards.size(); from += SQS_BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (ExportShard s : shards.subList(from, Math.min(shards.size(), from + SQS_BATCH))) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(s.shard()))
                        .messageBody(json.write(s)).build());
            }
            SendBatches.send(sqs, queueUrl, entries, "report shard");
        }
    }
}
