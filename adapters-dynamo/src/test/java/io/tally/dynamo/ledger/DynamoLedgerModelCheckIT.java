package io.tally.dynamo.ledger;

import io.tally.domain.contract.ContractData;
import io.tally.domain.model.Mode;
import io.tally.domain.model.ModelCheck;
import io.tally.domain.model.ModelCheckTries;
import io.tally.domain.model.Step;
import io.tally.domain.model.Steps;
import io.tally.dynamo.testing.DynaliteExtension.Fresh;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The domain's model check (domain test-jar: {@link ModelCheck}, the reference model, the step generator) on the real
 * DynamoDB adapters on dynalite, through {@link DynamoModelWorld}: the same sequences, the same comparisons after
 * every step, the same faults (a call killed right after a ledger or coupon write on dynalite and retried with its
 * customRequestId, or never retried), checkouts and their coupons included. Fewer sequences than the in-memory property, as dynalite answers in milliseconds, not
 * microseconds; {@code -Dtally.modelcheck.tries=N} runs N per test, {@code -Dtally.modelcheck.seed=S} repeats a run
 * (the seed is in every failure). jqwik properties cannot take JUnit extensions, so the sequences are drawn from a
 * seeded Random ({@link Steps#sample}) and are not shrunk: shrink a failure on the in-memory property.
 */
@ExtendWith(DynaliteExtension.class)
class DynamoLedgerModelCheckIT {

    @Test
    void the_ledger_on_dynamodb_follows_the_model_as_time_passes_and_the_sweeper_runs(@Fresh DynamoTestTable table) {
        check(table, Mode.TIME, 10);
    }

    @Test
    void the_ledger_on_dynamodb_follows_the_model_when_calls_die_after_a_write(@Fresh DynamoTestTable table) {
        check(table, Mode.FAULTS, 10);
    }

    @Test
    void retried_calls_on_dynamodb_follow_the_model_while_nothing_expires_or_lapses(@Fresh DynamoTestTable table) {
        check(table, Mode.TIMELESS_WITH_FAULTS, 5);
    }

    private static void check(DynamoTestTable table, Mode mode, int sequences) {
        long seed = Long.getLong(ModelCheckTries.SEED, System.nanoTime());
        int runs = Integer.getInteger(ModelCheckTries.TRIES, sequences);
        Random random = new Random(seed);
        DynamoModelWorld world = new DynamoModelWorld(table, ContractData.freshBrand(), seed);
        for (int i = 0; i < runs; i++) {
            List<Step> steps = Steps.sample(random);
            try {
                new ModelCheck(world, mode).run(steps);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ", sequence " + i + " of " + steps.size() + " steps " + steps
                        + ":\n" + e.getMessage(), e);
            }
        }
        System.out.printf("model check on dynalite (%s): %d sequences, seed %d%n", mode, runs, seed);
    }
}
