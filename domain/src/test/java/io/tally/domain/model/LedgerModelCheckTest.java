package io.tally.domain.model;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;

/**
 * The ledger compared with the independent {@link CardModel} (TigerBeetle's VOPR, Jepsen's bank checker): random
 * sequences of issuances, redemptions, holds, captures, releases and voids on two cards, and checkouts on them
 * ({@link CheckoutModel}: baskets, SPRING coupons, USD paid from the card, setups completed, lapsing or voided, the
 * demo's punch card and points; coupons compared too), the clock moving onto and
 * past expiries and lapses, the sweeper running at random moments and, in the second property, calls dying right
 * after a ledger write and retried with the same customRequestId. After every step the answer, the balances a
 * lookup shows and the ledger's EXPIRE/RELEASE entries must be what the spec (docs/API.md) says.
 *
 * <p>The last two properties keep the clock short of every expiry and lapse and never sweep: the plain money rules
 * (and their retries) alone, a baseline that says a failure of the first two is about time, not the harness.
 *
 * <p>The defaults keep the suite quick. A soak run of 10,000 sequences per property:
 * {@code mvn -pl domain test -Dtest=LedgerModelCheckTest -Dtally.modelcheck.tries=10000}; a failure prints its seed,
 * rerun it with {@code -Dtally.modelcheck.seed=<seed>} (see {@link ModelCheckTries}).
 */
@AddLifecycleHook(ModelCheckTries.class)
class LedgerModelCheckTest {

    @Property(tries = 1_000, edgeCases = EdgeCasesMode.NONE)
    void the_ledger_follows_the_model_as_time_passes_and_the_sweeper_runs(@ForAll("sequences") List<Step> steps) {
        collect(new ModelCheck(new InMemoryModelWorld(), Mode.TIME).run(steps));
    }

    @Property(tries = 1_000, edgeCases = EdgeCasesMode.NONE)
    void the_ledger_follows_the_model_when_calls_die_after_a_write_and_are_retried(@ForAll("sequences") List<Step> steps) {
        collect(new ModelCheck(new InMemoryModelWorld(), Mode.FAULTS).run(steps));
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void the_ledger_follows_the_model_while_nothing_expires_or_lapses(@ForAll("sequences") List<Step> steps) {
        new ModelCheck(new InMemoryModelWorld(), Mode.TIMELESS).run(steps);
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void retried_calls_follow_the_model_while_nothing_expires_or_lapses(@ForAll("sequences") List<Step> steps) {
        collect(new ModelCheck(new InMemoryModelWorld(), Mode.TIMELESS_WITH_FAULTS).run(steps));
    }

    @Provide
    Arbitrary<List<Step>> sequences() {
        return Steps.sequences();
    }

    private static void collect(ModelCheck.Tally tally) {
        Statistics.label("kept value").collect(tally.keptValue());
        Statistics.label("value expired").collect(tally.expired());
        Statistics.label("a hold lapsed").collect(tally.lapsed());
        Statistics.label("calls died").collect(tally.crashes() > 0);
        Statistics.label("retries replayed").collect(tally.replays() > 0);
        Statistics.label("checkouts accepted").collect(Math.min(tally.checkouts(), 3));
        Statistics.label("setups completed").collect(tally.completions() > 0);
        Statistics.label("a reward coupon stands").collect(tally.awards() > 0);
        Statistics.label("calls abandoned after a death").collect(tally.abandoned() > 0);
    }
}
