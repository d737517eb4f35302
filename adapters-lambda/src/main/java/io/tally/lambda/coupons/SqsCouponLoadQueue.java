package io.tally.lambda.coupons;

import io.tally.domain.coupon.bulk.CouponLoadQueuePort;
import io.tally.domain.coupon.bulk.LoadChunk;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Queues coupon load chunks on the coupon-load queue (QueueId.COUPON_LOADS) with SendMessageBatch: ten per request
 * and at most 256 KB per request, the SQS limits. Entries SQS refuses are sent again once, then the send fails.
 */
public final class SqsCouponLoadQueue implements CouponLoadQueuePort {
    private static final int SQS_BATCH = 10;
    private static final int SQS_BATCH_BYTES = 250_000;
    private final SqsClient sqs;
    private final String queueUrl;
    private final LoadChunkJson json;

    public SqsCouponLoadQueue(SqsClient sqs, String queueUrl, LoadChunkJson json) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.json = json;
    }

    @Override
    public void send(List<LoadChunk> chunks) {
        List<SendMessageBatchRequestEntry> batch = new ArrayList<>(SQS_BATCH);
        int bytes = 0;
        for (LoadChunk chunk : chunks) {
            String body = json.write(chunk);
            if (batch.size() == SQS_BATCH || bytes + body.length() > SQS_BATCH_BYTES) {
                sendBatch(batch);
                batch = new ArrayList<>(SQS_BATCH);
                bytes = 0;
            }
            batch.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(chunk.chunk())).messageBody(body).build());
            bytes += body.length();
        }
        if (!batch.isEmpty()) {
            sendBatch(batch);
        }
    }

    private void sendBatch(List<SendMessageBatchRequestEntry> entries) {
        List<SendMessageBatchRequestEntry> pending = entries;
        for (int attempt = 0; attempt < 2 && !pending.isEmpty(); attempt++) {
            SendMessageBatchResponse response = sqs.sendMessageBatch(SendMessageBatchRequest.builder()
                    .queueUrl(queueUrl).entries(pending).build());
            List<String> failed = response.hasFailed() ? response.failed().stream().map(BatchResultErrorEntry::id).toList()
                    : List.of();
            if (!failed.isEmpty() && attempt == 1) {
                BatchResultErrorEntry first = response.failed().get(0);
                throw new IllegalStateException("SQS refused " + failed.size() + " chunk(s): " + first.code() + " "
                        + first.message());
            }
            pending = pending.stream().filter(e -> failed.contains(e.id())).toList();
        }
    }
}
