package io.tally.lambda.jobs;

import io.tally.domain.tenant.BrandId;
import io.tally.sqs.obs.Level;
import io.tally.sqs.obs.LogLine;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The periodic jobs' walk over the brands: each brand's work in turn; a brand whose work throws is logged
 * ({@code "<what> failed; the next run goes on"}, WARN, with the job and the brand) and left for the next run, and the
 * other brands go on.
 */
final class EachBrand {
    private EachBrand() {
    }

    /** Runs {@code work} for every brand; answers how many brands failed. */
    static int run(List<BrandId> brands, String job, String what, Instant now, PrintStream log, Consumer<BrandId> work) {
        int failed = 0;
        for (BrandId brand : brands) {
            try {
                work.accept(brand);
            } catch (RuntimeException e) {
                failed++;
                LogLine.detached(log, Level.WARN, what + " failed; the next run goes on", now).field("job", job)
                        .field("brand", brand.value()).fault(e).write();
            }
        }
        return failed;
    }

    /** The run's summary ending: nothing when every brand went through, else how many failed. */
    static String failures(int failed) {
        return failed == 0 ? "" : ", " + failed + " brands failed";
    }
}
