package io.tally.domain.coupon.bulk;

import io.tally.domain.coupon.CouponSet;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.Reason;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts a coupon bulk load (operator command line, later the back office): checks the set, stores the job, then
 * queues its chunks for {@link LoadCouponChunkUseCase}. Storing the job is the commit; if queueing fails part-way the
 * job is marked FAILED and the operator runs the load again (a new job: coupons the first one wrote count as loaded,
 * not as duplicates, so a re-run is safe).
 */
public final class StartCouponLoadUseCase {
    private final CouponLoadPort jobs;
    private final CouponLoadQueuePort queue;
    private final CouponSetLookup sets;
    private final RandomSource random;
    private final Clock clock;

    public StartCouponLoadUseCase(CouponLoadPort jobs, CouponLoadQueuePort queue, CouponSetLookup sets,
                                  RandomSource random, Clock clock) {
        this.jobs = jobs;
        this.queue = queue;
        this.sets = sets;
        this.random = random;
        this.clock = clock;
    }

    /** Loads a checked CSV file's valid lines; its invalid lines are in the job from the start. */
    public Outcome<LoadJob> loadCsv(BrandId brand, CouponSetId setId, CouponCsv.File file) {
        if (file.dataLines() > LoadJob.MAX_TOTAL) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "at most " + LoadJob.MAX_TOTAL + " lines per load");
        }
        List<List<NumberedLine>> split = split(file.valid());
        return set(brand, setId).flatMap(set -> {
            LoadJob job = LoadJob.start(LoadJobId.random(random), brand, setId, LoadJob.Kind.CSV, Optional.empty(),
                    Optional.empty(), file.dataLines(), split.size(), set.validFrom(), set.validTo(), file.invalidCount(),
                    file.invalid(), clock.instant());
            List<LoadChunk> chunks = new ArrayList<>(split.size());
            for (int c = 0; c < split.size(); c++) {
                chunks.add(LoadChunk.csv(brand, job.id(), c, split.get(c)));
            }
            return start(job, chunks);
        });
    }

    /** Generates {@code count} new codes {@code prefix} + 12 random characters. */
    public Outcome<LoadJob> generate(BrandId brand, CouponSetId setId, long count, String prefix) {
        if (count < 1 || count > LoadJob.MAX_TOTAL) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "generate 1-" + LoadJob.MAX_TOTAL + " codes");
        }
        if (!GeneratedCodes.validPrefix(prefix)) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "a prefix is at most " + GeneratedCodes.MAX_PREFIX
                    + " upper-case letters, digits, '-' or '_', starting with a letter or digit");
        }
        int chunkCount = (int) ((count + LoadChunk.GENERATED - 1) / LoadChunk.GENERATED);
        return set(brand, setId).flatMap(set -> {
            LoadJob job = LoadJob.start(LoadJobId.random(random), brand, setId, LoadJob.Kind.GENERATE,
                    Optional.of(prefix), Optional.of(GeneratedCodes.newSecret(random)), count, chunkCount,
                    set.validFrom(), set.validTo(), 0, List.of(), clock.instant());
            List<LoadChunk> chunks = new ArrayList<>(chunkCount);
            for (int c = 0; c < chunkCount; c++) {
                long left = count - (long) c * LoadChunk.GENERATED;
                chunks.add(LoadChunk.generate(brand, job.id(), c, (int) Math.min(LoadChunk.GENERATED, left)));
            }
            return start(job, chunks);
        });
    }

    /** The job as stored now. */
    public Optional<LoadJob> status(BrandId brand, LoadJobId id) {
        return jobs.find(brand, id);
    }

    private Outcome<CouponSet> set(BrandId brand, CouponSetId id) {
        return sets.find(brand, id).map(Outcome::accepted)
                .orElseGet(() -> Outcome.rejected(Reason.UNKNOWN_COUPON_SET, "Brand " + brand + " has no coupon set " + id + "."));
    }

    private Outcome<LoadJob> start(LoadJob job, List<LoadChunk> chunks) {
        if (!jobs.create(job)) {
            throw new IllegalStateException("load job id " + job.id() + " is taken: the random source repeats itself");
        }
        try {
            queue.send(chunks);
        } catch (RuntimeException e) {
            jobs.fail(job.brand(), job.id(), "queueing its chunks failed: " + e.getMessage());
            throw e;
        }
        return Outcome.accepted(job);
    }

    /** Chunks of at most {@link LoadChunk#CSV_LINES} lines and {@link LoadChunk#CSV_CHARACTERS} characters. */
    static List<List<NumberedLine>> split(List<NumberedLine> lines) {
        List<List<NumberedLine>> chunks = new ArrayList<>();
        List<NumberedLine> current = new ArrayList<>();
        int characters = 0;
        for (NumberedLine line : lines) {
            if (current.size() == LoadChunk.CSV_LINES || characters + line.text().length() > LoadChunk.CSV_CHARACTERS) {
                chunks.add(current);
                current = new ArrayList<>();
                characters = 0;
            }
            current.add(line);
            characters += line.text().length();
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }
}
