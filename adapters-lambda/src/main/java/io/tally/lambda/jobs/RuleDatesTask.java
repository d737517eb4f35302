package io.tally.lambda.jobs;

import io.tally.domain.communication.rule.DateRulesUseCase;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.ListBrandsPort;
import io.tally.lambda.topology.PeriodicJobs;
import io.tally.sqs.obs.Level;
import io.tally.sqs.obs.LogLine;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code rule-dates}: once a day, every brand's birthday, anniversary and "N days without a visit" rules
 * ({@link DateRulesUseCase}): what fires is a function of the cards and the day, under deterministic trigger ids, so a
 * second run sends nothing twice and a run some days late still sends. A brand that fails is logged and left for the
 * next run; the other brands go on.
 */
public final class RuleDatesTask implements PeriodicTask {
    public static final String NAME = PeriodicJobs.RULE_DATES.name();

    private final ListBrandsPort brands;
    private final Supplier<DateRulesUseCase> dates;
    private final PrintStream log;

    public RuleDatesTask(ListBrandsPort brands, Supplier<DateRulesUseCase> dates, PrintStream log) {
        this.brands = brands;
        this.dates = dates;
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
        long[] fired = new long[1];
        int failed = EachBrand.run(all, NAME, "rule dates", now, log, brand -> {
            DateRulesUseCase.Run run = job.run(brand, LocalDate.ofInstant(now, ZoneOffset.UTC));
            fired[0] += run.fired();
            LogLine.detached(log, Level.INFO, "rule dates", now).field("job", NAME).field("brand", brand.value())
                    .field("cards", run.cards()).field("fired", run.fired()).write();
        });
        return all.size() + " brands: " + fired[0] + " date rules fired" + EachBrand.failures(failed);
    }
}
