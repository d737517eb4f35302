package io.tally.lambda.jobs;

import io.tally.domain.report.ExploreRollupUseCase;
import io.tally.domain.report.RollupUseCase;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.ListBrandsPort;
import io.tally.lambda.topology.PeriodicJobs;
import io.tally.sqs.obs.Level;
import io.tally.sqs.obs.LogLine;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * {@code rollups}: the accounting rollups of every brand ({@link RollupUseCase#run}): the days that have ended are
 * rolled up, the days noted late rolled up again, yesterday and the day before re-verified. One JSON log line per
 * brand, and a WARN line per difference the re-verification found (with each differing cell: something reached the
 * activity log without being noted late; the day is repaired already). A brand that fails is logged and left for the
 * next run; the other brands go on.
 */
public final class RollupsTask implements PeriodicTask {
    public static final String NAME = PeriodicJobs.ROLLUPS.name();

    private final ListBrandsPort brands;
    private final Function<BrandId, RollupUseCase.Run> job;
    private final PrintStream log;

    public RollupsTask(ListBrandsPort brands, RollupUseCase rollups, PrintStream log) {
        this.brands = brands;
        this.job = rollups::run;
        this.log = log;
    }

    /**
     * With the Explore Data rollups: after each brand's accounting run (which rolls up again the Explore days noted
     * late, {@link ExploreRollupUseCase#rollUpAgain}), {@link ExploreRollupUseCase#run}, logged on a line of its own
     * (WARN when its re-verification found a difference).
     */
    public RollupsTask(ListBrandsPort brands, RollupUseCase rollups, ExploreRollupUseCase explore,
                       PrintStream log) {
        this.brands = brands;
        this.log = log;
        this.job = brand -> {
            RollupUseCase.Run books = rollups.run(brand);
            ExploreRollupUseCase.Run run = explore.run(brand);
            line(run.differences().isEmpty() ? Level.INFO : Level.WARN, brand, "rollup", "explore",
                    "written", run.written().stream().map(Object::toString).toList(),
                    "differences", run.differences().stream().map(Object::toString).toList());
            return books;
        };
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String run(Instant now) {
        List<BrandId> all = brands.brands();
        int written = 0;
        int repaired = 0;
        int differences = 0;
        int failed = 0;
        for (BrandId brand : all) {
            try {
                RollupUseCase.Run run = job.apply(brand);
                written += run.written().size();
                repaired += run.repaired().size();
                differences += run.differences().size();
                line(Level.INFO, brand, "written", run.written().stream().map(Object::toString).toList(),
                        "repaired", run.repaired().stream().map(Object::toString).toList(),
                        "differences", run.differences().size());
                for (RollupUseCase.Difference d : run.differences()) {
                    line(Level.WARN, brand, "message", "a stored day differed from its ledger entries; repaired",
                            "day", d.day().toString(), "cells", d.lines());
                }
            } catch (RuntimeException e) {
                failed++;
                line(Level.WARN, brand, "message", "rollups failed; the next run goes on", "error", String.valueOf(e));
            }
        }
        return all.size() + " brands: " + written + " days rolled up, " + repaired + " rolled up again (late entries), "
                + differences + " differences found and repaired" + (failed == 0 ? "" : ", " + failed + " brands failed");
    }

    /**
     * One JSON line through the shared log writer ({@link LogLine}: one string, redaction): level, message (the
     * {@code message} pair's value, else "rollups"), job, brand, then the other name/value pairs in their order; a
     * number is written as one, a collection as its items joined by "; ", anything else as its text.
     */
    private void line(Level level, BrandId brand, Object... namesAndValues) {
        String message = "rollups";
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if ("message".equals(namesAndValues[i])) {
                message = String.valueOf(namesAndValues[i + 1]);
            }
        }
        LogLine line = LogLine.detached(log, level, message, Instant.now()).field("job", NAME).field("brand", brand.value());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            Object value = namesAndValues[i + 1];
            if ("message".equals(name)) {
                continue;
            }
            if (value instanceof Integer || value instanceof Long) {
                line.field(name, ((Number) value).longValue());
            } else if (value instanceof Collection<?> items) {
                line.field(name, String.join("; ", items.stream().map(String::valueOf).toList()));
            } else {
                line.field(name, String.valueOf(value));
            }
        }
        line.write();
    }
}
