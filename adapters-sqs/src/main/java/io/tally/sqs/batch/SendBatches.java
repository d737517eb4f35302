package io.tally.sqs.batch;

import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** One SendMessageBatch (at most ten entries): the entries SQS refuses are sent again once, then the send fails. */
public final class SendBatches {
    private SendBatches() {
    }

    /** Sends {@code entries}; {@code what} names them in the failure ("chunk", "report shard"). */
    public static void send(SqsClient sqs, String queueUrl, List<SendMessageBatchRequestEntry> entries, String what) {
        List<SendMessageBatchRequestEntry> pending = entries;
        for (int attempt = 0; attempt < 2 && !pending.isEmpty(); attempt++) {
            SendMessageBatchResponse response = sqs.sendMessageBatch(SendMessageBatchRequest.builder()
                    .queueUrl(queueUrl).entries(pending).build());
            List<String> failed = response.hasFailed() ? response.failed().stream().map(BatchResultErrorEntry::id).toList()
                    : List.of();
            if (!failed.isEmpty() && attempt == 1) {
                BatchResultErrorEntry first = response.failed().get(0);
                throw new IllegalStateException("SQS refused " + failed.size() + " " + what + "(s): " + first.code() + " "
                        + first.message());
            }
            pending = pending.stream().filter(e -> failed.contains(e.id())).toList();
        }
    }
}
