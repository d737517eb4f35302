package io.tally.lambda.jobs;

import io.tally.domain.communication.rule.DateRulesUseCase;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.ListBrandsPort;
import io.tally.lambda.topology.PeriodicJobs;
import io.tally.sqs.obs.Level;
import io.tally.sqs.obs.LogLine;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code rule-dates}: every brand's run of the date rules ({@link DateRulesUseCase}: birthdays, anniversaries, N days
 * without a visit, in the brand's local days) goes on for at most {@link #PAGES_PER_INVOCATION} pages from its stored
 * cursor; a brand whose run is done starts the run of its local date, and a brand done for the day costs one read.
 * What fires is a function of the cards and the local days, under deterministic trigger ids, so a run walked twice
 * sends nothing twice and the days the job missed are caught up (at most {@link DateRulesUseCase#CATCH_UP_DAYS}). A
 * brand that fails is logged and left for the next invocation; the other brands go on.
 */
public final class RuleDatesTask implements PeriodicTask {
    public static final String NAME = PeriodicJobs.RULE_DATES.name();
    /**
     * Pages (100 cards; one A59 query, an A74 read per card when the brand has a lapse rule, and a few requests per rule
     * fired) one invocation walks per brand: about 80 s at an assumed 4 ms a request and two requests a card, inside
     * the jobs function's 300 s (an estimate, not measured on AWS).
     */
    public static final int PAGES_PER_INVOCATION = 100;

    private final ListBrandsPort brands;
    private final Supplier<DateRulesUseCase> dates;
    private final int pages;
    private final PrintStream log;

    public RuleDatesTask(ListBrandsPort brands, Supplier<DateRulesUseCase> dates, PrintStream log) {
        this(brands, dates, PAGES_PER_INVOCATION, log);
    }

    public RuleDatesTask(ListBrandsPort brands, Supplier<DateRulesUseCase> dates, int pagesPerInvocation,
                         PrintStream log) {
        if (pagesPerInvocation < 1) {
            throw new IllegalArgumentException("pagesPerInvocation >= 1");
        }
        this.brands = brands;
        this.dates = dates;
        this.pages = pagesPerInvocation;
        this.log = log;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String run(Instant now) {
        DateRulesUseCase job = dates.get();
        List<BrandId> all = brands.brands();
        long[] totals = new long[3]; // pages, fired, runs done
        int failed = EachBrand.run(all, NAME, "rule dates", now, log, brand -> {
            DateRulesUseCase.Progress p = job.run(brand, now, pages);
            totals[0] += p.pages();
            totals[1] += p.fired();
            LogLine line = LogLine.detached(log, Level.INFO, "rule dates", now).field("job", NAME)
                    .field("brand", brand.value()).field("pages", p.pages()).field("fired", p.fired())
                    .field("overtaken", p.overtaken() ? 1 : 0);
            p.run().ifPresent(r -> line.field("day", r.day().toString()).field("from", r.from().toString())
                    .field("cards", r.cards()).field("done", r.done() ? 1 : 0));
            line.write();
            totals[2] += p.run().filter(r -> r.done()).isPresent() ? 1 : 0;
        });
        return all.size() + " brands: " + totals[0] + " pages, " + totals[1] + " date rules fired, " + totals[2]
                + " runs done" + EachBrand.failures(failed);
    }
}
