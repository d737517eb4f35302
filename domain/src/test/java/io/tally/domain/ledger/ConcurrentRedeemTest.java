package io.tally.domain.ledger;

import static io.tally.domain.fakes.TestWorld.BRAND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.program.ValueTypeLimits;
import io.tally.domain.shared.Backoff;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.domain.shared.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentRedeemTest {
    @Test
    void fifty_threads_redeeming_one_card_never_overspend() throws Exception {
        TestWorld w = new TestWorld(ValueTypeLimits.NONE, RetryPolicy.of(50, Backoff.jittered(new io.tally.domain.fakes.SeededRandom(5),
                1, 4, Backoff.Sleeper.THREAD)), 21);
        CardNumber card = w.activeCard();
        long start = 10_000;
        w.issue(card, start).value();
        int threads = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Outcome<BalanceResult>>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            long amount = 150 + (i % 7) * 50; // 50 requests asking for more than the card holds in total
            results.add(pool.submit(() -> {
                go.await();
                return w.redeem(card, amount);
            }));
        }
        w.ledger.makeNextReadersMeet(8);
        go.countDown();
        long redeemed = 0;
        int accepted = 0;
        for (Future<Outcome<BalanceResult>> f : results) {
            Outcome<BalanceResult> o = f.get(30, TimeUnit.SECONDS);
            if (o.isAccepted()) {
                accepted++;
                redeemed -= o.value().entry().movements().get(0).balanceDelta();
            } else {
                Reason r = ((Outcome.Rejected<BalanceResult>) o).rejection().reason();
                assertTrue(r == Reason.INSUFFICIENT_FUNDS || r == Reason.CONTENDED, r.toString());
            }
        }
        pool.shutdown();

        assertEquals(start - redeemed, w.balance(card));
        assertTrue(w.balance(card) >= 0);
        assertEquals(accepted + 1, w.ledger.all(BRAND, card).size(), "one entry per accepted redemption");
        assertEquals(w.state(card), LedgerRules.replay(w.ledger.all(BRAND, card)));
        assertTrue(accepted > 0);
        assertTrue(w.ledger.conflicts() > 0, "the threads really raced for the same sequence numbers");
    }
}
