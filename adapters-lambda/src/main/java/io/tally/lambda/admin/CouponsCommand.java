package io.tally.lambda.admin;

import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.coupon.bulk.CouponCsv;
import io.tally.domain.coupon.bulk.InvalidLine;
import io.tally.domain.coupon.bulk.LoadJob;
import io.tally.domain.coupon.bulk.LoadJobId;
import io.tally.domain.coupon.bulk.StartCouponLoadUseCase;
import io.tally.domain.shared.Identifiers;
import io.tally.domain.shared.Outcome;
import io.tally.domain.tenant.BrandId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code tally admin coupons load|generate|status}: starts a coupon bulk load and follows it to the end with a progress
 * bar on stderr; the job's summary and its invalid lines go to stdout. Exit codes: 0 DONE, 1 refused or FAILED (or no
 * progress for {@code stallLimit}), 2 usage.
 */
public final class CouponsCommand {
    static final String USAGE = """
              coupons load BRAND SET FILE.csv [--no-wait]            load a CSV file of codes (code[,tags][,cards];
                                                                     tags and cards ';'-separated, header optional)
              coupons generate BRAND SET N --prefix P [--no-wait]    generate N unguessable codes P + 12 characters
              coupons status BRAND JOB                               a load's progress and invalid lines""";
    private static final int BAR = 30;

    private final StartCouponLoadUseCase loads;
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final Duration pollEvery;
    private final Duration stallLimit;

    public CouponsCommand(StartCouponLoadUseCase loads, PrintStream out, PrintStream err, Clock clock, Duration pollEvery,
                   Duration stallLimit) {
        this.loads = loads;
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.pollEvery = pollEvery;
        this.stallLimit = stallLimit;
    }

    public int run(List<String> a) {
        if (a.size() < 4 || !Identifiers.isValid(a.get(2))) {
            return usage("coupons needs a subcommand, a brand and a set, job or file");
        }
        BrandId brand = new BrandId(a.get(2));
        boolean wait = !a.contains("--no-wait");
        return switch (a.get(1)) {
            case "load" -> a.size() < 5 || !Identifiers.isValid(a.get(3)) ? usage("coupons load needs BRAND SET FILE")
                    : load(brand, new CouponSetId(a.get(3)), Path.of(a.get(4)), wait);
            case "generate" -> generate(brand, a, wait);
            case "status" -> Identifiers.isValid(a.get(3)) ? status(brand, new LoadJobId(a.get(3)))
                    : usage("not a job id: " + a.get(3));
            default -> usage("unknown coupons subcommand " + a.get(1));
        };
    }

    private int load(BrandId brand, CouponSetId set, Path file, boolean wait) {
        CouponCsv.File csv;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            csv = CouponCsv.read(reader);
        } catch (IOException e) {
            err.println("tally admin: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        err.println(file + ": " + number(csv.dataLines()) + " lines, " + number(csv.valid().size()) + " valid, "
                + number(csv.invalidCount()) + " invalid");
        return started(loads.loadCsv(brand, set, csv), wait);
    }

    private int generate(BrandId brand, List<String> a, boolean wait) {
        int p = a.indexOf("--prefix");
        if (a.size() < 5 || !Identifiers.isValid(a.get(3)) || p < 0 || p + 1 >= a.size()) {
            return usage("coupons generate needs BRAND SET N --prefix P");
        }
        long count;
        try {
            count = Long.parseLong(a.get(4).replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            return usage("not a number of codes: " + a.get(4));
        }
        return started(loads.generate(brand, new CouponSetId(a.get(3)), count, a.get(p + 1)), wait);
    }

    private int started(Outcome<LoadJob> outcome, boolean wait) {
        if (outcome instanceof Outcome.Rejected<LoadJob> r) {
            err.println("tally admin: " + r.rejection().detail());
            return 1;
        }
        LoadJob job = outcome.value();
        out.println("Load " + job.id() + " (brand " + job.brand() + ", set " + job.set() + "): " + number(job.chunks())
                + " chunks queued");
        return wait ? follow(job) : 0;
    }

    private int status(BrandId brand, LoadJobId id) {
        Optional<LoadJob> job = loads.status(brand, id);
        if (job.isEmpty()) {
            err.println("tally admin: brand " + brand + " has no coupon load " + id);
            return 1;
        }
        summary(job.get());
        return job.get().status() == LoadJob.Status.FAILED ? 1 : 0;
    }

    /** Polls the job until DONE or FAILED, drawing the bar; gives up after {@code stallLimit} without progress. */
    private int follow(LoadJob started) {
        Instant since = clock.instant();
        Instant lastProgress = since;
        long processedAtStart = started.processed();
        long lastProcessed = -1;
        LoadJob job = started;
        while (job.status() != LoadJob.Status.DONE && job.status() != LoadJob.Status.FAILED) {
            if (job.processed() != lastProcessed) {
                lastProcessed = job.processed();
                lastProgress = clock.instant();
            } else if (Duration.between(lastProgress, clock.instant()).compareTo(stallLimit) > 0) {
                err.println();
                err.println("tally admin: no progress for " + stallLimit.toSeconds() + " s; the load goes on: follow it with"
                        + " `tally admin coupons status " + job.brand() + " " + job.id() + "`");
                return 1;
            }
            err.print("\r" + bar(job, rate(job.processed() - processedAtStart, since)));
            sleep();
            job = loads.status(started.brand(), started.id()).orElseThrow();
        }
        err.println("\r" + bar(job, rate(job.processed() - processedAtStart, since)));
        summary(job);
        return job.status() == LoadJob.Status.DONE ? 0 : 1;
    }

    /** {@code [#####.....] 512,000/1,000,000 loaded · 12 duplicates · 3 invalid · 4,100/s} */
    static String bar(LoadJob job, long perSecond) {
        int filled = job.total() == 0 ? BAR : (int) (BAR * job.processed() / job.total());
        return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + number(job.loaded()) + "/"
                + number(job.total()) + " loaded · " + number(job.duplicates()) + " duplicates · " + number(job.invalid())
                + " invalid · " + number(perSecond) + "/s";
    }

    private long rate(long processed, Instant since) {
        long millis = Math.max(1, Duration.between(since, clock.instant()).toMillis());
        return processed * 1000 / millis;
    }

    private void summary(LoadJob job) {
        out.println("Load " + job.id() + " (brand " + job.brand() + ", set " + job.set() + ", " + job.kind()
                + job.prefix().map(p -> " prefix " + p).orElse("") + "): " + job.status() + ", "
                + number(job.chunksDone().size()) + "/" + number(job.chunks()) + " chunks");
        out.println("  " + number(job.loaded()) + " loaded, " + number(job.duplicates()) + " duplicates, "
                + number(job.invalid()) + " invalid of " + number(job.total()));
        out.println("  started " + job.createdAt() + job.finishedAt().map(f -> ", finished " + f).orElse(""));
        job.failure().ifPresent(f -> out.println("  failed: " + f));
        List<InvalidLine> lines = job.invalidLines();
        if (!lines.isEmpty()) {
            long notLoaded = job.invalid() + job.duplicates();
            out.println("  lines not loaded" + (lines.size() < notLoaded ? " (the first " + number(lines.size()) + " of "
                    + number(notLoaded) + ")" : "") + ":");
            lines.forEach(l -> out.println("    line " + l.line() + ": " + l.reason()));
        }
    }

    private void sleep() {
        try {
            Thread.sleep(pollEvery.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private int usage(String problem) {
        err.println("tally admin: " + problem);
        err.println(TallyAdmin.USAGE);
        return 2;
    }
}
