package io.tally.bench;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.coupon.CouponSet;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.coupon.bulk.CouponLoadPort;
import io.tally.domain.coupon.bulk.GeneratedCodes;
import io.tally.domain.coupon.bulk.LoadChunk;
import io.tally.domain.coupon.bulk.LoadCouponChunkUseCase;
import io.tally.domain.coupon.bulk.LoadJob;
import io.tally.domain.coupon.bulk.StartCouponLoadUseCase;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.lambda.coupons.CouponLoadConsumer;
import io.tally.lambda.coupons.LoadChunkJson;
import io.tally.sqs.json.Json;
import io.tally.lambda.topology.QueueId;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Figure 8. A coupon bulk load of {@code n} generated codes on dynalite: the job is stored and its chunks (1,000 codes
 * each) queued in their wire form; {@value #CONSUMERS} consumers, as {@value #CONSUMERS} concurrent Lambda invocations
 * of the coupon loader would, each take a batch of {@code QueueId.COUPON_LOADS.batchSize()} chunks and hand it to the
 * real {@link CouponLoadConsumer} (one conditional put per coupon, then one conditional UpdateItem of the job per
 * chunk). Measured from the start of the load until the job reads DONE. SQS itself is left out (ElasticMQ would
 * measure ElasticMQ); what is measured is the loader against the table.
 */
final class CouponLoadFigure {
    static final int CONSUMERS = 8;
    private static final BrandId BRAND = new BrandId(BenchWorld.BRAND);
    private static final CouponSetId SET = new CouponSetId("BENCH-COUPONS");

    private final BenchWorld world;
    private final Options options;

    CouponLoadFigure(BenchWorld world, Options options) {
        this.world = world;
        this.options = options;
    }

    void run(Report report) throws Exception {
        int n = options.couponCodes();
        DynamoStorage storage = world.storage();
        CouponLoadPort jobs = storage.couponLoads();
        LoadChunkJson json = new LoadChunkJson(Json.mapper());
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
        StartCouponLoadUseCase start = new StartCouponLoadUseCase(jobs, chunks -> chunks.forEach(c -> queue.add(json.write(c))),
                (brand, set) -> Optional.of(new CouponSet(brand, set, "Bench", Optional.empty(), Optional.empty())),
                new SeededRandom(8), Clock.systemUTC());
        CouponLoadConsumer consumer = new CouponLoadConsumer(new LoadCouponChunkUseCase(jobs, storage.coupons(),
                Clock.systemUTC()), json, new PrintStream(OutputStream.nullOutputStream()));

        long started = System.nanoTime();
        LoadJob job = start.generate(BRAND, SET, n, "B8-").value();
        AtomicLong failedMessages = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(CONSUMERS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < CONSUMERS; w++) {
                workers.add(pool.submit(() -> consume(queue, consumer, failedMessages)));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        LoadJob done = jobs.find(BRAND, job.id()).orElseThrow();
        double seconds = (System.nanoTime() - started) / 1e9;

        GeneratedCodes codes = new GeneratedCodes(done.secret().orElseThrow(), "B8-");
        int lastChunk = done.chunks() - 1;
        boolean stored = storage.coupons().find(BRAND, codes.code(0, 0)).isPresent()
                && storage.coupons().find(BRAND, last(codes, lastChunk, n)).isPresent();
        boolean met = done.status() == LoadJob.Status.DONE && done.loaded() + done.duplicates() == n && stored;
        report.add(new Report.Row("8 coupon load", "coupon bulk load, " + n + " generated codes, " + CONSUMERS
                + " consumers", Math.round(n / seconds) + " codes/s (" + Report.fmt(seconds) + " s)", "-", Double.NaN,
                "DONE, every code loaded exactly once", met ? Report.Verdict.MET : Report.Verdict.MISSED,
                done.chunks() + " chunks of " + LoadChunk.GENERATED + ", batches of " + QueueId.COUPON_LOADS.batchSize()
                        + "; loaded " + done.loaded() + ", duplicates " + done.duplicates() + ", " + failedMessages.get()
                        + " messages failed and redelivered; " + done.status()));
    }

    private static CouponCode last(GeneratedCodes codes, int lastChunk, int n) {
        return codes.code(lastChunk, n - 1 - lastChunk * LoadChunk.GENERATED);
    }

    /** One consumer: a batch at a time until the queue is empty; a failed message goes back to the queue (redelivery). */
    private static void consume(ConcurrentLinkedQueue<String> queue, CouponLoadConsumer consumer, AtomicLong failed) {
        int batchSize = QueueId.COUPON_LOADS.batchSize();
        while (true) {
            List<SQSEvent.SQSMessage> batch = new ArrayList<>(batchSize);
            for (String body = queue.poll(); body != null; body = batch.size() < batchSize ? queue.poll() : null) {
                SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
                m.setMessageId(Integer.toString(batch.size()));
                m.setBody(body);
                batch.add(m);
            }
            if (batch.isEmpty()) {
                return;
            }
            SQSEvent event = new SQSEvent();
            event.setRecords(batch);
            SQSBatchResponse response = consumer.consume(event);
            for (SQSBatchResponse.BatchItemFailure f : response.getBatchItemFailures()) {
                failed.incrementAndGet();
                queue.add(batch.get(Integer.parseInt(f.getItemIdentifier())).getBody());
            }
        }
    }
}
