package io.tally.lambda.coupons;

import io.tally.domain.coupon.bulk.CouponLoadQueuePort;
import io.tally.domain.coupon.bulk.LoadChunk;
import io.tally.sqs.batch.SendBatches;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

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
        SendBatches.send(sqs, queueUrl, entries, "chunk");
    }
}
