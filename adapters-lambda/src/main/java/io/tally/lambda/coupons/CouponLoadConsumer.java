package io.tally.lambda.coupons;

import io.tally.sqs.obs.Invocation;
import io.tally.sqs.obs.Level;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tally.domain.coupon.bulk.LoadChunk;
import io.tally.domain.coupon.bulk.LoadCouponChunkUseCase;
import io.tally.sqs.batch.BatchItems;
import java.io.PrintStream;

/**
 * Loads a batch from the coupon-load queue chunk by chunk and reports the failures, so SQS redelivers (and finally
 * dead-letters) only those. A chunk of an unknown job is logged and dropped: redelivering it could never help.
 */
public final class CouponLoadConsumer {
    private final LoadCouponChunkUseCase load;
    private final LoadChunkJson json;
    private final PrintStream log;

    public CouponLoadConsumer(LoadCouponChunkUseCase load, LoadChunkJson json, PrintStream log) {
        this.load = load;
        this.json = json;
        this.log = log;
    }

    public SQSBatchResponse consume(SQSEvent batch) {
        return BatchItems.handle(batch, log, record -> {
            LoadChunk chunk = json.read(record.getBody());
            if (load.load(chunk) == LoadCouponChunkUseCase.Result.NO_SUCH_JOB) {
                Invocation.itemLine(log, Level.WARN, "no such coupon load job: chunk dropped", record.getMessageId())
                        .field("job", String.valueOf(chunk.job())).write();
            }
        });
    }
}
