package io.tally.dynamo.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.contract.ContractData;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.ledger.BalanceResult;
import io.tally.domain.ledger.IssueUseCase;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.LedgerRules;
import io.tally.domain.ledger.RedeemUseCase;
import io.tally.domain.shared.Backoff;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.domain.shared.RetryPolicy;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 50 redemptions of one card at once, through the real RedeemUseCase and CardLedgerWriter on the DynamoDB adapters:
 * the conditional PutItem on the next sequence number is the only thing that serialises them.
 */
@ExtendWith(DynaliteExtension.class)
class DynamoConcurrentRedeemIT {
    private static final int THREADS = 50;
    private static final long START = 10_000;

    @Test
    void fifty_parallel_redemptions_never_overspend_and_the_balance_adds_up(DynamoTestTable table) throws Exception {
        DynamoWorld w = new DynamoWorld(table, ContractData.freshBrand(),
                RetryPolicy.of(RetryPolicy.MAX_ATTEMPTS_LIMIT, Backoff.jittered(new SeededRandom(5), 2, 50, Backoff.Sleeper.THREAD)), 21);
        CardNumber card = w.activeCard();
        w.issue.issue(new IssueUseCase.IssueCommand(w.context(), w.info(), card, DynamoWorld.USD, START, Optional.empty(),
                false, Optional.empty())).value();
        int appendsBefore = w.ledger.appends();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Outcome<BalanceResult>>> results = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            long amount = 150 + (i % 7) * 50; // together more than the card holds
            results.add(pool.submit(() -> {
                go.await();
                return w.redeem.redeem(new RedeemUseCase.RedeemCommand(w.context(), w.info(), card, DynamoWorld.USD,
                        amount, false, Optional.empty()));
            }));
        }
        long started = System.nanoTime();
        go.countDown();
        long redeemed = 0;
        int accepted = 0;
        Map<Reason, Integer> rejected = new EnumMap<>(Reason.class);
        for (Future<Outcome<BalanceResult>> f : results) {
            Outcome<BalanceResult> o = f.get(60, TimeUnit.SECONDS);
            if (o.isAccepted()) {
                accepted++;
                redeemed -= o.value().entry().movements().get(0).balanceDelta();
            } else {
                rejected.merge(((Outcome.Rejected<BalanceResult>) o).rejection().reason(), 1, Integer::sum);
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        pool.shutdown();
        List<LedgerEntry> entries = w.entries(card);
        long balance = w.ledger.head(w.brand, card).orElseThrow().stateAfter().balance(DynamoWorld.USD).total();
        System.out.printf("concurrent redeem on dynalite: %d threads, %d accepted (%d redeemed), rejected %s, "
                        + "%d appends of which %d lost the race (= retries), %d ms%n", THREADS, accepted, redeemed, rejected,
                w.ledger.appends() - appendsBefore, w.ledger.conflicts(), millis);

        assertTrue(rejected.keySet().stream().allMatch(r -> r == Reason.INSUFFICIENT_FUNDS || r == Reason.CONTENDED), rejected.toString());
        assertEquals(START - redeemed, balance, "the balance is the start minus what the accepted redemptions took");
        assertTrue(balance >= 0);
        assertEquals(accepted + 1, entries.size(), "one entry per accepted redemption, after the issue");
        assertEquals(entries.get(entries.size() - 1).stateAfter(), LedgerRules.replay(entries));
        assertTrue(accepted > 0 && w.ledger.conflicts() > 0, "the threads really raced for the same sequence numbers");
    }
}
