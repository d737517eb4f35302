package io.tally.lambda.coupons;

import io.tally.domain.coupon.bulk.CouponLoadQueuePort;
import io.tally.domain.coupon.bulk.LoadChunk;
import io.tally.sqs.batch.SendBatches;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Queues coupon load chunks on the coupon-load queue (QueueId.COUPON_LOADS) with SendMessageBatch, within SQS's limits
 * on a request ({@link SendBatches}: ten entries, 250,000 bytes). A CSV chunk of valid lines of printable characters
 * is at most 212,625 bytes ({@code SqsCouponLoadQueueTest}), so it goes alone. Blanks around a line's values and byte
 * order marks are kept in the chunk, so a file padded with characters JSON or UTF-8 writes longer can make a chunk over
 * the limit: it is not sent, and the send fails after the others, naming it (the job fails). Entries SQS refuses are
 * sent again once, then the send fails.
 */
public final class SqsCouponLoadQueue implements CouponLoadQueuePort {
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
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(chunks.size());
        for (LoadChunk chunk : chunks) {
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(chunk.chunk()))
                    .messageBody(json.write(chunk)).build());
        }
        SendBatches.sendAll(sqs, queueUrl, entries, "chunk");
    }
}
