package io.tally.domain.coupon.bulk;

import io.tally.domain.coupon.Coupon;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.coupon.CouponPort;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loads one chunk of a coupon load (the coupon-load queue's consumer). Safe under redelivery: a chunk already recorded
 * is skipped; a chunk that crashed part-way is loaded again, and the coupons its first delivery wrote are found
 * identical and counted as loaded (not as duplicates). The chunk's result is recorded in the job in one conditional
 * write, so its counts are added exactly once.
 *
 * <p>Counting rule: a code whose coupon now exists exactly as the line describes (same set, tags, cards and validity,
 * whoever wrote it) is <b>loaded</b>; a code taken by a different coupon of the brand is a <b>duplicate</b> (listed with
 * its line); a line that is not a valid coupon is <b>invalid</b> (listed with its line and reason).
 */
public final class LoadCouponChunkUseCase {
    private final CouponLoadPort jobs;
    private final CouponPort coupons;
    private final Clock clock;

    public LoadCouponChunkUseCase(CouponLoadPort jobs, CouponPort coupons, Clock clock) {
        this.jobs = jobs;
        this.coupons = coupons;
        this.clock = clock;
    }

    public enum Result {
        LOADED,
        /** Recorded before (a redelivery), or the job stopped (FAILED): nothing written. */
        SKIPPED,
        /** No such job: the message is garbage (or its job was deleted); nothing written. */
        NO_SUCH_JOB
    }

    public Result load(LoadChunk chunk) {
        LoadJob job = jobs.find(chunk.brand(), chunk.job()).orElse(null);
        if (job == null) {
            return Result.NO_SUCH_JOB;
        }
        if (job.chunkDone(chunk.chunk()) || job.status() == LoadJob.Status.FAILED) {
            return Result.SKIPPED;
        }
        Tally tally = new Tally(chunk.chunk());
        Map<CouponCode, Planned> planned = plan(job, chunk, tally);
        List<Planned> all = new ArrayList<>(planned.values());
        for (int from = 0; from < all.size(); from += CouponPort.MAX_BATCH) {
            write(all.subList(from, Math.min(all.size(), from + CouponPort.MAX_BATCH)), tally);
        }
        CouponLoadPort.Recorded recorded = jobs.recordChunk(job.brand(), job.id(), tally.result(), clock.instant());
        return recorded == CouponLoadPort.Recorded.RECORDED ? Result.LOADED
                : recorded == CouponLoadPort.Recorded.NO_SUCH_JOB ? Result.NO_SUCH_JOB : Result.SKIPPED;
    }

    /** The coupons the chunk asks for, by code (first line wins), its invalid lines tallied. */
    private static Map<CouponCode, Planned> plan(LoadJob job, LoadChunk chunk, Tally tally) {
        Map<CouponCode, Planned> planned = new LinkedHashMap<>();
        if (job.kind() == LoadJob.Kind.GENERATE) {
            GeneratedCodes codes = new GeneratedCodes(job.secret().orElseThrow(), job.prefix().orElse(""));
            for (int i = 0; i < chunk.count(); i++) {
                long ordinal = (long) chunk.chunk() * LoadChunk.GENERATED + i + 1;
                Coupon coupon = Coupon.fresh(job.brand(), codes.code(chunk.chunk(), i), job.set(), null, null,
                        job.validFrom(), job.validTo());
                if (planned.putIfAbsent(coupon.code(), new Planned(ordinal, coupon)) != null) {
                    tally.duplicate(ordinal);
                }
            }
            return planned;
        }
        for (NumberedLine line : chunk.lines()) {
            CouponCsv.Parsed parsed = CouponCsv.parse(line);
            if (!parsed.valid()) {
                tally.invalid(parsed.invalid());
                continue;
            }
            CouponCsv.Line l = parsed.line();
            Coupon coupon = Coupon.fresh(job.brand(), l.code(), job.set(), l.cards(), l.tags(), job.validFrom(),
                    job.validTo());
            Planned first = planned.putIfAbsent(l.code(), new Planned(line.number(), coupon));
            if (first != null) {
                tally.invalid(new InvalidLine(line.number(), "duplicate of line " + first.line()));
            }
        }
        return planned;
    }

    private void write(List<Planned> batch, Tally tally) {
        Map<CouponCode, Planned> byCode = new HashMap<>();
        batch.forEach(p -> byCode.put(p.coupon().code(), p));
        List<CouponCode> taken = coupons.createAll(batch.stream().map(Planned::coupon).toList());
        Map<CouponCode, Coupon> existing = taken.isEmpty() ? Map.of()
                : coupons.findAll(batch.get(0).coupon().brand(), taken);
        int duplicates = 0;
        for (CouponCode code : taken) {
            Coupon stored = existing.get(code);
            Planned wanted = byCode.get(code);
            if (stored == null || !sameContent(stored, wanted.coupon())) {
                tally.duplicate(wanted.line());
                duplicates++;
            }
        }
        tally.loaded(batch.size() - duplicates);
    }

    /** What a load decides about a coupon; its lifecycle since (used, allocated) does not make it someone else's. */
    static boolean sameContent(Coupon stored, Coupon wanted) {
        return stored.set().equals(wanted.set()) && stored.tags().equals(wanted.tags())
                && stored.cards().equals(wanted.cards()) && stored.validFrom().equals(wanted.validFrom())
                && stored.validTo().equals(wanted.validTo());
    }

    private record Planned(long line, Coupon coupon) {
        Planned {
            Objects.requireNonNull(coupon, "coupon");
        }
    }

    /** The chunk's counts as they accumulate. */
    private static final class Tally {
        private final int chunk;
        private int loaded;
        private int duplicates;
        private int invalid;
        private final List<InvalidLine> lines = new ArrayList<>();

        Tally(int chunk) {
            this.chunk = chunk;
        }

        void loaded(int n) {
            loaded += n;
        }

        void duplicate(long line) {
            duplicates++;
            list(new InvalidLine(line, "duplicate: the code belongs to another coupon"));
        }

        void invalid(InvalidLine line) {
            invalid++;
            list(line);
        }

        private void list(InvalidLine line) {
            if (lines.size() < ChunkResult.MAX_INVALID_LINES) {
                lines.add(line);
            }
        }

        ChunkResult result() {
            return new ChunkResult(chunk, loaded, duplicates, invalid, lines);
        }
    }
}
